"""Production settings that cannot leak: `check --deploy` is clean with them and reports what is
missing; without e-mail no reset link is ever sent or logged; lock-outs count per person."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core import mail
from django.test import Client

from security.views import NO_EMAIL_RESET
from tests.factories import PASSWORD

ROOT = Path(__file__).resolve().parents[2]
PRODUCTION = {
    "DJANGO_DEBUG": "0",
    "DJANGO_SECRET_KEY": "a-production-like-secret-key-" + "x" * 40,
    "DJANGO_ALLOWED_HOSTS": "notices.example.org",
    "SITE_URL": "https://notices.example.org",
    "EMAIL_HOST": "smtp.example.org",
    "DATABASE_URL": "sqlite://:memory:",
}


def check_deploy(**overrides: str) -> subprocess.CompletedProcess[str]:
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "EMAIL_", "SITE_URL"))
    }
    env.update(PRODUCTION)
    env.update(overrides)
    env = {key: value for key, value in env.items() if value != ""}
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_check_deploy_is_clean_with_production_settings():
    result = check_deploy()

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    ("missing", "reported"),
    [
        ({"SITE_URL": ""}, "security.E001"),
        ({"SITE_URL": "http://127.0.0.1:8000"}, "security.W001"),
        ({"EMAIL_HOST": ""}, "security.W002"),
        ({"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}, "security.E002"),
        ({"DJANGO_HSTS_SECONDS": "0"}, "security.W004"),
        ({"DJANGO_SECURE_SSL_REDIRECT": "0"}, "security.W008"),
    ],
)
def test_check_deploy_reports_a_missing_production_setting(missing, reported):
    result = check_deploy(**missing)

    assert result.returncode != 0
    assert reported in result.stdout + result.stderr


@pytest.mark.django_db
def test_without_email_the_reset_page_says_to_ask_the_dpo(settings, office_a, caplog):
    settings.EMAIL_ENABLED = False
    client = Client()

    page = client.get("/office/password/reset/")
    posted = client.post("/office/password/reset/", {"email": office_a.email})

    assert NO_EMAIL_RESET in page.content.decode()
    assert NO_EMAIL_RESET in posted.content.decode()
    assert 'name="email"' not in page.content.decode()
    assert mail.outbox == []
    assert "password/reset/" not in caplog.text


@pytest.mark.django_db
def test_with_email_the_reset_link_is_sent(office_a):
    Client().post("/office/password/reset/", {"email": office_a.email})

    assert len(mail.outbox) == 1
    assert "/office/password/reset/" in mail.outbox[0].body


def _fail_sign_in(client: Client, username: str, address: str, forwarded: str) -> int:
    response = client.post(
        "/office/login/",
        {"username": username, "password": "wrong"},
        REMOTE_ADDR=address,
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    return response.status_code


def _sign_in(username: str, address: str, forwarded: str) -> int:
    response = Client().post(
        "/office/login/",
        {"username": username, "password": PASSWORD},
        REMOTE_ADDR=address,
        HTTP_X_FORWARDED_FOR=forwarded,
    )
    return response.status_code


@pytest.mark.django_db
def test_behind_a_proxy_one_person_cannot_lock_out_everyone(settings, office_a, office_b):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = "10.0.0.1"
    attacker = Client()
    for _ in range(settings.AXES_FAILURE_LIMIT):
        _fail_sign_in(attacker, "office-a", proxy, "203.0.113.9")

    # The attacker's address is locked out for that user, even with the right password...
    assert _sign_in("office-a", proxy, "203.0.113.9") == 429
    # ...but the real user at another address behind the same proxy signs in,
    assert _sign_in("office-a", proxy, "198.51.100.7") == 302
    # and other users from the attacker's address are not affected.
    assert _sign_in("office-b", proxy, "203.0.113.9") == 302


@pytest.mark.django_db
def test_a_forged_forwarded_header_does_not_escape_the_lock_out(settings, office_a):
    settings.TRUSTED_PROXY_COUNT = 1
    attacker = Client()
    # The proxy appends the real address; what the client sent before it is not trusted.
    for n in range(settings.AXES_FAILURE_LIMIT):
        _fail_sign_in(attacker, "office-a", "10.0.0.1", f"192.0.2.{n}, 203.0.113.9")

    assert _sign_in("office-a", "10.0.0.1", "192.0.2.99, 203.0.113.9") == 429


@pytest.mark.django_db
def test_without_a_proxy_the_forwarded_header_is_ignored(settings, office_a):
    settings.TRUSTED_PROXY_COUNT = 0
    attacker = Client()
    for n in range(settings.AXES_FAILURE_LIMIT):
        _fail_sign_in(attacker, "office-a", "203.0.113.9", f"192.0.2.{n}")

    assert _sign_in("office-a", "203.0.113.9", "192.0.2.200") == 429


@pytest.mark.django_db
def test_the_worker_touches_its_heartbeat_for_the_healthcheck(settings, tmp_path):
    import threading

    from notices.management.commands import run_worker

    settings.WORKER_HEARTBEAT_FILE = str(tmp_path / "heartbeat")

    class OneRound(threading.Event):
        def wait(self, timeout: float | None = None) -> bool:
            self.set()
            return True

    run_worker._watch_for_stale_tasks(OneRound())

    assert (tmp_path / "heartbeat").exists()
