"""Every admin edit to a school is a revision that records who made it, and can be undone."""

from __future__ import annotations

import pytest
import reversion
from reversion.models import Version

from schools.models import School
from tests.factories import SharingPartnerFactory

pytestmark = pytest.mark.django_db

OLD_PHONE = "020 7946 0111"
NEW_PHONE = "020 7946 0222"


@pytest.fixture
def school(school_a):
    """school_a with a first revision, as the admin or an import would have left it."""
    school_a.phone = OLD_PHONE
    with reversion.create_revision():
        school_a.save()
        reversion.set_comment("Imported from GIAS.")
    return school_a


def change_url(school: School) -> str:
    return f"/admin/schools/school/{school.pk}/change/"


def edit_phone_in_admin(client, school: School, phone: str, admin_post_data):  # type: ignore[no-untyped-def]
    data = admin_post_data(client.get(change_url(school)))
    data["phone"] = phone
    return client.post(change_url(school), data)


def test_an_admin_edit_saves_the_change(dpo_client, school, admin_post_data):
    response = edit_phone_in_admin(dpo_client, school, "+44 20 7946 0222", admin_post_data)

    assert response.status_code == 302
    school.refresh_from_db()
    assert school.phone == NEW_PHONE


def test_an_admin_edit_records_a_revision_by_the_user_with_a_comment(
    dpo_client, dpo_user, school, admin_post_data
):
    response = edit_phone_in_admin(dpo_client, school, NEW_PHONE, admin_post_data)

    assert response.status_code == 302
    versions = Version.objects.get_for_object(school)
    assert versions.count() == 2
    latest = versions.first()
    assert latest.revision.user == dpo_user
    assert latest.revision.comment
    assert "Phone" in latest.revision.comment
    assert latest.field_dict["phone"] == NEW_PHONE


def test_an_admin_edit_also_records_the_schools_own_partners(dpo_client, school, admin_post_data):
    partner = SharingPartnerFactory(school=school)

    response = edit_phone_in_admin(dpo_client, school, NEW_PHONE, admin_post_data)

    assert response.status_code == 302
    revision = Version.objects.get_for_object(school).first().revision
    assert revision.version_set.filter(object_id=str(partner.pk)).exists()


def test_reverting_through_the_admin_restores_the_earlier_phone(
    dpo_client, dpo_user, school, admin_post_data
):
    edit_phone_in_admin(dpo_client, school, NEW_PHONE, admin_post_data)
    first = Version.objects.get_for_object(school).last()
    revision_url = f"/admin/schools/school/{school.pk}/history/{first.pk}/"

    form = dpo_client.get(revision_url)
    response = dpo_client.post(revision_url, admin_post_data(form))

    assert form.status_code == 200
    assert response.status_code == 302
    school.refresh_from_db()
    assert school.phone == OLD_PHONE
    latest = Version.objects.get_for_object(school).first()
    assert latest.revision.user == dpo_user
    assert latest.revision.comment.startswith("Reverted to previous version")


def test_viewing_an_old_revision_changes_nothing(dpo_client, school, admin_post_data):
    edit_phone_in_admin(dpo_client, school, NEW_PHONE, admin_post_data)
    first = Version.objects.get_for_object(school).last()

    response = dpo_client.get(f"/admin/schools/school/{school.pk}/history/{first.pk}/")

    assert response.status_code == 200
    assert response.context["adminform"].form.initial["phone"] == OLD_PHONE
    school.refresh_from_db()
    assert school.phone == NEW_PHONE
    assert Version.objects.get_for_object(school).count() == 2


def test_reverting_a_revision_in_code_restores_the_earlier_phone(
    dpo_client, school, admin_post_data
):
    edit_phone_in_admin(dpo_client, school, NEW_PHONE, admin_post_data)
    first = Version.objects.get_for_object(school).last()

    first.revision.revert()

    school.refresh_from_db()
    assert school.phone == OLD_PHONE


def test_the_admin_compares_two_revisions_field_by_field(dpo_client, school, admin_post_data):
    edit_phone_in_admin(dpo_client, school, NEW_PHONE, admin_post_data)
    old, new = Version.objects.get_for_object(school).order_by("pk")

    history = dpo_client.get(f"/admin/schools/school/{school.pk}/history/")
    compare = dpo_client.get(
        f"/admin/schools/school/{school.pk}/history/compare/",
        {"version_id1": old.pk, "version_id2": new.pk},
    )

    assert history.status_code == 200
    assert "compare" in history.content.decode().lower()
    body = compare.content.decode()
    assert compare.status_code == 200
    assert OLD_PHONE in body and NEW_PHONE in body
