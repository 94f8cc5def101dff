"""The DPO dashboard at scale: filters, a grid with distinct version labels, named activity."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from clauses.models import Art13Item
from clauses.services import clause_version_start_draft
from notices.dpo.dashboard import Activity
from notices.dpo.services import clause_version_publish_everywhere
from notices.publishing.batch import notices_publish, select_school_notices
from notices.publishing.runs import publish_run_start, school_republish
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
def county():
    notice_type = NoticeTypeFactory(is_primary=True, title="Pupils")
    clause = ClauseFactory(key="who", heading="Who we are", art13_items=list(Art13Item))
    ClauseVersionFactory(clause=clause, published=True, body="We are {{ school.name }}.")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=1)
    schools = [SchoolFactory(name=f"{name} School") for name in ("Alder", "Beech", "Cedar")]
    notices = [SchoolNoticeFactory(school=s, notice_type=notice_type) for s in schools]
    notices_publish(school_notices=select_school_notices())
    return {"clause": clause, "schools": schools, "notices": notices, "type": notice_type}


def _rows(response) -> list[str]:
    return [row.school_notice.school.name for row in response.context["board"].shown_rows]


def test_the_dashboard_can_show_only_the_schools_that_are_behind(county, dpo_client):
    draft = clause_version_start_draft(clause=county["clause"], user=None)
    draft.body = "We are {{ school.name }}; the head is {{ school.headteacher }}."
    draft.change_summary = "Names the head."
    draft.save()
    clause_version_publish_everywhere(version=draft, user=None)  # its run is not executed
    notices_publish(school_notices=select_school_notices().exclude(pk=county["notices"][0].pk))

    everyone = dpo_client.get("/admin/dashboard/")
    behind = dpo_client.get("/admin/dashboard/?show=behind")

    assert _rows(everyone) == ["Alder School", "Beech School", "Cedar School"]
    assert _rows(behind) == ["Alder School"]
    page = behind.content.decode()
    assert "Showing only: <strong>Behind the latest clauses or facts</strong>" in page
    assert "1 of 3 schools shown." in page


def test_the_dashboard_can_show_only_failed_renders_and_overdue_reviews(county, dpo_client):
    beech, cedar = county["notices"][1], county["notices"][2]
    beech.last_error = "WeasyPrint ran out of memory"
    beech.save()
    cedar.review_date = date.today() - timedelta(days=1)
    cedar.save()

    failed = dpo_client.get("/admin/dashboard/?show=failed")
    overdue = dpo_client.get("/admin/dashboard/?show=overdue")
    nonsense = dpo_client.get("/admin/dashboard/?show=%3Cscript%3E")

    assert _rows(failed) == ["Beech School"]
    assert "WeasyPrint ran out of memory" in failed.content.decode()
    assert _rows(overdue) == ["Cedar School"]
    assert "WeasyPrint ran out of memory" not in overdue.content.decode()
    assert nonsense.status_code == 200
    assert len(_rows(nonsense)) == 3


def test_the_filter_links_keep_the_other_filters(county, dpo_client):
    authority = county["schools"][0].local_authority

    response = dpo_client.get(f"/admin/dashboard/?authority={authority.pk}")

    links = response.context["show_links"]
    assert links["behind"] == (
        f"?notice_type={county['type'].pk}&authority={authority.pk}&show=behind"
    )
    assert f'href="{links["overdue"]}"' in response.content.decode().replace("&amp;", "&")


def test_the_grid_says_notice_version_and_clause_version_apart(county, dpo_client):
    response = dpo_client.get("/admin/dashboard/")

    page = response.content.decode()
    assert "<td>notice v1</td>" in page
    assert "<td>clause v1</td>" in page
    assert '<th scope="row" class="matrix-school">Alder School</th>' in page


def test_publishing_now_names_the_school_and_what_started_it(county, dpo_client, office_a):
    school_republish(
        school=county["schools"][1],
        user=office_a,
        reason="Office staff updated the school's details",
    )

    response = dpo_client.get("/admin/dashboard/")

    [activity] = response.context["board"].activity
    assert activity.schools == "Beech School"
    page = response.content.decode()
    assert "<strong>Beech School</strong>: Office staff updated the school&#x27;s details" in page
    assert "by office-a" in page


def test_activity_over_many_schools_names_the_first_and_counts_the_rest(county):
    run = publish_run_start(school_notices=county["notices"], reason="Published by DPO staff")
    names = ["Alder School", "Beech School", "Cedar School"]

    assert Activity(run=run, school_names=names, school_count=3).schools == ", ".join(names)
    assert (
        Activity(run=run, school_names=names, school_count=30).schools
        == "Alder School, Beech School, Cedar School and 27 other schools"
    )
