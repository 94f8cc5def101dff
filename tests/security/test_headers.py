"""Security headers on every response: every URL pattern the project resolves, as a member of
the public, office staff and DPO staff, plus a 404 and a 500."""

from __future__ import annotations

from collections import Counter

import pytest
from django.http import HttpResponse
from django.test import Client

from tests.security.routes import all_routes

pytestmark = pytest.mark.django_db

REFERRER_POLICIES = {
    "no-referrer",
    "same-origin",
    "strict-origin",
    "strict-origin-when-cross-origin",
}
SESSION_COOKIE = "sessionid"


@pytest.fixture
def production_headers(settings) -> None:
    """HSTS and secure cookies as production has them (tests run with development settings)."""
    settings.SECURE_HSTS_SECONDS = 31536000
    settings.SESSION_COOKIE_SECURE = settings.CSRF_COOKIE_SECURE = True


def csp_directives(response: HttpResponse) -> dict[str, list[str]]:
    header = response.headers.get("Content-Security-Policy", "")
    directives = {}
    for part in header.split(";"):
        words = part.split()
        if words:
            directives[words[0]] = words[1:]
    return directives


def header_problems(response: HttpResponse) -> list[str]:
    problems = []
    csp = csp_directives(response)
    script = csp.get("script-src", csp.get("default-src"))
    if script is None:
        problems.append("no CSP script-src")
    elif {"'unsafe-inline'", "'unsafe-eval'"} & set(script):
        problems.append("CSP script-src allows inline or eval")
    if csp.get("object-src") != ["'none'"]:
        problems.append("CSP object-src is not 'none'")
    if csp.get("base-uri") != ["'none'"]:
        problems.append("CSP base-uri is not 'none'")
    if "frame-ancestors" not in csp:
        problems.append("CSP has no frame-ancestors")
    if "'unsafe-inline'" in csp.get("style-src", []):
        problems.append("CSP style-src allows inline styles")
    if not response.headers.get("Strict-Transport-Security", "").startswith("max-age=31536000"):
        problems.append("no HSTS")
    if response.headers.get("X-Content-Type-Options") != "nosniff":
        problems.append("no nosniff")
    if response.headers.get("Referrer-Policy") not in REFERRER_POLICIES:
        problems.append(f"Referrer-Policy {response.headers.get('Referrer-Policy')}")
    if "camera=()" not in response.headers.get("Permissions-Policy", ""):
        problems.append("no Permissions-Policy")
    for cookie in response.cookies.values():
        if not cookie["secure"]:
            problems.append(f"cookie {cookie.key} not Secure")
        if not cookie["httponly"]:
            problems.append(f"cookie {cookie.key} not HttpOnly")
        if cookie["samesite"] not in {"Lax", "Strict"}:
            problems.append(f"cookie {cookie.key} SameSite={cookie['samesite']}")
    return problems


def test_every_url_answers_with_the_security_headers(
    world, production_headers, dpo_client, office_a_client, capsys
):
    routes = all_routes()
    clients = {"public": Client(), "office A": office_a_client, "DPO staff": dpo_client}
    failures: list[str] = []
    statuses: Counter[int] = Counter()
    checked = 0
    # Sign-out last, so the signed-in clients stay signed in for every other URL.
    for route in sorted(routes, key=lambda r: "logout" in r.route):
        url = world.url(route)
        for who, client in clients.items():
            response = client.get(url, secure=True)
            statuses[response.status_code] += 1
            checked += 1
            failures += [f"{who} GET {url}: {p}" for p in header_problems(response)]

    with capsys.disabled():
        print(
            f"\nheader check: {len(routes)} URL patterns x {len(clients)} kinds of visitor = "
            f"{checked} responses (status {dict(sorted(statuses.items()))}), "
            f"{len(failures)} with a missing or weak header"
        )
    assert not failures, "\n".join(failures[:40])
    assert len(routes) > 100  # the admin, the portal and the public site were all found
    assert statuses[200] > 100


def test_a_page_not_found_has_the_security_headers(production_headers):
    response = Client().get("/no-such-page/", secure=True)

    assert response.status_code == 404
    assert header_problems(response) == []


@pytest.mark.urls("tests.security.urls_with_error")
def test_a_server_error_has_the_security_headers(production_headers):
    client = Client(raise_request_exception=False)

    response = client.get("/check-a-server-error/", secure=True)

    assert response.status_code == 500
    assert b"Sorry, there is a problem with the service" in response.content
    assert header_problems(response) == []


def test_a_sign_in_sets_cookies_that_scripts_and_other_sites_cannot_use(
    production_headers, dpo_user
):
    from tests.factories import PASSWORD

    client = Client()
    client.get("/admin/login/", secure=True)
    response = client.post("/admin/login/", {"username": "dpo", "password": PASSWORD}, secure=True)

    assert SESSION_COOKIE in response.cookies
    assert header_problems(response) == []
