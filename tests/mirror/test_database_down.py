"""With the database stopped, live notices and PDFs are still served, byte for byte.

A private PostgreSQL cluster (never the shared server) and the app under gunicorn with
production settings. While the cluster is stopped and started again, every school's notice page
and PDF is fetched over and over; search and staff pages answer a plain 503; the app recovers
by itself within 30 seconds of the database coming back.
"""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator

import pytest

from mirror.views import UNAVAILABLE_TEXT
from tests.appserver import AppServer, fetch, manage, production_env
from tests.pgcluster import PrivateCluster

SCHOOLS = 4
RECOVERY_LIMIT_SECONDS = 30
SESSION_COOKIE = "__Host-sessionid"  # its name with DEBUG off


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Iterator[tuple[PrivateCluster, AppServer, dict]]:
    workdir = tmp_path_factory.mktemp("database-down")
    cluster = PrivateCluster().init()
    server = None
    try:
        cluster.start()
        env = production_env(workdir, cluster.create_database("notices"))
        manage(env, "migrate", "--no-input")
        manage(env, "collectstatic", "--no-input")
        manage(env, "shell", "-c", f"from tests.mirror.small_site import build; build({SCHOOLS})")
        session = manage(
            env, "shell", "-c", "from tests.mirror.small_site import staff_session; staff_session()"
        ).splitlines()[-1]
        server = AppServer(env, workdir / "gunicorn.log")
        yield cluster, server, {"Cookie": f"{SESSION_COOKIE}={session}"}
    finally:
        if server is not None:
            server.stop()
        cluster.remove()


def _notice_addresses(server: AppServer) -> list[str]:
    status, body, _ = fetch(server.url("/?q=Oakfield"))
    assert status == 200
    slugs = sorted(set(_slugs(body.decode())))
    assert len(slugs) == SCHOOLS
    return [
        address
        for slug in slugs
        for address in (f"/schools/{slug}/privacy-notice/", f"/schools/{slug}/privacy-notice.pdf")
    ]


def _slugs(html: str) -> Iterator[str]:
    marker = 'href="/schools/'
    for chunk in html.split(marker)[1:]:
        yield chunk.split("/", 1)[0]


def test_live_notices_are_served_unchanged_while_the_database_is_down(site):
    cluster, server, staff_cookie = site
    addresses = _notice_addresses(server)
    before = {address: fetch(server.url(address)) for address in addresses}
    assert all(status == 200 for status, _body, _headers in before.values())
    assert {before[a][2]["Content-Type"] for a in addresses if a.endswith(".pdf")} == {
        "application/pdf"
    }
    staff_before = fetch(server.url("/admin/"), headers=staff_cookie)[0]
    assert staff_before in (200, 302)

    outcomes: Counter[str] = Counter()
    stop_fetching = threading.Event()

    def keep_fetching() -> None:
        while not stop_fetching.is_set():
            for address in addresses:
                status, body, headers = fetch(server.url(address))
                unchanged = status == 200 and body == before[address][1]
                outcomes["unchanged" if unchanged else f"{status} changed"] += 1
                outcomes["from mirror"] += headers.get("X-Served-From") == "mirror"

    fetcher = threading.Thread(target=keep_fetching)
    fetcher.start()
    try:
        time.sleep(0.5)
        cluster.stop()
        down = {
            "search": fetch(server.url("/?q=Oakfield")),
            "school": fetch(server.url(addresses[0].rsplit("/", 2)[0] + "/")),
            "staff": fetch(server.url("/admin/"), headers=staff_cookie),
        }
        time.sleep(1)
        cluster.start()
        back_at = time.monotonic()
        recovered_after = None
        while time.monotonic() - back_at < RECOVERY_LIMIT_SECONDS + 5:
            if fetch(server.url("/?q=Oakfield"))[0] == 200:
                recovered_after = time.monotonic() - back_at
                break
            time.sleep(0.25)
    finally:
        stop_fetching.set()
        fetcher.join(timeout=60)

    assert set(outcomes) == {"unchanged", "from mirror"}, outcomes
    assert outcomes["unchanged"] >= 2 * len(addresses)
    for name, (status, body, headers) in down.items():
        assert status == 503, name
        assert UNAVAILABLE_TEXT in body.decode(), name
        assert "Traceback" not in body.decode(), name
        assert headers["Retry-After"] == "30", name
    assert "Database unavailable" in server.log.read_text()
    assert recovered_after is not None and recovered_after <= RECOVERY_LIMIT_SECONDS
    assert fetch(server.url("/admin/"), headers=staff_cookie)[0] == staff_before
