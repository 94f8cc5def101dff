"""Previewing a draft for one school: found by typing its name, with what changes marked."""

from __future__ import annotations

import pytest

from clauses.models import Art13Item
from clauses.services import clause_version_start_draft
from notices.dpo.preview import PICKER_MATCHES_SHOWN, preview_matches
from notices.publishing.batch import notices_publish, select_school_notices
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
def draft():
    pupils = NoticeTypeFactory(is_primary=True, title="Pupils")
    workforce = NoticeTypeFactory(title="Workforce", slug="workforce")
    clause = ClauseFactory(key="cctv", heading="CCTV", art13_items=list(Art13Item))
    ClauseVersionFactory(clause=clause, published=True, body="We record the gates for 30 days.")
    for position, notice_type in enumerate([pupils, workforce]):
        NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=position)
    for name, urn in [("Oak Primary", "110001"), ("Oak Academy", "110002"), ("Elm", "110003")]:
        school = SchoolFactory(name=name, urn=urn)
        SchoolNoticeFactory(school=school, notice_type=pupils)
        SchoolNoticeFactory(school=school, notice_type=workforce)
    notices_publish(school_notices=select_school_notices())
    version = clause_version_start_draft(clause=clause, user=None)
    version.body = "We record the gates for 14 days."
    version.save()
    return version


def _preview(dpo_client, draft, **params):
    return dpo_client.get(f"/admin/clauses/clauseversion/{draft.pk}/preview/", params)


def test_the_picker_offers_every_school_using_the_clause_as_you_type(draft, dpo_client):
    response = _preview(dpo_client, draft)

    page = response.content.decode()
    assert '<input type="search" list="school-names" name="school" id="school"' in page
    assert list(response.context["school_names"]) == ["Elm", "Oak Academy", "Oak Primary"]
    assert '<option value="Oak Primary">' in page


def test_a_typed_name_that_fits_one_school_previews_it_with_the_change_marked(draft, dpo_client):
    response = _preview(dpo_client, draft, school="oak primary")

    page = response.content.decode()
    preview = response.context["preview"]
    assert preview.school_notice.school.name == "Oak Primary"
    assert preview.school_notice.notice_type.title == "Pupils"
    [change] = preview.changes
    assert ("delete", "30") in change.parts
    assert '<del><span class="visually-hidden">[removed: </span>30' in page
    assert '<ins><span class="visually-hidden">[added: </span>14' in page
    assert "14 days" in page


def test_part_of_a_name_that_fits_several_lists_them_to_choose(draft, dpo_client):
    response = _preview(dpo_client, draft, school="Oak")

    page = response.content.decode()
    assert response.context["preview"] is None
    assert [sn.school.name for sn in response.context["matches"]] == ["Oak Academy", "Oak Primary"]
    assert "2 schools match “Oak”" in page
    chosen = response.context["matches"][1]
    assert f'href="?school_notice={chosen.pk}"' in page


def test_the_urn_finds_a_school_and_the_notice_type_can_be_chosen(draft, dpo_client):
    workforce = draft.clause.notice_items.get(notice_type__slug="workforce").notice_type

    response = _preview(dpo_client, draft, school="110003", notice_type=workforce.pk)

    preview = response.context["preview"]
    assert (preview.school_notice.school.name, preview.school_notice.notice_type) == (
        "Elm",
        workforce,
    )


def test_no_match_says_so(draft, dpo_client):
    response = _preview(dpo_client, draft, school="x" * 5000)

    assert response.status_code == 200
    assert response.context["preview"] is None
    assert "No school using this clause matches" in response.content.decode()


def test_the_matches_listed_are_capped(draft):
    for n in range(PICKER_MATCHES_SHOWN + 5):
        school = SchoolFactory(name=f"Ash {n:03}")
        SchoolNoticeFactory(
            school=school, notice_type=draft.clause.notice_items.first().notice_type
        )

    matches = preview_matches(version=draft, query="ash", notice_type_id=None)

    assert len(matches) == PICKER_MATCHES_SHOWN
    assert matches[0].school.name == "Ash 000"
