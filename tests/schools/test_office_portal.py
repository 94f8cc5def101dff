"""The office portal: own school only, only the office's fields, history, re-publication."""

from __future__ import annotations

import pytest
import reversion
from django import forms
from django.core import mail
from django.test import Client
from reversion.models import Version

from notices.models import PublishRun
from notices.publishing.batch import notices_publish, select_school_notices
from office.forms import DETAIL_GROUPS, PARTNER_FIELDS, WEBSITE_ERROR
from office.views import NOTHING_CHANGED
from review.models import Suggestion
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


def _group_of(field: str) -> str:
    return next(slug for slug, group in DETAIL_GROUPS.items() if field in group.fields)


def _form_data(school: School, group: str, **changes: str) -> dict[str, str]:
    """What the change page of one group of details submits, with some values changed."""
    data = {name: str(getattr(school, name) or "") for name in DETAIL_GROUPS[group].fields}
    data.update(changes)
    return data


def _change(client: Client, school: School, **changes: str):  # type: ignore[no-untyped-def]
    group = _group_of(next(iter(changes)))
    return client.post(
        f"/office/schools/{school.slug}/change/{group}/", _form_data(school, group, **changes)
    )


def _partner_data(partner: SharingPartner | None = None, **changes: str) -> dict[str, str]:
    data = {
        "name": "Hearthside Meals Ltd",
        "category": "supplier",
        "lawful_basis": "public-task",
        "special_category_condition": "",
        "privacy_notice_url": "https://hearthside.example.org/privacy",
        "purpose": "To provide school lunches.",
        "school_note": "",
    }
    if partner is not None:
        data = {name: str(getattr(partner, name) or "") for name in PARTNER_FIELDS}
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

OTHER_SCHOOL_URLS = [
    "/office/schools/{slug}/",
    "/office/schools/{slug}/history/",
    "/office/schools/{slug}/status/",
    "/office/schools/{slug}/change/contact/",
    "/office/schools/{slug}/partners/add/",
]


@pytest.mark.parametrize("url", OTHER_SCHOOL_URLS)
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_schools_pages_are_404(office_a_client, school_b, url, method):
    before = School.objects.get(pk=school_b.pk).phone

    response = getattr(office_a_client, method)(
        url.format(slug=school_b.slug),
        {**_form_data(school_b, "contact", phone="020 7946 0111"), **_partner_data()},
    )

    assert response.status_code in (404, 405)
    assert response.status_code == 404 or method == "post"
    assert School.objects.get(pk=school_b.pk).phone == before
    assert not Suggestion.objects.exists()


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


def test_an_unknown_group_of_details_is_404(office_a_client, school_a):
    response = office_a_client.get(f"/office/schools/{school_a.slug}/change/name/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    ("field", "value"),
    [("urn", "999999"), ("name", "Renamed"), ("dpo", ""), ("slug", "moved"), ("is_open", "")],
)
def test_fields_outside_the_offices_remit_cannot_be_changed(
    office_a_client, school_a, notice, field, value
):
    before = School.objects.values().get(pk=school_a.pk)

    office_a_client.post(
        f"/office/schools/{school_a.slug}/change/contact/",
        _form_data(school_a, "contact", phone="020 7946 0222", **{field: value}),
    )

    after = School.objects.values().get(pk=school_a.pk)
    assert after["phone"] == "020 7946 0222"
    for name in ("urn", "name", "dpo_id", "slug", "is_open", "local_authority_id"):
        assert after[name] == before[name]


@pytest.mark.parametrize("action", ["", "remove/"])
@pytest.mark.parametrize("method", ["get", "post"])
def test_another_schools_partner_can_be_neither_changed_nor_removed(
    office_a_client, school_a, school_b, notice, action, method
):
    theirs = SharingPartnerFactory(school=school_b, local_authority=None, name="Theirs")

    response = getattr(office_a_client, method)(
        f"/office/schools/{school_a.slug}/partners/{theirs.pk}/{action}",
        _partner_data(theirs, name="Hijacked", purpose="Hijacked"),
    )

    assert response.status_code == 404
    theirs.refresh_from_db()
    assert (theirs.name, theirs.purpose, theirs.school_id) != ("Hijacked", "Hijacked", None)
    assert theirs.school_id == school_b.pk
    assert not Suggestion.objects.exists()


