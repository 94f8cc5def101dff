"""The office portal: own school only, only the office's fields, history, re-publication."""

from __future__ import annotations

import pytest
import reversion
from django.core import mail
from django.test import Client
from reversion.models import Version

from notices.models import PublishRun
from notices.publishing.batch import notices_publish, select_school_notices
from office.forms import OFFICE_FIELDS
from schools.models import School, SharingPartner
from tests.factories import (
    PASSWORD,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
    SharingPartnerFactory,
)

pytestmark = pytest.mark.django_db


def _form_data(school: School, **changes: str) -> dict[str, str]:
    data = {name: str(getattr(school, name) or "") for name in OFFICE_FIELDS}
    partners = list(SharingPartner.objects.filter(school=school))
    data |= {
        "partners-TOTAL_FORMS": str(len(partners)),
        "partners-INITIAL_FORMS": str(len(partners)),
        "partners-MIN_NUM_FORMS": "0",
        "partners-MAX_NUM_FORMS": "1000",
    }
    for index, partner in enumerate(partners):
        for name in [
            "name",
            "category",
            "purpose",
            "lawful_basis",
            "privacy_notice_url",
            "school_note",
        ]:
            data[f"partners-{index}-{name}"] = str(getattr(partner, name) or "")
        data[f"partners-{index}-id"] = str(partner.pk)
        data[f"partners-{index}-school"] = str(school.pk)
    data.update(changes)
    return data


@pytest.fixture
def notice(school_a):
    notice_type = NoticeTypeFactory(slug="pupils", is_primary=True)
    version = ClauseVersionFactory(
        published=True, body="Call {{ school.phone }} or ask {{ school.headteacher }}."
    )
    NoticeTypeClauseFactory(notice_type=notice_type, clause=version.clause)
    school_notice = SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    return school_notice


# Permissions -----------------------------------------------------------------------------------

OTHER_SCHOOL_URLS = ["/office/schools/{slug}/", "/office/schools/{slug}/history/"]


