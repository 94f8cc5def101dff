"""Notices published together: one transaction for their writes, each notice still on its own
(a notice that fails fails alone; one published meanwhile is drafted again, never duplicated)."""

from __future__ import annotations

import pytest
from django.db import DatabaseError

from notices.models import Publication
from notices.publishing import services
from notices.publishing.services import notice_publish, notices_publish_together
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolFactory,
    SchoolNoticeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def school_notices():
    notice_type = NoticeTypeFactory(is_primary=True, slug="pupils")
    for position, heading in enumerate(("Who we are", "How to complain")):
        clause = ClauseFactory(heading=heading)
        ClauseVersionFactory(
            clause=clause, published=True, body=f"{heading}: {{{{ school.name }}}}."
        )
        NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=position)
    return [
        SchoolNoticeFactory(school=SchoolFactory(name=f"School {letter}"), notice_type=notice_type)
        for letter in "ABC"
    ]


def _renamed(school_notice, name: str) -> None:
    school_notice.school.name = name
    school_notice.school.save()


def test_each_notice_gets_its_own_publication_and_clause_versions(school_notices):
    results = notices_publish_together(school_notices)

    assert [result.status for result in results] == ["published"] * 3
    assert [result.school_notice for result in results] == school_notices
    for school_notice, result in zip(school_notices, results, strict=True):
        publication = Publication.objects.get(pk=result.publication.pk)
        assert publication.school_notice == school_notice
        assert publication.number == 1
        assert f"Who we are: {school_notice.school.name}." in publication.html
        assert publication.clause_versions.count() == 2


def test_only_changed_notices_are_published_again_with_what_changed(school_notices):
    notices_publish_together(school_notices)
    _renamed(school_notices[1], "School Bee")

    results = notices_publish_together(school_notices)

    assert [result.status for result in results] == ["unchanged", "published", "unchanged"]
    assert results[1].publication.number == 2
    assert results[1].publication.change_summary == ["Changed the school name."]
    assert Publication.objects.count() == 4


def test_a_notice_that_cannot_be_written_fails_alone(school_notices, monkeypatch):
    notices_publish_together(school_notices)
    for school_notice in school_notices:
        _renamed(school_notice, f"{school_notice.school.name} (renamed)")
    bad = school_notices[1]
    write = services._write

    def failing_for_one(drafts, *, user):
        if any(draft.school_notice.pk == bad.pk for draft in drafts):
            raise DatabaseError("disk I/O error")
        return write(drafts, user=user)

    monkeypatch.setattr(services, "_write", failing_for_one)

    results = notices_publish_together(school_notices)

    assert [result.status for result in results] == ["published", "failed", "published"]
    assert results[1].errors == ("The notice could not be published: disk I/O error",)
    bad.refresh_from_db()
    assert "disk I/O error" in bad.last_error
    assert bad.live_publication().number == 1  # the previous publication stays live
    assert Publication.objects.count() == 5


def test_a_notice_published_meanwhile_is_drafted_again_not_duplicated(school_notices, monkeypatch):
    notices_publish_together(school_notices)
    racer = school_notices[0]
    _renamed(racer, "School Ay")
    write = services._write

    def another_publisher_first(drafts, *, user):
        monkeypatch.setattr(services, "_write", write)
        assert notice_publish(school_notice=racer).status == "published"  # same inputs, number 2
        return write(drafts, user=user)

    monkeypatch.setattr(services, "_write", another_publisher_first)

    results = notices_publish_together(school_notices)

    assert [result.status for result in results] == ["unchanged"] * 3
    assert list(racer.publications.values_list("number", flat=True).order_by("number")) == [1, 2]
