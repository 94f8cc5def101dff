"""Headless Chromium (Debian's build) driven by Playwright, against pytest-django's live server."""

from __future__ import annotations

import importlib
import os
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]

# Playwright's sync API runs an event loop; the tests' own ORM calls are still synchronous.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not shutil.which(CHROMIUM) and not os.path.exists(CHROMIUM):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's 'chromium' package.")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    context = browser.new_context(locale="en-GB")
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    context.close()


@pytest.fixture
def staff_groups(transactional_db) -> None:
    """The two staff groups, as their migrations make them.

    Transactional tests flush the database after each test, which removes rows that migrations
    created, so browser tests put the groups back with the migration's own function.
    """
    from django.apps import apps

    migration = importlib.import_module("schools.migrations.0002_groups")
    migration.create_groups(apps, None)
    importlib.import_module("review.migrations.0002_dpo_staff_review").grant(apps, None)


@pytest.fixture(autouse=True)
def _fresh_content_types() -> Iterator[None]:
    """Flushing re-creates content types with new ids; forget the cached ones around each test."""
    from django.contrib.contenttypes.models import ContentType

    ContentType.objects.clear_cache()
    yield
    ContentType.objects.clear_cache()
