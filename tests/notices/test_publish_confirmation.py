"""Publishing a clause everywhere is two steps: a confirmation showing what changes, then a POST."""

from __future__ import annotations

import pytest

from clauses.models import Art13Item, ClauseVersion
from clauses.services import NEEDS_SUMMARY, clause_version_start_draft
from notices.dpo.preview import CONTEXT_WORDS, publish_plan
from notices.dpo.services import clause_versions_publish_everywhere
from notices.models import PublishRun
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

LONG_TEXT = " ".join(f"word{n}" for n in range(60))


@pytest.fixture
def county():
    """Five schools' published notices of one type with three clauses."""
    notice_type = NoticeTypeFactory(is_primary=True, title="Pupils")
    clauses = {}
    bodies = {
        "who": "We are {{ school.name }}.",
        "cctv": f"{LONG_TEXT} We record the gates for 30 days. {LONG_TEXT}",
        "contact": "Write to us.",
    }
    for position, (key, body) in enumerate(bodies.items()):
        clause = ClauseFactory(key=key, heading=key.upper(), art13_items=list(Art13Item))
        ClauseVersionFactory(clause=clause, published=True, body=body)
        NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=position)
        clauses[key] = clause
    schools = [SchoolFactory(name=f"School {letter}") for letter in "ABCDE"]
    notices = [SchoolNoticeFactory(school=s, notice_type=notice_type) for s in schools]
    notices_publish(school_notices=select_school_notices())
    return {"clauses": clauses, "schools": schools, "notices": notices}


def _draft(clause, body: str, summary: str = "Changed.") -> ClauseVersion:
    draft = clause_version_start_draft(clause=clause, user=None)
    draft.body = body
    draft.change_summary = summary
    draft.save()
    return draft


def test_the_same_change_at_every_school_is_shown_once_with_its_count(county):
    draft = _draft(
        county["clauses"]["cctv"], f"{LONG_TEXT} We record the gates for 14 days. {LONG_TEXT}"
    )

    plan = publish_plan(versions=[draft])

    [change] = plan.changes
    assert change.school_notices == county["notices"]
    assert (plan.notice_count, plan.school_count, change.school_count) == (5, 5, 5)
    [section] = change.sections
    assert ("delete", "30") in section.parts
    assert ("insert", "14") in section.parts
    # Unchanged text around the change is cut to a few words either side.
    first_op, first_words = section.parts[0]
    assert first_op == "equal"
    assert first_words.startswith("…")
    assert len(first_words.split()) == CONTEXT_WORDS + 1


def test_a_change_that_reads_differently_per_school_is_one_group_per_school(county):
    draft = _draft(county["clauses"]["who"], "We are {{ school.name }}, a school.")

    plan = publish_plan(versions=[draft])

    assert len(plan.changes) == 5
    assert [len(change.school_notices) for change in plan.changes] == [1] * 5


def test_schools_that_cannot_publish_are_listed_apart_with_the_reason(county):
    school = county["schools"][2]
    school.headteacher = ""
    school.save()
    draft = _draft(county["clauses"]["contact"], "Write to {{ school.headteacher }}.")

    plan = publish_plan(versions=[draft])

    assert [blocked.school_notice.school for blocked in plan.blocked] == [school]
    assert "has no headteacher" in plan.blocked[0].problems[0]
    assert plan.blocked_school_count == 1
    assert (plan.notice_count, plan.school_count) == (4, 4)
    assert all(school not in [sn.school for sn in c.school_notices] for c in plan.changes)


def test_a_version_that_cannot_be_published_is_named_and_blocks_the_confirmation(county):
    draft = _draft(county["clauses"]["contact"], "Write to the office.", summary="")

    plan = publish_plan(versions=[draft])

    assert plan.versions[0].problems == [NEEDS_SUMMARY.format(number=2)]
    assert not plan.can_publish


def test_the_confirmation_page_lists_blocked_schools_before_the_changes(county, dpo_client):
    school = county["schools"][0]
    school.headteacher = ""
    school.save()
    draft = _draft(county["clauses"]["contact"], "Write to {{ school.headteacher }}.")

    response = dpo_client.get(f"/admin/clauses/clauseversion/{draft.pk}/publish/")

    page = response.content.decode()
    assert response.status_code == 200
    assert "Publishing will change <strong>4 notices</strong> at <strong>4 schools</strong>" in page
    assert page.index("1 school cannot be published") < page.index("distinct change")
    assert page.count("<details") == 1  # every other school has the same headteacher
    assert "Change 1: 4 notices at 4 schools" in page
    assert "School A</a> (Pupils): " in page
    assert page.index('name="fingerprint"') < page.index('id="changes-heading"')


