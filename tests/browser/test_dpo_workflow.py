"""A DPO drafts a clause change, previews it, checks its impact, publishes it everywhere and
watches the worker bring every school up to date until the dashboard is clean."""

from __future__ import annotations

import datetime

import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import Page, expect

from clauses.models import Art13Item, Clause, ClauseVersion
from health.models import OutdatedTerm
from notices.models import NoticeType, NoticeTypeClause, Publication, SchoolNotice
from notices.publishing.batch import notices_publish, select_school_notices
from tests.browser.admin_pages import assert_no_axe_violations, sign_in_dpo
from tests.factories import (
    SchoolFactory,
    SharingPartnerFactory,
    UserFactory,
    authenticator_for,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ALL_ITEMS = [item.value for item in Art13Item]


@pytest.fixture
def county(tmp_path, settings, staff_groups):
    settings.MEDIA_ROOT = tmp_path
    notice_type = NoticeType.objects.create(
        slug="pupils", title="How we use pupil information", audience="Parents", is_primary=True
    )
    bodies = {
        "who-we-are": ("Who we are", "We are {{ school.name }}, phone {{ school.phone }}."),
        "sharing": ("Who we share with", "We share with:\n\n{{ partners }}"),
        "retention": ("How long we keep information", "We keep records for six years."),
    }
    for position, (key, (heading, body)) in enumerate(bodies.items()):
        clause = Clause.objects.create(key=key, heading=heading, art13_items=ALL_ITEMS)
        ClauseVersion.objects.create(clause=clause, body=body, status="published")
        NoticeTypeClause.objects.create(notice_type=notice_type, clause=clause, position=position)
    schools = [SchoolFactory(name=f"Wexbury School {n}") for n in range(3)]
    SharingPartnerFactory(name="Department for Education")
    for school in schools:
        SchoolNotice.objects.create(
            school=school,
            notice_type=notice_type,
            review_date=datetime.date.today() + datetime.timedelta(days=365),
        )
    notices_publish(school_notices=select_school_notices())
    call_command("publish_notices", "--all", verbosity=0)  # PDFs for the first versions
    dpo = UserFactory(username="dpo", is_staff=True, groups=[Group.objects.get(name="DPO staff")])
    authenticator_for(dpo)
    return schools


def test_a_dpo_publishes_a_clause_change_to_every_school(page: Page, live_server, county):
    base = live_server.url
    sign_in_dpo(page, base)
    clause = Clause.objects.get(key="retention")

    # Draft a change from the live version.
    page.goto(f"{base}/admin/clauses/clause/{clause.pk}/change/")
    page.get_by_role("button", name="Start a new draft").click()
    expect(page.get_by_text("Started version 2")).to_be_visible()
    page.get_by_label("Body").fill("We keep records for seven years, then destroy them safely.")
    page.get_by_label("Change summary").fill("Retention period changed to seven years.")
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.get_by_text("Version 2 is draft")).to_be_visible()

    # Preview it for one school, found by typing part of its name, with the change marked.
    page.get_by_role("link", name="Preview for a school").click()
    page.get_by_role("combobox", name="School").fill("school 1")
    page.get_by_role("button", name="Preview").click()
    expect(
        page.get_by_role("heading", name=f"{county[1].name}: How we use pupil information")
    ).to_be_visible()
    expect(page.locator(".preview-changes del")).to_contain_text("removed: six")
    expect(page.locator(".preview-changes ins")).to_contain_text("added: seven")
    expect(page.locator(".notice-preview")).to_contain_text("seven years, then destroy them")
    assert_no_axe_violations(page)

    # See the impact: every school has the same change, shown once with its count.
    page.go_back()
    page.go_back()
    page.get_by_role("link", name="Impact of publishing").click()
    expect(page.locator(".impact-count")).to_contain_text("3 of 3")
    expect(page.get_by_role("heading", name="Change 1: 3 notices at 3 schools")).to_be_visible()
    expect(page.locator("del")).to_have_count(1)
    expect(page.locator("del").first).to_contain_text("six")
    expect(page.locator("ins").first).to_contain_text("seven")
    expect(page.locator("ins").first).to_contain_text("added:")
    assert_no_axe_violations(page)

    # An unsaved edit is never published: the edit page warns before leaving for the publish.
    page.go_back()
    page.get_by_label("Body").fill("We keep records for eight years.")
    page.get_by_role("link", name="Publish everywhere…").click()
    warning = page.get_by_role("alert").filter(has_text="You have unsaved changes")
    expect(warning).to_be_visible()
    expect(warning).to_be_focused()
    assert page.url.endswith("/change/")
    assert_no_axe_violations(page)
    page.get_by_role("link", name="Publish the saved text without my changes").click()

    # The confirmation states what changes, the saved text, and publishes only on confirm.
    expect(page.locator("#publish-summary")).to_contain_text(
        "Publishing will change 3 notices at 3 schools"
    )
    expect(page.locator(".saved-body")).to_have_text(
        "We keep records for seven years, then destroy them safely."
    )
    expect(page.get_by_text("eight years")).to_have_count(0)
    page.get_by_text("Show the schools").click()
    expect(page.locator(".change-schools li")).to_have_count(3)
    expect(page.locator(".change-schools")).to_contain_text(county[2].name)
    assert_no_axe_violations(page)
    assert ClauseVersion.objects.get(clause=clause, number=2).status == "draft"
    page.get_by_role("button", name="Confirm and publish").click()
    expect(page.get_by_text("Re-publishing 3 school notices in the background")).to_be_visible()
    expect(page.get_by_text("pages 0 of 3")).to_be_visible()
    page.goto(f"{base}/admin/dashboard/")
    expect(page.locator("#dashboard-status")).to_contain_text("Needs attention")
    expect(page.locator("#count-behind")).to_have_text("3")
    names = ", ".join(school.name for school in county)
    expect(page.locator(".dash-activity")).to_contain_text(
        f"{names}: Published a new version of “How long we keep information”, by dpo"
    )
    page.get_by_role("link", name="3 behind the latest clauses or facts").click()
    expect(page.locator("#dashboard-showing")).to_contain_text("Behind the latest clauses")
    expect(page.locator(".matrix tbody tr")).to_have_count(3)
    expect(page.locator(".matrix tbody td").first).to_have_text("notice v1")
    assert_no_axe_violations(page)

    # The school column stays in view while the grid scrolls sideways.
    page.set_viewport_size({"width": 390, "height": 800})
    grid = page.locator(".matrix")
    school_cell = page.locator(".matrix tbody th").first
    assert grid.evaluate("el => el.scrollWidth > el.clientWidth")
    before = school_cell.bounding_box()
    grid.evaluate("el => { el.scrollLeft = el.scrollWidth; }")
    assert grid.evaluate("el => el.scrollLeft") > 0
    assert school_cell.bounding_box()["x"] == before["x"]
    page.set_viewport_size({"width": 1280, "height": 720})

    # The worker brings every school to the new version.
    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)
    page.goto(f"{base}/admin/notices/publishrun/")
    expect(page.get_by_text("pages 3 of 3, PDFs 3 of 3")).to_be_visible()
    page.goto(f"{base}/admin/dashboard/")
    expect(page.locator("#dashboard-status")).to_contain_text("All clear")
    expect(page.locator(".matrix tbody tr")).to_have_count(3)
    expect(page.locator("#health-heading")).to_be_visible()
    assert_no_axe_violations(page)
    assert {
        p.number
        for p in Publication.objects.filter(school_notice__school__in=county).order_by("-number")[
            :3
        ]
    } == {2}
    page.goto(f"{base}/schools/{county[1].slug}/privacy-notice/")
    expect(page.get_by_text("seven years, then destroy them safely")).to_be_visible()