def test_a_partner_every_school_shares_cannot_be_changed_in_the_portal(
    office_a_client, school_a, notice
):
    national = SharingPartnerFactory(name="Department for Education")

    response = office_a_client.post(
        f"/office/schools/{school_a.slug}/partners/{national.pk}/",
        _partner_data(national, name="Renamed"),
    )

    assert response.status_code == 404
    national.refresh_from_db()
    assert national.name == "Department for Education"


# Validation ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("phone", "12345", "Enter a UK phone number, e.g. 0113 496 0123"),
        ("phone", "+1 202 555 0100", "Enter a UK phone number"),
        ("email", "office@", "Enter an email address in the correct format, like office@"),
        ("website", "http://school.example.org", WEBSITE_ERROR),
        ("website", "not a web address", WEBSITE_ERROR),
        ("postcode", "NOT A CODE", "Enter a full UK postcode, like SW1A 1AA"),
        ("data_request_email", "nobody", "Enter an email address in the correct format"),
        ("headteacher", "x" * 121, "Headteacher must be 120 characters or fewer (you entered 121)"),
        ("street", "1 High St\ue000school.email\ue001", "Remove the hidden or special character"),
        ("town", "Ashdown\x07", "(U+0007)"),
    ],
)
def test_bad_input_is_explained_and_nothing_is_saved(
    office_a_client, school_a, notice, field, value, message
):
    before = School.objects.values().get(pk=school_a.pk)

    response = _change(office_a_client, school_a, **{field: value})

    body = response.content.decode()
    assert response.status_code == 400
    assert message in body
    assert body.index("There is a problem") < body.index("<h1")  # the summary comes first
    assert f'<a href="#id_{field}">' in body  # and links to the field
    assert "data-error-summary" in body
    assert "<title>Error: " in body
    assert School.objects.values().get(pk=school_a.pk) == before
    assert not PublishRun.objects.exists()


def test_a_bad_partner_saves_nothing(office_a_client, school_a, notice):
    response = office_a_client.post(
        f"/office/schools/{school_a.slug}/partners/add/",
        _partner_data(privacy_notice_url="http://caterer.example.org", lawful_basis=""),
    )

    body = response.content.decode()
    assert response.status_code == 400
    assert WEBSITE_ERROR in body
    assert "Choose lawful basis" in body
    assert 'href="#id_lawful_basis_0"' in body  # the first radio button
    assert not Suggestion.objects.exists()
    assert not SharingPartner.objects.filter(school=school_a).exists()


def test_a_2_mb_note_is_refused_with_its_length(office_a_client, school_a, notice):
    response = office_a_client.post(
        f"/office/schools/{school_a.slug}/partners/add/",
        _partner_data(school_note="a" * 2_000_000),
    )

    assert response.status_code == 400
    assert "must be 500 characters or fewer (you entered 2000000)" in response.content.decode()
    assert not Suggestion.objects.exists()


def test_every_field_has_a_length_limit_in_the_page(office_a_client, school_a):
    pages = [f"/office/schools/{school_a.slug}/change/{group}/" for group in DETAIL_GROUPS]
    pages.append(f"/office/schools/{school_a.slug}/partners/add/")

    for page in pages:
        form = office_a_client.get(page).context["form"]
        for name, field in form.fields.items():
            if isinstance(field, forms.CharField):
                assert field.max_length, (page, name)
                assert f'maxlength="{field.max_length}"' in str(form[name])


# Saving, history and re-publication -------------------------------------------------------------


