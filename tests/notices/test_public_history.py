"""Earlier versions and what changed: stored content, bounded queries, cacheable, no cookies."""

from __future__ import annotations

import pytest

from notices.publishing.batch import notices_publish, select_school_notices
from tests.factories import (
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_versions(school_a):
    notice_type = NoticeTypeFactory(slug="pupils", is_primary=True)
    version = ClauseVersionFactory(published=True, body="Call us on {{ school.phone }}.")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=version.clause)
    SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    school_a.phone = "020 7946 0999"
    school_a.save()
    notices_publish(school_notices=select_school_notices())
    return school_a


def _base(school) -> str:
    return f"/schools/{school.slug}/notices/pupils"


def test_the_versions_page_lists_every_publication_with_its_changes(client, two_versions):
    response = client.get(f"{_base(two_versions)}/versions/")

    body = response.content.decode()
    assert response.status_code == 200
    assert [p.number for p in response.context["publications"]] == [2, 1]
    assert "Changed the school phone number." in body
    assert "First publication." in body
    assert f'href="{_base(two_versions)}/versions/2/changes/"' in body


def test_an_earlier_version_is_shown_as_it_was(client, two_versions):
    response = client.get(f"{_base(two_versions)}/versions/1/")

    body = response.content.decode()
    assert "This is version 1, an earlier version of this notice." in body
    assert "020 7946 0999" not in body


def test_the_comparison_marks_words_in_text_not_colour_alone(client, two_versions):
    response = client.get(f"{_base(two_versions)}/versions/2/changes/")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<ins class="diff"><span class="visually-hidden">[added: </span>0999.' in body
    assert '<del class="diff"><span class="visually-hidden">[removed: </span>' in body


def test_the_first_version_has_nothing_to_compare(client, two_versions):
    response = client.get(f"{_base(two_versions)}/versions/1/changes/")

    assert response.status_code == 200
    assert "nothing earlier to compare" in response.content.decode()


def test_an_unknown_version_is_a_404(client, two_versions):
    assert client.get(f"{_base(two_versions)}/versions/9/").status_code == 404
    assert client.get(f"{_base(two_versions)}/versions/9/changes/").status_code == 404


@pytest.mark.parametrize("suffix", ["versions/", "versions/1/", "versions/2/changes/"])
def test_history_pages_use_at_most_two_queries(
    client, two_versions, suffix, django_assert_max_num_queries
):
    with django_assert_max_num_queries(2):
        response = client.get(f"{_base(two_versions)}/{suffix}")
    assert response.status_code == 200


@pytest.mark.parametrize("suffix", ["versions/", "versions/1/", "versions/2/changes/"])
def test_history_pages_answer_conditional_gets_with_304(client, two_versions, suffix):
    first = client.get(f"{_base(two_versions)}/{suffix}")

    again = client.get(f"{_base(two_versions)}/{suffix}", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert "public" in first["Cache-Control"]
    assert first.cookies == {}