def test_leaving_a_draft_with_unsaved_changes_asks_first(page: Page, live_server, county):
    base = live_server.url
    sign_in_dpo(page, base)
    clause = Clause.objects.get(key="retention")
    draft = ClauseVersion.objects.create(clause=clause, body="We keep records for six years.")
    page.goto(f"{base}/admin/clauses/clauseversion/{draft.pk}/change/")
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))

    page.get_by_label("Body").click()
    page.keyboard.type(" And then destroyed.")
    page.get_by_role("link", name="History").click()

    assert dialogs == ["beforeunload"]
    expect(page.get_by_label("Body")).to_have_value(
        "We keep records for six years. And then destroyed."
    )
    page.get_by_role("button", name="Save and continue editing").click()
    expect(page.get_by_text("was changed successfully")).to_be_visible()
    page.get_by_role("link", name="History").click()
    expect(page.get_by_role("heading", name="Change history")).to_be_visible()
    assert dialogs == ["beforeunload"]


def test_the_clause_list_reads_in_notice_order_with_words_not_icons(
    page: Page, live_server, county
):
    base = live_server.url
    sign_in_dpo(page, base)
    clause = Clause.objects.get(key="retention")
    ClauseVersion.objects.create(clause=clause, body="We keep records for seven years.")

    page.goto(f"{base}/admin/clauses/clause/")

    rows = page.locator("#result_list tbody tr")
    expect(rows).to_have_count(3)
    expect(rows.nth(0)).to_contain_text("Who we are")
    expect(rows.nth(0)).to_contain_text("We are {{ school.name }}, phone {{ school.phone }}.")
    expect(rows.nth(2)).to_contain_text("draft v2 in progress")
    expect(page.get_by_text("no draft")).to_have_count(2)
    assert_no_axe_violations(page)
    page.get_by_role("link", name="How long we keep information").click()
    expect(page.get_by_role("button", name="Start a new draft")).to_be_visible()
    assert_no_axe_violations(page)


def test_a_dpo_sees_the_health_of_a_notice_they_adopt(page: Page, live_server, county):
    base = live_server.url
    sign_in_dpo(page, base)
    # A transactional test starts from an emptied database: the seeded terms may be gone.
    OutdatedTerm.objects.get_or_create(
        term="Data Protection Act 1998",
        defaults={
            "kind": "law",
            "reason": "Repealed in 2018.",
            "replacement": "UK GDPR and the Data Protection Act 2018",
        },
    )
    old_notice = (
        "Who we are\n\nWe are Wexbury School 0. We follow the Data Protection Act 1998.\n\n"
        "How long we keep information\n\nWe keep records for six years.\n"
    )

    page.goto(f"{base}/admin/adopt/")
    page.get_by_label("School and notice").select_option(
        label="Wexbury School 0: How we use pupil information"
    )
    page.get_by_label("The school's existing notice").set_input_files(
        files=[{"name": "old.txt", "mimeType": "text/plain", "buffer": old_notice.encode()}]
    )
    page.get_by_role("button", name="Compare").click()

    findings = page.locator(".health-findings")
    expect(findings).to_contain_text("repealed-law")
    expect(findings).to_contain_text("UK GDPR and the Data Protection Act 2018")
    expect(page.locator(".health-coverage")).to_contain_text("We keep records for six years.")
    assert_no_axe_violations(page)
