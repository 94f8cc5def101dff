"""What the browser tests of DPO admin pages share: signing the demo DPO in, and axe."""

from __future__ import annotations

from axe_playwright_python.sync_playwright import Axe
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, current_code

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]


def assert_no_axe_violations(page: Page) -> None:
    results = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert results.violations_count == 0, results.generate_report()


def sign_in_dpo(page: Page, base: str) -> None:
    """Password, then the authenticator code, as the user "dpo" with an authenticator."""
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("dpo")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Code").fill(current_code(TOTPDevice.objects.get(user__username="dpo")))
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Dashboard: what needs attention")).to_be_visible()
