"""A new DPO signs in for the first time: password, then setting up an authenticator app from
the key on the page, then the backup codes, then the admin. Next time a backup code will do."""

from __future__ import annotations

import base64

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import Group
from django_otp.oath import totp
from playwright.sync_api import Page, expect

from tests.factories import PASSWORD, UserFactory

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _axe(page: Page) -> int:
    result = Axe().run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    assert result.violations_count == 0, result.generate_report()
    return result.violations_count


def _password(page: Page, base: str) -> None:
    page.goto(f"{base}/admin/login/")
    page.get_by_label("Username").fill("dpo")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


def test_a_new_dpo_sets_up_two_step_sign_in_then_uses_a_backup_code(
    page: Page, live_server, staff_groups
):
    UserFactory(username="dpo", is_staff=True, groups=[Group.objects.get(name="DPO staff")])
    base = live_server.url

    _password(page, base)
    expect(page.get_by_role("heading", name="Set up two-step sign-in")).to_be_visible()
    _axe(page)
    key = page.locator(".secret-key").inner_text().replace(" ", "")
    code = totp(base64.b32decode(key), step=30, t0=0, digits=6)
    page.get_by_label("Code from the app").fill("111")
    page.get_by_role("button", name="Turn on two-step sign-in").click()
    expect(page.get_by_role("heading", name="There is a problem")).to_be_visible()
    page.wait_for_timeout(1500)  # a wrong code holds the next try for a second
    page.get_by_label("Code from the app").fill(f"{code:06d}")
    page.get_by_role("button", name="Turn on two-step sign-in").click()

    expect(page.get_by_role("heading", name="Your backup codes")).to_be_visible()
    _axe(page)
    codes = page.locator(".backup-codes code").all_inner_texts()
    assert len(codes) == 10
    page.get_by_role("link", name="Continue").click()
    expect(page.get_by_role("link", name="Dashboard: what needs attention")).to_be_visible()

    # Sign out by forgetting the cookies, once no request is left to set them again.
    page.wait_for_load_state("networkidle")
    page.context.clear_cookies()
    _password(page, base)
    expect(
        page.get_by_role("heading", name="Enter the code from your authenticator app")
    ).to_be_visible()
    _axe(page)
    page.get_by_label("Code").fill(codes[0])
    page.get_by_role("button", name="Continue").click()
    expect(page.get_by_role("link", name="Dashboard: what needs attention")).to_be_visible()
