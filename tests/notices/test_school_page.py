"""The school's own page: whom to contact, its DPO, its notices and when each last changed."""

from __future__ import annotations

import pytest

from notices.models import Publication
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
def school(school_a):
    notice_type = NoticeTypeFactory(slug="pupils", title="How we use pupil data", is_primary=True)
    clause = ClauseFactory(key="complaints", art13_items=["complaint"])
    ClauseVersionFactory(clause=clause, published=True)
    NoticeTypeClauseFactory(notice_type=notice_type, clause=clause)
    SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    return school_a


def test_the_school_page_shows_the_contacts_the_dpo_and_when_the_notice_changed(client, school):
    response = client.get(f"/schools/{school.slug}/")

    body = response.content.decode()
    publication = Publication.objects.get()
    assert response.status_code == 200
    assert f'href="mailto:{school.email}"' in body
    assert 'href="tel:+44' in body
    assert f'href="mailto:{school.dpo.email}"' in body
    assert school.dpo.name in body
    assert f'href="/schools/{school.slug}/privacy-notice/#complaints">how to complain' in body
    assert f'datetime="{publication.published_at:%Y-%m-%d}"' in body
    assert "(version 1)" in body


def test_every_page_has_a_meta_description_and_a_favicon(client, school):
    page = client.get(f"/schools/{school.slug}/privacy-notice/").content.decode()

    assert f'<meta name="description" content="{school.name}\u2019s privacy notice' in page
    assert 'rel="icon"' in page
    favicon = client.get("/favicon.ico")
    assert favicon.status_code == 301
    assert favicon["Location"].endswith("favicon.ico")