def test_a_save_records_a_revision_with_the_user_and_what_changed(
    office_a, office_a_client, school_a, notice, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _change(
            office_a_client, school_a, phone="020 7946 0444", email="hello@ashdown.example"
        )

    assert response.status_code == 302
    version = Version.objects.get_for_object(school_a).first()
    assert version.revision.user == office_a
    assert version.revision.comment == "Changed phone and email in the office portal."
    assert version.field_dict["phone"] == "020 7946 0444"


def test_the_history_shows_who_when_and_old_and_new_values(
    office_a_client, school_a, notice, django_capture_on_commit_callbacks
):
    with reversion.create_revision():
        school_a.save()  # the record as the DPO service first entered it
    old_phone = school_a.phone
    with django_capture_on_commit_callbacks(execute=True):
        _change(office_a_client, school_a, phone="020 7946 0555")

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
        _change(office_a_client, school_a, phone="020 7946 0666")
    updating = office_a_client.get(f"/office/schools/{school_a.slug}/")

    run_worker()
    live = office_a_client.get(f"/office/schools/{school_a.slug}/")

    assert [s.state for s in updating.context["statuses"]] == ["updating"]
    assert [(s.state, s.version) for s in live.context["statuses"]] == [("live", 2)]
    publication = notice.live_publication()
    assert "020 7946 0666" in publication.html
    assert publication.has_pdf
    assert PublishRun.objects.get().reason == (
        f"Office staff updated the details of {school_a.name}"
    )


def test_the_page_never_refreshes_itself(office_a_client, school_a, notice):
    _change(office_a_client, school_a, phone="020 7946 0667")

    body = office_a_client.get(f"/office/schools/{school_a.slug}/").content.decode()

    assert 'http-equiv="refresh"' not in body
    assert 'data-updating="true"' in body
    assert 'aria-live="polite"' in body


def test_the_status_endpoint_says_updating_then_live(
    office_a_client, school_a, notice, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        _change(office_a_client, school_a, phone="020 7946 0668")

    updating = office_a_client.get(f"/office/schools/{school_a.slug}/status/").json()
    run_worker()
    live = office_a_client.get(f"/office/schools/{school_a.slug}/status/").json()

    assert updating["updating"] is True
    assert "Updating…" in updating["html"]
    assert live["updating"] is False
    assert ">Live<" in live["html"]
    assert "<td>2</td>" in live["html"]


def test_emptying_a_needed_value_says_what_is_missing_and_keeps_the_notice_live(
    office_a_client, school_a, notice, run_worker, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = office_a_client.post(
            f"/office/schools/{school_a.slug}/change/headteacher/",
            _form_data(school_a, "headteacher", headteacher=""),
            follow=True,
        )
    run_worker()
    page = office_a_client.get(f"/office/schools/{school_a.slug}/")

    assert "has no headteacher" in response.content.decode()
    assert "Your current notice stays live" in response.content.decode()
    [status] = page.context["statuses"]
    assert (status.state, status.version) == ("failed", 1)
    assert "has no headteacher" in status.reason
    assert notice.live_publication().number == 1


def test_saving_nothing_new_says_so_and_starts_no_run(office_a_client, school_a, notice):
    response = office_a_client.post(
        f"/office/schools/{school_a.slug}/change/contact/",
        _form_data(school_a, "contact"),
        follow=True,
    )

    body = response.content.decode()
    assert NOTHING_CHANGED in body
    assert "Saved" not in body
    assert not PublishRun.objects.exists()


def test_the_summary_shows_each_group_with_its_change_link(office_a_client, school_a):
    response = office_a_client.get(f"/office/schools/{school_a.slug}/")

    body = response.content.decode()
    for slug, group in DETAIL_GROUPS.items():
        assert f'href="/office/schools/{school_a.slug}/change/{slug}/"' in body
        assert f'<span class="visually-hidden"> {group.title.lower()}</span>' in body
    assert school_a.phone in body


# Partners ---------------------------------------------------------------------------------------


def test_a_new_partner_waits_for_the_dpo(office_a, office_a_client, school_a, notice):
    response = office_a_client.post(
        f"/office/schools/{school_a.slug}/partners/add/",
        _partner_data(school_note="Allergy lists only."),
        follow=True,
    )

    body = response.content.decode()
    assert "Sent to your data protection officer for review" in body
    assert not SharingPartner.objects.filter(school=school_a).exists()
    suggestion = Suggestion.objects.get()
    assert (suggestion.school, suggestion.field, suggestion.suggested_by) == (
        school_a,
        Suggestion.Field.NEW_PARTNER,
        office_a,
    )
    assert suggestion.proposed["school_note"] == "Allergy lists only."
    assert "Waiting for your data protection officer" in body
    assert not PublishRun.objects.exists()


def test_a_partners_facts_publish_and_its_wording_waits_for_the_dpo(
    office_a_client, school_a, notice, django_capture_on_commit_callbacks
):
    partner = SharingPartnerFactory(school=school_a, name="Caterer", purpose="Lunches.")

    with django_capture_on_commit_callbacks(execute=True):
        response = office_a_client.post(
            f"/office/schools/{school_a.slug}/partners/{partner.pk}/",
            _partner_data(partner, name="Caterer Ltd", purpose="Lunches and snacks."),
            follow=True,
        )

    body = response.content.decode()
    partner.refresh_from_db()
    assert (partner.name, partner.purpose) == ("Caterer Ltd", "Lunches.")
    suggestion = Suggestion.objects.get()
    assert (suggestion.field, suggestion.old_text, suggestion.new_text) == (
        "purpose",
        "Lunches.",
        "Lunches and snacks.",
    )
    assert "Saved: name of the organisation." in body
    assert "Sent to your data protection officer for review: why you share" in body
    assert PublishRun.objects.count() == 1


def test_suggesting_the_same_wording_again_changes_nothing(office_a_client, school_a, notice):
    partner = SharingPartnerFactory(school=school_a, purpose="Lunches.")
    url = f"/office/schools/{school_a.slug}/partners/{partner.pk}/"
    office_a_client.post(url, _partner_data(partner, purpose="Lunches and snacks."))

    response = office_a_client.post(
        url, _partner_data(partner, purpose="Lunches and snacks."), follow=True
    )

    assert NOTHING_CHANGED in response.content.decode()
    assert Suggestion.objects.count() == 1


def test_a_partner_row_that_changes_nothing_does_not_say_saved(office_a_client, school_a, notice):
    partner = SharingPartnerFactory(school=school_a)

    response = office_a_client.post(
        f"/office/schools/{school_a.slug}/partners/{partner.pk}/",
        {**_partner_data(partner), "school": "999", "local_authority": "1", "id": "12345"},
        follow=True,
    )

    body = response.content.decode()
    assert "Saved" not in body
    assert NOTHING_CHANGED in body
    assert not PublishRun.objects.exists()
    assert not Suggestion.objects.exists()


def test_removing_a_partner_asks_first(office_a_client, school_a, notice):
    partner = SharingPartnerFactory(school=school_a, name="Old Caterer")

    response = office_a_client.get(f"/office/schools/{school_a.slug}/partners/{partner.pk}/remove/")

    assert response.status_code == 200
    assert "Are you sure you want to remove Old Caterer?" in response.content.decode()
    assert SharingPartner.objects.filter(pk=partner.pk).exists()


def test_removing_a_partner_takes_it_off_and_republishes(
    office_a, office_a_client, school_a, notice, django_capture_on_commit_callbacks
):
    partner = SharingPartnerFactory(school=school_a, name="Old Caterer")

    with django_capture_on_commit_callbacks(execute=True):
        response = office_a_client.post(
            f"/office/schools/{school_a.slug}/partners/{partner.pk}/remove/", follow=True
        )

    assert "Removed “Old Caterer”" in response.content.decode()
    assert not SharingPartner.objects.filter(pk=partner.pk).exists()
    assert PublishRun.objects.count() == 1
    version = Version.objects.get_for_object(school_a).first()
    assert (version.revision.user, version.revision.comment) == (
        office_a,
        "Removed “Old Caterer” in the office portal.",
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
