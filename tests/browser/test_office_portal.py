"""An office user updates the school's phone and finds it on the public notice and in its PDF."""

from __future__ import annotations

import io

import pypdf
import pytest
from django.contrib.auth.models import Group
from django.core.management import call_command
from playwright.sync_api import Page, expect

from notices.publishing.batch import notices_publish, select_school_notices
from tests.factories import (
    PASSWORD,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolFactory,
    SchoolMembershipFactory,
    SchoolNoticeFactory,
    UserFactory,
)

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


@pytest.fixture
def schools(tmp_path, settings, staff_groups):
    settings.MEDIA_ROOT = tmp_path
    notice_type = NoticeTypeFactory(slug="pupils", title="How we use pupil data", is_primary=True)
    version = ClauseVersionFactory(
        published=True, body="Call the school office on {{ school.phone }}."
    )
    NoticeTypeClauseFactory(notice_type=notice_type, clause=version.clause)
    ours, theirs = SchoolFactory(name="Alder Primary"), SchoolFactory(name="Beech Primary")
    for school in (ours, theirs):
        SchoolNoticeFactory(school=school, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    user = UserFactory(username="office-alder", groups=[Group.objects.get(name="School office")])
    SchoolMembershipFactory(user=user, school=ours)
    return ours, theirs


def test_an_office_user_updates_the_phone_and_sees_it_published(page: Page, live_server, schools):
    ours, theirs = schools
    base = live_server.url
    page.goto(f"{base}/office/")
    page.get_by_label("Username").fill("office-alder")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("link", name="Alder Primary").click()

    page.get_by_label("Phone").fill("020 7946 0987")
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_text("Saved: phone.")).to_be_visible()
    expect(page.locator(".status").first).to_contain_text("Updating")

    page.get_by_role("link", name="See the history of changes to these details").click()
    row = page.get_by_role("row", name="Phone")
    expect(row.first).to_contain_text("020 7946 0987")
    expect(page.get_by_text("by office-alder")).to_be_visible()

    call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)
    page.goto(f"{base}/office/schools/{ours.slug}/")
    expect(page.locator(".status").first).to_have_text("Live")

    page.goto(f"{base}/schools/{ours.slug}/privacy-notice/")
    expect(page.get_by_text("Call the school office on 020 7946 0987.")).to_be_visible()
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    with open(download.value.path(), "rb") as pdf:
        text = " ".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf.read())).pages)
    assert "020 7946 0987" in text

    refused = page.goto(f"{base}/office/schools/{theirs.slug}/")
    assert refused.status == 404
    refused = page.goto(f"{base}/office/schools/{theirs.slug}/history/")
    assert refused.status == 404


def test_office_pages_have_no_wcag_22_aa_violations(page: Page, live_server, schools):
    from axe_playwright_python.sync_playwright import Axe

    ours, _ = schools
    base = live_server.url
    checks = []
    page.goto(f"{base}/office/login/")
    checks.append(Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}))
    page.get_by_label("Username").fill("office-alder")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    for path in [
        "/office/",
        f"/office/schools/{ours.slug}/",
        f"/office/schools/{ours.slug}/history/",
        "/office/password/",
    ]:
        page.goto(f"{base}{path}")
        checks.append(Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}))
    page.goto(f"{base}/office/schools/{ours.slug}/")
    page.get_by_label("Phone").fill("not a number")
    page.get_by_role("button", name="Save details").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    checks.append(Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}}))

    assert [c.violations_count for c in checks] == [0] * len(checks), [
        c.generate_report() for c in checks if c.violations_count
    ]
