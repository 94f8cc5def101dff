"""Headless Chromium (Debian's build) driven by Playwright, against pytest-django's live server."""

from __future__ import annotations

import importlib
import os
import shutil
import threading
from collections.abc import Iterator

import pytest
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
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


class OneRequestAtATimeServer(ThreadedWSGIServer):
    """The live server, answering one request at a time.

    On SQLite the tests' in-memory database is one connection, shared with the server's threads;
    two requests at once (a page and its translations script, say) would interleave their
    transactions on it ("no such savepoint"). Connections are still accepted in threads, so an
    idle connection Chromium opened ahead never holds up the others.
    """

    def set_app(self, application):  # type: ignore[no-untyped-def]
        lock = threading.Lock()

        def one_at_a_time(environ, start_response):  # type: ignore[no-untyped-def]
            with lock:
                return application(environ, start_response)

        super().set_app(one_at_a_time)


LiveServerThread.server_class = OneRequestAtATimeServer

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


# Reports each Content-Security-Policy violation to the console, with where it came from.
REPORT_CSP_VIOLATIONS = """
document.addEventListener("securitypolicyviolation", (event) => console.log(
  "csp-violation", event.violatedDirective, event.blockedURI || "inline",
  "from", event.sourceFile || "-", "line", event.lineNumber, "on", location.href));
"""


def _blocked_by_the_page(text: str) -> bool:
    """A violation caused by the page's own HTML or scripts. One with no source file came from
    a script the test itself evaluated through the browser's devtools (axe does), not the page."""
    words = text.split()
    return bool(words) and words[0] == "csp-violation" and words[4] != "-"


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A page that fails its test if the Content-Security-Policy blocked anything the page
    itself asked for (an inline script or style, a resource from elsewhere)."""
    context = browser.new_context(locale="en-GB")
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    page.set_default_timeout(15_000)
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if _blocked_by_the_page(message.text) else None
        ),
    )
    yield page
    context.close()
    assert not blocked, "\n".join(blocked)


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
