"""Two-step sign-in: staff cannot reach any admin page on a password alone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.contrib.sessions.models import Session
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from security.forms import CODE_WRONG, SETUP_CODE_WRONG
from security.twofactor import backup_codes_issue
from tests.factories import PASSWORD, authenticator_for, current_code

pytestmark = pytest.mark.django_db

ADMIN_PAGES = [
    "/admin/",
    "/admin/dashboard/",
    "/admin/adopt/",
    "/admin/clauses/clause/",
    "/admin/schools/school/",
    "/admin/auth/user/",
]


def _password_only(username: str, login_url: str = "/admin/login/") -> Client:
    client = Client()
    response = client.post(login_url, {"username": username, "password": PASSWORD})
    assert response.status_code == 302, "the password step should succeed"
    return client


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_it_sends_a_dpo_without_a_device_to_set_one_up(dpo_user, path):
    client = _password_only("dpo")

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("security:setup"))


@pytest.mark.parametrize("path", ADMIN_PAGES)
def test_it_asks_a_dpo_with_a_device_for_a_code(dpo_user, path):
    authenticator_for(dpo_user)
    client = _password_only("dpo")

    response = client.get(path)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("security:verify"))


def test_it_asks_a_superuser_for_a_code_too(superuser):
    authenticator_for(superuser)
    client = _password_only("admin")

    assert client.get("/admin/auth/user/").status_code == 302


def test_enrolment_confirms_the_app_and_shows_single_use_backup_codes(dpo_user):
    client = _password_only("dpo")
    page = client.get(reverse("security:setup") + "?next=/admin/dashboard/")
    assert page.status_code == 200
    assert b"<svg" in page.content  # the QR code
    device = TOTPDevice.objects.get(user=dpo_user, confirmed=False)

    response = client.post(
        reverse("security:setup"), {"code": current_code(device), "next": "/admin/dashboard/"}
    )

    assert response.status_code == 200
    codes = response.context["codes"]
    assert len(codes) == 10
    assert set(
        StaticToken.objects.filter(device__user=dpo_user).values_list("token", flat=True)
    ) == set(codes)
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/dashboard/").status_code == 200


def test_a_wrong_code_at_enrolment_is_refused(dpo_user):
    client = _password_only("dpo")
    client.get(reverse("security:setup"))

    response = client.post(reverse("security:setup"), {"code": "000000x"})

    assert SETUP_CODE_WRONG in response.content.decode()
    assert not TOTPDevice.objects.filter(user=dpo_user, confirmed=True).exists()
    assert client.get("/admin/").status_code == 302


def test_a_code_from_the_app_lets_a_dpo_in(dpo_user):
    device = authenticator_for(dpo_user)
    client = _password_only("dpo")

    response = client.post(
        reverse("security:verify"), {"code": current_code(device), "next": "/admin/adopt/"}
    )

    assert response.status_code == 302
    assert response["Location"] == "/admin/adopt/"
    assert client.get("/admin/adopt/").status_code == 200


def test_a_wrong_code_keeps_the_admin_closed(dpo_user):
    authenticator_for(dpo_user)
    client = _password_only("dpo")

    response = client.post(reverse("security:verify"), {"code": "123 456"})

    assert CODE_WRONG in response.content.decode()
    assert client.get("/admin/").status_code == 302


def test_a_backup_code_works_once(dpo_user):
    authenticator_for(dpo_user)
    code = backup_codes_issue(user=dpo_user)[0]

    first = _password_only("dpo")
    assert first.post(reverse("security:verify"), {"code": code}).status_code == 302
    assert first.get("/admin/").status_code == 200
    second = _password_only("dpo")
    assert CODE_WRONG in second.post(reverse("security:verify"), {"code": code}).content.decode()
    assert second.get("/admin/").status_code == 302


def test_the_session_key_changes_at_each_sign_in_step(dpo_user):
    device = authenticator_for(dpo_user)
    client = Client()
    session = client.session
    session["seen"] = True
    session.save()
    before = client.session.session_key

    client.post("/admin/login/", {"username": "dpo", "password": PASSWORD})
    after_password = client.session.session_key
    client.post(reverse("security:verify"), {"code": current_code(device)})
    after_code = client.session.session_key

    assert len({before, after_password, after_code}) == 3
    assert not Session.objects.filter(session_key=before).exists()
    assert client.get("/admin/").status_code == 200


def test_a_staff_session_ends_after_the_idle_time(dpo_client, settings):
    response = dpo_client.get("/admin/")
    assert response.status_code == 200
    session = Session.objects.get(session_key=dpo_client.session.session_key)
    idle = timedelta(minutes=settings.SESSION_IDLE_MINUTES)
    assert abs(session.expire_date - (timezone.now() + idle)) < timedelta(seconds=30)

    # Thirty idle minutes later the stored session has expired.
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() - timedelta(seconds=1))
    response = dpo_client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_the_idle_time_is_thirty_minutes_unless_set(settings):
    assert settings.SESSION_IDLE_MINUTES == 30
    assert settings.SESSION_COOKIE_AGE == 30 * 60
    assert settings.SESSION_SAVE_EVERY_REQUEST


def test_office_staff_sign_in_with_a_password_unless_required(office_a, settings):
    client = _password_only("office-a", "/office/login/")
    assert client.get("/office/").status_code == 200

    settings.TWO_FACTOR_REQUIRED_FOR_OFFICE = True
    response = client.get("/office/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("security:setup"))


def test_office_staff_can_turn_it_on_and_are_then_asked_for_a_code(office_a):
    client = _password_only("office-a", "/office/login/")
    client.get(reverse("security:setup"))
    device = TOTPDevice.objects.get(user=office_a)
    client.post(reverse("security:setup"), {"code": current_code(device)})

    later = _password_only("office-a", "/office/login/")
    response = later.get("/office/")

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("security:verify"))


def test_an_office_user_cannot_reach_the_admin_even_with_two_steps(office_a_client):
    response = office_a_client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_a_signed_in_dpo_can_make_new_backup_codes(dpo_client, dpo_user):
    response = dpo_client.post(reverse("security:backup_codes"))

    assert response.status_code == 200
    assert StaticToken.objects.filter(device__user=dpo_user).count() == 10


def test_the_office_portal_links_to_two_step_sign_in(office_a_client):
    response = office_a_client.get("/office/")

    assert reverse("security:setup").encode() in response.content
