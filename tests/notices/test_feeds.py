"""Atom feeds of changes: per school notice and per authority, valid, linked, cacheable."""

from __future__ import annotations

import feedparser
import pytest

from clauses.models import Clause
from clauses.services import clause_version_publish, clause_version_start_draft
from notices.publishing.batch import notices_publish, select_school_notices
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(school_a, school_b):
    school_b.local_authority = school_a.local_authority
    school_b.save()
    notice_type = NoticeTypeFactory(slug="pupils", title="How we use pupil data", is_primary=True)
    clause = ClauseFactory(key="rights", heading="Your rights")
    ClauseVersionFactory(clause=clause, published=True, body="You can see what we hold.")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=clause)
    SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    SchoolNoticeFactory(school=school_b, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    draft = clause_version_start_draft(clause=Clause.objects.get(key="rights"), user=None)
    draft.body = "You can see and correct what we hold."
    draft.change_summary = "Added the right to correct."
    draft.save()
    clause_version_publish(version=draft, user=None)
    notices_publish(school_notices=select_school_notices())
    return school_a


def _feed(client, url: str):  # type: ignore[no-untyped-def]
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    parsed = feedparser.parse(response.content)
    assert parsed.bozo == 0, parsed.get("bozo_exception")
    assert parsed.version == "atom10"
    return response, parsed


def test_a_school_notice_feed_has_each_version_with_its_changes_and_comparison(
    client, two_versions
):
    slug = two_versions.slug

    _, parsed = _feed(client, f"/schools/{slug}/privacy-notice/changes.atom")

    assert parsed.feed.title == f"{two_versions.name}: changes to How we use pupil data"
    assert [e.title for e in parsed.entries] == [
        "Version 2 of “How we use pupil data”",
        "Version 1 of “How we use pupil data”",
    ]
    newest, first = parsed.entries
    assert newest.link.endswith(f"/schools/{slug}/notices/pupils/versions/2/changes/")
    assert "Updated “Your rights”: Added the right to correct." in newest.summary
    assert first.link.endswith(f"/schools/{slug}/notices/pupils/versions/1/")
    assert newest.id != first.id
    assert client.get(newest.link.split("testserver")[1]).status_code == 200


def test_the_authority_feed_has_every_school(client, two_versions, school_b):
    authority = two_versions.local_authority

    _, parsed = _feed(client, f"/authorities/{authority.slug}/changes.atom")

    titles = [entry.title for entry in parsed.entries]
    assert len(titles) == 4
    assert any(title.startswith(two_versions.name) for title in titles)
    assert any(title.startswith(school_b.name) for title in titles)


def test_the_feed_is_cacheable_like_the_pages(client, two_versions):
    url = f"/schools/{two_versions.slug}/notices/pupils/changes.atom"
    first, _ = _feed(client, url)

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert "public" in first["Cache-Control"]
    assert first["Last-Modified"]
    assert first.cookies == {}


def test_pages_announce_their_feeds(client, two_versions):
    slug = two_versions.slug
    feed_link = (
        '<link rel="alternate" type="application/atom+xml" title="Changes to this notice '
        f'(Atom feed)" href="/schools/{slug}/notices/pupils/changes.atom">'
    )

    assert feed_link in client.get(f"/schools/{slug}/privacy-notice/").content.decode()
    assert feed_link in client.get(f"/schools/{slug}/notices/pupils/versions/").content.decode()
    authority = client.get(f"/authorities/{two_versions.local_authority.slug}/").content.decode()
    assert f'href="/authorities/{two_versions.local_authority.slug}/changes.atom"' in authority


def test_an_unknown_school_or_authority_has_no_feed(client, two_versions):
    assert client.get("/schools/nowhere/privacy-notice/changes.atom").status_code == 404
    assert client.get("/authorities/nowhere/changes.atom").status_code == 404
