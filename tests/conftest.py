"""Shared fixtures: two schools, the two staff groups' users, logged-in clients.

The groups "DPO staff" and "School office" come from schools/migrations/0002_groups.py, which
pytest-django runs when it builds the test database.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.test import Client

from tests.factories import SchoolFactory, SchoolMembershipFactory, UserFactory

DPO_STAFF = "DPO staff"
SCHOOL_OFFICE = "School office"


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    """Files saved by a test (publication PDFs, the mirror) go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MIRROR_ROOT = tmp_path / "mirror"
    # A test's rows are in its own open transaction, which a forked process cannot see: runs
    # publish in the test's process (tests/notices/test_parallel_publishing.py forks, committed).
    settings.PUBLISH_PAGE_JOBS = 1


@pytest.fixture(autouse=True)
def _nothing_queued_on_demand():
    """Each test starts with no PDF remembered as queued by this process (ids are reused
    between tests, a database's are not)."""
    from notices.publishing import ondemand

    ondemand._queued.clear()


@pytest.fixture
def dpo_staff_group(db) -> Group:
    return Group.objects.get(name=DPO_STAFF)


@pytest.fixture
def school_office_group(db) -> Group:
    return Group.objects.get(name=SCHOOL_OFFICE)


@pytest.fixture
def dpo_user(dpo_staff_group):
    return UserFactory(username="dpo", is_staff=True, groups=[dpo_staff_group])


@pytest.fixture
def superuser(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


@pytest.fixture
def school_a(db):
    return SchoolFactory(name="Ashdown Primary School", urn="100001")


@pytest.fixture
def school_b(db):
    return SchoolFactory(name="Birchwood Academy", urn="100002")


def _office_user(username: str, school, group: Group):
    user = UserFactory(username=username, is_staff=False, groups=[group])
    SchoolMembershipFactory(user=user, school=school)
    return user


@pytest.fixture
def office_a(school_a, school_office_group):
    return _office_user("office-a", school_a, school_office_group)


@pytest.fixture
def office_b(school_b, school_office_group):
    return _office_user("office-b", school_b, school_office_group)


def _client_for(user) -> Client:
    """A client signed in as `user` with both steps done: password, then a confirmed
    authenticator device recorded in the session, as django-otp's own login does."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Test authenticator", confirmed=True)
    client = Client()
    client.force_login(user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


@pytest.fixture
def signed_in_client() -> Callable[[Any], Client]:
    """Sign any user in (both steps) on a new client: `signed_in_client(user)`."""
    return _client_for


@pytest.fixture
def dpo_client(dpo_user) -> Client:
    return _client_for(dpo_user)


@pytest.fixture
def superuser_client(superuser) -> Client:
    return _client_for(superuser)


@pytest.fixture
def office_a_client(office_a) -> Client:
    return _client_for(office_a)


@pytest.fixture
def office_b_client(office_b) -> Client:
    return _client_for(office_b)


def admin_form_data(response) -> dict[str, Any]:
    """The POST data an admin change (or add, or revision) page would submit, unchanged.

    Reads the main form and every inline formset, management forms included, from the context
    of a GET response, so a test can change one field and post the rest as the browser would.
    """
    data: dict[str, Any] = {}

    def add_form(form) -> None:  # type: ignore[no-untyped-def]
        for name in form.fields:
            value = form[name].value()
            key = form.add_prefix(name)
            if value is None:
                data[key] = ""
            elif isinstance(value, bool):
                if value:
                    data[key] = "on"
            elif isinstance(value, list | tuple):
                data[key] = [str(v) for v in value]
            else:
                data[key] = value

    add_form(response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        add_form(formset.management_form)
        for form in formset.forms:
            add_form(form)
    return data


@pytest.fixture
def admin_post_data() -> Callable[[Any], dict[str, Any]]:
    return admin_form_data


@pytest.fixture
def run_worker(django_capture_on_commit_callbacks, monkeypatch) -> Callable[[], None]:
    """Run the queued tasks in this process until none are left, as a worker would.

    Tests run inside a transaction that never commits, so what tasks queue "on commit" is
    captured and released after each pass; and the worker must not close the test's database
    connection between tasks as it would its own.
    """
    from django.core.management import call_command

    monkeypatch.setattr(
        "django_tasks_db.management.commands.db_worker.close_old_connections", lambda: None
    )

    def run() -> None:
        for _ in range(10):
            with django_capture_on_commit_callbacks(execute=True) as queued:
                call_command("run_worker", "--batch", "--no-startup-delay", verbosity=0)
            if not queued:
                return
        raise AssertionError("the task queue never emptied")

    return run
