"""Office staff keep their school's details: what they type survives the notices updating,
wording goes to the DPO, and every page passes axe."""

from __future__ import annotations

import io

import pypdf
import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django.core.management import call_command
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from notices.publishing.batch import notices_publish, select_school_notices
from review.models import Suggestion
from tests.factories import (
    PASSWORD,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolFactory,
    SchoolMembershipFactory,
    SchoolNoticeFactory,
    SharingPartnerFactory,
    UserFactory,
    authenticator_for,
    current_code,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture
def schools(tmp_path, settings, staff_groups):
    settings.MEDIA_ROOT = tmp_path
    notice_type = NoticeTypeFactory(slug="pupils", title="How we use pupil data", is_primary=True)
    version = ClauseVersionFactory(
        published=True,
        body="Call the school office on {{ school.phone }}.\n\nWe share with:\n\n{{ partners }}",
    )
    NoticeTypeClauseFactory(notice_type=notice_type, clause=version.clause)
    ours, theirs = SchoolFactory(name="Alder Primary"), SchoolFactory(name="Beech Primary")
    SharingPartnerFactory(name="Department for Education")
    SharingPartnerFactory(school=ours, name="Hearthside Meals", purpose="School lunches.")
    for school in (ours, theirs):
        SchoolNoticeFactory(school=school, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    user = UserFactory(username="office-alder", groups=[Group.objects.get(name="School office")])
    SchoolMembershipFactory(user=user, school=ours)
    dpo = UserFactory(username="dpo", is_staff=True, groups=[Group.objects.get(name="DPO staff")])
    authenticator_for(dpo)
    return ours, theirs


def _sign_in(page: Page, base: str, username: str = "office-alder") -> None:
    page.goto(f"{base}/office/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()


def _run_worker() -> None:
    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)


def test_typed_text_is_kept_while_the_notices_update(page: Page, live_server, schools):
    ours, _ = schools
    _sign_in(page, live_server.url)
    page.get_by_role("link", name="Alder Primary").click()
    page.get_by_role("link", name="Change contact details").click()
    page.get_by_label("Phone").fill("020 7946 0987")
    page.get_by_role("button", name="Save contact details").click()
    expect(page.get_by_text("Saved: phone.")).to_be_visible()
    expect(page.locator("#notice-status .status").first).to_have_text("Updating…")

    page.get_by_role("link", name="Change address").click()
    expect(page.locator("#notice-status")).to_have_attribute("data-updating", "true")
    page.evaluate("window.stillTheSamePage = true")
    page.get_by_label("Street").fill("1 Orchard Lane, half typed")
    _run_worker()

    # The status changes in place (the page polls it), and nothing typed is lost.
    expect(page.locator("#notice-status .status").first).to_have_text("Live", timeout=20_000)
    expect(page.locator("#notice-status")).to_have_attribute("data-updating", "false")
    assert page.evaluate("window.stillTheSamePage") is True
    expect(page.get_by_label("Street")).to_have_value("1 Orchard Lane, half typed")
    expect(page.locator("meta[http-equiv='refresh']")).to_have_count(0)

    # Leaving with unsaved changes asks first; staying keeps them.
    dialogs = []
    page.once("dialog", lambda dialog: (dialogs.append(dialog.type), dialog.dismiss()))
    page.get_by_role("link", name="Cancel").click()
    page.wait_for_timeout(500)
    assert dialogs == ["beforeunload"]
    expect(page.get_by_label("Street")).to_have_value("1 Orchard Lane, half typed")

    page.get_by_role("button", name="Save address").click()
    expect(page.get_by_text("Saved: street.")).to_be_visible()
    _run_worker()
    page.goto(f"{live_server.url}/schools/{ours.slug}/privacy-notice/")
    expect(page.get_by_text("Call the school office on 020 7946 0987.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    with open(download.value.path(), "rb") as pdf:
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read())).pages)
    assert "020 7946 0987" in text


def test_another_schools_pages_are_refused(page: Page, live_server, schools):
    _, theirs = schools
    _sign_in(page, live_server.url)
    for path in ["", "history/", "change/contact/", "partners/add/"]:
        refused = page.goto(f"{live_server.url}/office/schools/{theirs.slug}/{path}")
        assert refused.status == 404


def test_the_error_summary_comes_first_and_takes_focus(page: Page, live_server, schools):
    ours, _ = schools
    _sign_in(page, live_server.url)
    page.goto(f"{live_server.url}/office/schools/{ours.slug}/change/contact/")
    page.get_by_label("Website").fill("http://www.alder.example")
    page.get_by_role("button", name="Save contact details").click()

    summary = page.locator("[data-error-summary]")
    expect(summary).to_be_focused()
    expect(summary).to_contain_text("like https://www.example.sch.uk")
    summary.get_by_role("link").click()
    expect(page.get_by_label("Website")).to_be_focused()


def test_wording_goes_to_the_dpo_and_comes_back_with_a_reason(page: Page, live_server, schools):
    ours, _ = schools
    base = live_server.url
    _sign_in(page, base)
    page.goto(f"{base}/office/schools/{ours.slug}/")
    page.get_by_role("link", name="Change Hearthside Meals").click()
    page.get_by_label("Why you share information with them").fill("Lunches for every pupil.")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Sent to your data protection officer for review")).to_be_visible()
    expect(page.get_by_text("Lunches for every pupil.")).to_be_visible()
    page.get_by_role("button", name="Sign out (office-alder)").click()

    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("dpo")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Code").fill(current_code(TOTPDevice.objects.get(user__username="dpo")))
    page.get_by_role("button", name="Continue").click()
    page.goto(f"{base}/admin/dashboard/")
    expect(page.get_by_role("heading", name="Wording suggested by schools: 1")).to_be_visible()
    # The block this change adds to the dashboard (the rest of the page is the DPO screens').
    dashboard = Axe().run(
        page,
        context=".review-suggestions",
        options={"runOnly": {"type": "tag", "values": WCAG_TAGS}},
    )
    page.get_by_role("link", name="review the wording from Alder Primary").click()
    expect(page.locator("del")).to_contain_text("School lunches.")
    decide = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    page.get_by_label("Why are you returning it?").fill("Say which pupils have lunches.")
    page.get_by_role("button", name="Return to the school").click()
    expect(page.get_by_text("Returned “Hearthside Meals” to Alder Primary")).to_be_visible()
    assert Suggestion.objects.get().status == "returned"
    assert (dashboard.violations_count, decide.violations_count) == (0, 0), [
        [node["html"] for v in r.response["violations"] for node in v["nodes"]]
        for r in (dashboard, decide)
    ]


def test_office_pages_have_no_wcag_22_aa_violations(page: Page, live_server, schools):
    ours, _ = schools
    base = live_server.url
    partner = ours.own_partners.get()
    checks = []

    def check(label: str) -> None:
        result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
        checks.append((label, result))

    page.goto(f"{base}/office/login/")
    check("login")
    _sign_in(page, base)
    for path in [
        "/office/",
        f"/office/schools/{ours.slug}/",
        f"/office/schools/{ours.slug}/history/",
        f"/office/schools/{ours.slug}/change/contact/",
        f"/office/schools/{ours.slug}/change/address/",
        f"/office/schools/{ours.slug}/partners/add/",
        f"/office/schools/{ours.slug}/partners/{partner.pk}/",
        f"/office/schools/{ours.slug}/partners/{partner.pk}/remove/",
        "/office/password/",
    ]:
        page.goto(f"{base}{path}")
        check(path)
    page.goto(f"{base}/office/schools/{ours.slug}/change/contact/")
    page.get_by_label("Phone").fill("not a number")
    page.get_by_role("button", name="Save contact details").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    check("contact with an error")
    page.goto(f"{base}/office/schools/{ours.slug}/partners/add/")
    page.get_by_role("button", name="Send to your data protection officer").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    check("partner with errors")
    page.goto(f"{base}/office/schools/{ours.slug}/change/contact/")
    page.get_by_label("Phone").fill("020 7946 0123")
    page.get_by_role("button", name="Save contact details").click()
    expect(page.locator("#notice-status .status").first).to_have_text("Updating…")
    check("summary while updating")

    failed = [(label, r.generate_report()) for label, r in checks if r.violations_count]
    assert failed == []
