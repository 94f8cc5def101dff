"""The site's Content-Security-Policy, as the browser enforces it: what the page itself puts
inline is blocked and reported, so the `page` fixture can fail any test whose page relies on it."""

from __future__ import annotations

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import REPORT_CSP_VIOLATIONS, _blocked_by_the_page

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

INLINE = """<!DOCTYPE html><html lang="en"><head><title>t</title>
<style>body { color: red; }</style></head>
<body><p style="color: blue">x</p><script>document.title = "ran";</script></body></html>"""


def test_inline_script_and_styles_are_blocked_and_reported(browser: Browser, live_server):
    context = browser.new_context()
    context.add_init_script(REPORT_CSP_VIOLATIONS)
    page = context.new_page()
    real = page.goto(f"{live_server.url}/")
    policy = real.headers["content-security-policy"]
    seen: list[str] = []
    page.on("console", lambda message: seen.append(message.text))
    page.route(
        f"{live_server.url}/inline-test/",
        lambda route: route.fulfill(
            status=200,
            headers={"Content-Type": "text/html", "Content-Security-Policy": policy},
            body=INLINE,
        ),
    )

    page.goto(f"{live_server.url}/inline-test/")
    page.wait_for_timeout(300)

    assert page.title() == "t"  # the inline script did not run
    reported = [text for text in seen if _blocked_by_the_page(text)]
    directives = {text.split()[1] for text in reported}
    assert {"script-src-elem", "style-src-elem", "style-src-attr"} <= directives, seen
    context.close()