@pytest.mark.parametrize("url", OTHER_SCHOOL_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_schools_pages_are_404(office_a_client, school_b, url, method):
    before = School.objects.get(pk=school_b.pk).phone

    response = getattr(office_a_client, method)(
        url.format(slug=school_b.slug), _form_data(school_b, phone="020 7946 0111")
    )

    assert response.status_code in (404, 405)
    assert response.status_code == 404 or method == "post"
    assert School.objects.get(pk=school_b.pk).phone == before


@pytest.mark.parametrize("url", [*OTHER_SCHOOL_URLS, "/office/"])
def test_signed_out_visitors_are_sent_to_sign_in(client, school_a, url):
    response = client.get(url.format(slug=school_a.slug))

    assert response.status_code == 302
    assert response["Location"].startswith("/office/login/")


def test_office_home_lists_only_the_users_schools(office_a_client, school_a, school_b):
    response = office_a_client.get("/office/")

    assert list(response.context["schools"]) == [school_a]


def test_a_user_with_no_school_sees_no_school(db, school_a):
    from tests.factories import UserFactory

    client = Client()
    client.force_login(UserFactory())

    assert list(client.get("/office/").context["schools"]) == []
    assert client.get(f"/office/schools/{school_a.slug}/").status_code == 404


def test_dpo_staff_can_use_the_portal_for_any_school(dpo_client, school_b):
    assert dpo_client.get(f"/office/schools/{school_b.slug}/").status_code == 200


@pytest.mark.parametrize(
    ("field", "value"),
    [("urn", "999999"), ("name", "Renamed"), ("dpo", ""), ("slug", "moved"), ("is_open", "")],
)
def test_fields_outside_the_offices_remit_cannot_be_changed(
    office_a_client, school_a, notice, field, value
):
    before = School.objects.values().get(pk=school_a.pk)

    office_a_client.post(
        f"/office/schools/{school_a.slug}/",
        _form_data(school_a, phone="020 7946 0222", **{field: value}),
    )

    after = School.objects.values().get(pk=school_a.pk)
    assert after["phone"] == "020 7946 0222"
    for name in ("urn", "name", "dpo_id", "slug", "is_open", "local_authority_id"):
        assert after[name] == before[name]


def test_another_schools_partner_cannot_be_edited_through_the_formset(
    office_a_client, school_a, school_b, notice
):
    theirs = SharingPartnerFactory(school=school_b, local_authority=None, name="Theirs")
    data = _form_data(school_a)
    data |= {
        "partners-TOTAL_FORMS": "1",
        "partners-INITIAL_FORMS": "1",
        "partners-0-id": str(theirs.pk),
        "partners-0-name": "Hijacked",
        "partners-0-category": "supplier",
        "partners-0-purpose": "x",
    }

    office_a_client.post(f"/office/schools/{school_a.slug}/", data)

    theirs.refresh_from_db()
    assert (theirs.name, theirs.school_id) == ("Theirs", school_b.pk)


# Validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12345", "Enter a UK phone number"),
        ("phone", "+1 202 555 0100", "Enter a UK phone number"),
        ("email", "office@", "Enter a valid email address"),
        ("website", "http://school.example.org", "https://"),
        ("postcode", "NOT A CODE", "Enter a full UK postcode"),
        ("data_request_email", "nobody", "Enter a valid email address"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(
    office_a_client, school_a, notice, field, value, message
):
    before = School.objects.values().get(pk=school_a.pk)

    response = office_a_client.post(
        f"/office/schools/{school_a.slug}/",
        _form_data(school_a, headteacher="Mr New Head", **{field: value}),
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert f'href="#id_{field}"' in body  # the error summary links to the field
    assert School.objects.values().get(pk=school_a.pk) == before
    assert not PublishRun.objects.exists()


def test_a_bad_partner_row_saves_nothing(office_a_client, school_a, notice):
    data = _form_data(school_a, phone="020 7946 0333")
    data |= {
        "partners-TOTAL_FORMS": "1",
        "partners-0-name": "Caterer",
        "partners-0-category": "supplier",
        "partners-0-purpose": "Lunches",
        "partners-0-privacy_notice_url": "http://caterer.example.org",
    }

    response = office_a_client.post(f"/office/schools/{school_a.slug}/", data)

    assert response.status_code == 400
    assert School.objects.get(pk=school_a.pk).phone != "020 7946 0333"
    assert not SharingPartner.objects.filter(name="Caterer").exists()


# Saving, history and re-publication -------------------------------------------------------------


def test_a_save_records_a_revision_with_the_user_and_what_changed(
    office_a, office_a_client, school_a, notice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = office_a_client.post(
            f"/office/schools/{school_a.slug}/",
            _form_data(school_a, phone="020 7946 0444", headteacher="Ms Rowan Ash"),
        )

    assert response.status_code == 302
    version = Version.objects.get_for_object(school_a).first()
    assert version.revision.user == office_a
    assert version.revision.comment == "Changed phone and headteacher in the office portal."
    assert version.field_dict["phone"] == "020 7946 0444"


def test_the_history_shows_who_when_and_old_and_new_values(
    office_a_client, school_a, notice, django_capture_on_commit_callbacks
):
    with reversion.create_revision():
        school_a.save()  # the record as the DPO service first entered it
    old_phone = school_a.phone
    with django_capture_on_commit_callbacks(execute=True):
        office_a_client.post(
            f"/office/schools/{school_a.slug}/", _form_data(school_a, phone="020 7946 0555")
        )

    response = office_a_client.get(f"/office/schools/{school_a.slug}/history/")

    latest, first = response.context["entries"]
    assert latest.changes == [("phone", old_phone, "020 7946 0555")]
    assert latest.version.revision.user.username == "office-a"
    assert ("name", "", school_a.name) in first.changes
    assert "by office-a" in response.content.decode()


def test_a_save_republishes_the_schools_notices_in_the_background(
    office_a_client, school_a, notice, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        office_a_client.post(
            f"/office/schools/{school_a.slug}/", _form_data(school_a, phone="020 7946 0666")
        )
    updating = office_a_client.get(f"/office/schools/{school_a.slug}/")

    run_worker()
    live = office_a_client.get(f"/office/schools/{school_a.slug}/")

    assert [s.state for s in updating.context["statuses"]] == ["updating"]
    assert [(s.state, s.version) for s in live.context["statuses"]] == [("live", 2)]
    publication = notice.live_publication()
    assert "020 7946 0666" in publication.html
    assert publication.has_pdf


def test_emptying_a_needed_value_says_what_is_missing_and_keeps_the_notice_live(
    office_a_client, school_a, notice, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = office_a_client.post(
            f"/office/schools/{school_a.slug}/", _form_data(school_a, headteacher=""), follow=True
        )
    run_worker()
    page = office_a_client.get(f"/office/schools/{school_a.slug}/")

    assert "has no headteacher" in response.content.decode()
    assert "Your current notice stays live" in response.content.decode()
    [status] = page.context["statuses"]
    assert (status.state, status.version) == ("failed", 1)
    assert "has no headteacher" in status.reason
    assert notice.live_publication().number == 1


def test_saving_nothing_new_starts_no_run(office_a_client, school_a, notice):
    response = office_a_client.post(f"/office/schools/{school_a.slug}/", _form_data(school_a))

    assert response.status_code == 302
    assert not PublishRun.objects.exists()


def test_a_school_can_add_its_own_partner(
    office_a_client, school_a, notice, django_capture_on_commit_callbacks
):
    data = _form_data(school_a)
    data |= {
        "partners-TOTAL_FORMS": "1",
        "partners-0-name": "Caterer Ltd",
        "partners-0-category": "supplier",
        "partners-0-purpose": "School lunches.",
        "partners-0-school_note": "Allergy lists only.",
    }

    with django_capture_on_commit_callbacks(execute=True):
        office_a_client.post(f"/office/schools/{school_a.slug}/", data)

    partner = SharingPartner.objects.get(name="Caterer Ltd")
    assert (partner.school, partner.local_authority, partner.school_note) == (
        school_a,
        None,
        "Allergy lists only.",
    )


# Sign-in ------------------------------------------------------------------------------------------


def test_sign_in_leads_to_the_users_schools(client, office_a, school_a):
    response = client.post(
        "/office/login/", {"username": "office-a", "password": PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/office/"
    assert school_a.name in response.content.decode()


def test_repeated_failed_sign_ins_lock_the_account(client, office_a, settings):
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post("/office/login/", {"username": "office-a", "password": "wrong"})

    locked = client.post("/office/login/", {"username": "office-a", "password": PASSWORD})

    assert locked.status_code == 429
    assert "Too many failed sign-in attempts" in locked.content.decode()
    assert "_auth_user_id" not in client.session


def test_a_password_reset_email_is_sent(client, office_a):
    response = client.post("/office/password/reset/", {"email": office_a.email})

    assert response.status_code == 302
    [message] = mail.outbox
    assert message.to == [office_a.email]
    assert "/office/password/reset/" in message.body
