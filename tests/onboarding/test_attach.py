"""Attaching schools to an imported notice type in bulk: an admin action and a command."""

from __future__ import annotations

import pytest
from django.core.management import CommandError, call_command
from reversion.models import Version

from notices.models import SchoolNotice
from tests.factories import LocalAuthorityFactory, NoticeTypeFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def county():
    authority = LocalAuthorityFactory(code="990")
    schools = [SchoolFactory(local_authority=authority) for _ in range(3)]
    SchoolFactory(local_authority=authority, is_open=False)
    SchoolFactory()  # another authority
    return authority, schools


def _holders(notice_type) -> set[str]:
    return set(notice_type.school_notices.values_list("school__slug", flat=True))


def test_the_command_gives_every_open_school_of_an_authority_the_notice(county, capsys):
    _, schools = county
    notice_type = NoticeTypeFactory(slug="imported")
    SchoolNotice.objects.create(school=schools[0], notice_type=notice_type)

    call_command("attach_notice_type", "imported", "--authority", "990")

    assert _holders(notice_type) == {school.slug for school in schools}
    assert "2 schools given the notice, 1 already had it" in capsys.readouterr().out
    created = SchoolNotice.objects.get(school=schools[1], notice_type=notice_type)
    assert Version.objects.get_for_object(created).first().revision.comment == (
        f"Schools attached to the notice type “{notice_type.title}”."
    )


def test_a_second_run_changes_nothing(county, capsys):
    notice_type = NoticeTypeFactory(slug="imported")
    call_command("attach_notice_type", "imported", "--all")

    call_command("attach_notice_type", "imported", "--all")

    last_line = capsys.readouterr().out.splitlines()[-1]
    assert "0 schools given the notice, 4 already had it" in last_line
    assert notice_type.school_notices.count() == 4


def test_the_command_names_what_it_cannot_find(county):
    NoticeTypeFactory(slug="imported")

    with pytest.raises(CommandError, match="No school nowhere-school"):
        call_command("attach_notice_type", "imported", "--school", "nowhere-school")
    with pytest.raises(CommandError, match="No notice type missing"):
        call_command("attach_notice_type", "missing", "--all")


def test_the_admin_action_asks_which_authority_then_attaches(county, dpo_client):
    authority, schools = county
    notice_type = NoticeTypeFactory(slug="imported")
    data = {"action": "attach_schools", "_selected_action": [notice_type.pk]}

    page = dpo_client.post("/admin/notices/noticetype/", data)

    assert page.status_code == 200
    assert "Give schools these notice types" in page.content.decode()
    assert notice_type.school_notices.count() == 0

    done = dpo_client.post(
        "/admin/notices/noticetype/",
        {**data, "attach": "Give", "local_authority": authority.pk},
    )

    assert done.status_code == 302
    assert _holders(notice_type) == {school.slug for school in schools}


def test_office_staff_cannot_reach_the_action(county, office_a_client):
    notice_type = NoticeTypeFactory(slug="imported")

    response = office_a_client.post(
        "/admin/notices/noticetype/",
        {"action": "attach_schools", "_selected_action": [notice_type.pk], "attach": "Give"},
    )

    assert response.status_code == 302
    assert notice_type.school_notices.count() == 0