def test_the_impact_page_groups_changes_and_only_links_to_the_confirmation(county, dpo_client):
    draft = _draft(
        county["clauses"]["cctv"], f"{LONG_TEXT} We record the gates for 14 days. {LONG_TEXT}"
    )

    response = dpo_client.get(f"/admin/clauses/clauseversion/{draft.pk}/impact/")

    page = response.content.decode()
    assert "<strong>5 of 5</strong> school notices using this clause would change" in page
    assert page.count('class="change"') == 1
    assert "Change 1: 5 notices at 5 schools" in page
    assert page.count("<ins>") == 1
    assert f'href="/admin/clauses/clauseversion/{draft.pk}/publish/"' in page
    assert 'method="post"' not in page.split('id="content"')[-1]


def test_the_list_action_leads_to_the_confirmation_and_publishes_nothing(county, dpo_client):
    cctv = _draft(county["clauses"]["cctv"], "We record the gates for 14 days.")
    contact = _draft(county["clauses"]["contact"], "Write to the office.")
    live = county["clauses"]["who"].live_version()

    response = dpo_client.post(
        "/admin/clauses/clauseversion/",
        {"action": "publish_selected", "_selected_action": [cctv.pk, contact.pk, live.pk]},
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/clauses/clauseversion/publish/?")
    confirmation = dpo_client.get(response["Location"])
    page = confirmation.content.decode()
    assert "Left out, because only drafts can be published: who v1 (published)" in page.replace(
        "WHO", "who"
    )
    assert [check.version for check in confirmation.context["plan"].versions] == [cctv, contact]
    assert not PublishRun.objects.exists()
    assert ClauseVersion.objects.filter(status="draft").count() == 2


def test_confirming_several_drafts_publishes_them_in_one_run(
    county, dpo_client, django_capture_on_commit_callbacks
):
    cctv = _draft(county["clauses"]["cctv"], "We record the gates for 14 days.")
    contact = _draft(county["clauses"]["contact"], "Write to the office.")
    url = f"/admin/clauses/clauseversion/publish/?version={cctv.pk}&version={contact.pk}"
    fingerprint = dpo_client.get(url).context["fingerprint"]

    with django_capture_on_commit_callbacks(execute=True):
        response = dpo_client.post(
            "/admin/clauses/clauseversion/publish/",
            {"fingerprint": fingerprint, "version": [cctv.pk, contact.pk]},
        )

    run = PublishRun.objects.get()
    assert response["Location"] == f"/admin/notices/publishrun/{run.pk}/change/"
    assert run.total == 5
    assert run.reason == "Published new versions of “CCTV”, “CONTACT”"
    assert set(ClauseVersion.objects.filter(status="published").values_list("pk", flat=True)) >= {
        cctv.pk,
        contact.pk,
    }


def test_a_failing_version_publishes_none_of_the_others(county):
    good = _draft(county["clauses"]["cctv"], "We record the gates for 14 days.")
    bad = _draft(county["clauses"]["contact"], "Write to the office.", summary="")

    with pytest.raises(Exception, match="change summary"):
        clause_versions_publish_everywhere(versions=[good, bad], user=None)

    good.refresh_from_db()
    assert good.status == ClauseVersion.Status.DRAFT
    assert not PublishRun.objects.exists()


def test_office_staff_cannot_reach_the_confirmation(county, office_a_client):
    draft = _draft(county["clauses"]["cctv"], "We record the gates for 14 days.")

    response = office_a_client.get(f"/admin/clauses/clauseversion/publish/?version={draft.pk}")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]


def test_a_changed_at_a_glance_summary_also_stops_the_publish(county, dpo_client):
    draft = _draft(county["clauses"]["cctv"], "We record the gates for 14 days.")
    url = f"/admin/clauses/clauseversion/{draft.pk}/publish/"
    fingerprint = dpo_client.get(url).context["fingerprint"]
    draft.summary = "We film the gates."
    draft.save()

    response = dpo_client.post(url, {"fingerprint": fingerprint, "version": draft.pk})

    assert response.status_code == 200
    assert "We film the gates." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == ClauseVersion.Status.DRAFT
