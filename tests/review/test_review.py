"""The DPO reviews wording office staff suggest: approve (it publishes) or return with a reason."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from reversion.models import Version

from notices.models import PublishRun
from notices.publishing.batch import notices_publish, select_school_notices
from review.forms import REASON_REQUIRED
from review.models import Suggestion
from review.services import STALE, suggestion_approve, suggestion_return, suggestion_submit
from schools.models import SharingPartner
from tests.factories import (
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
    SharingPartnerFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def notice(school_a):
    notice_type = NoticeTypeFactory(slug="pupils", is_primary=True)
    version = ClauseVersionFactory(published=True, body="We share with:\n\n{{ partners }}")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=version.clause)
    school_notice = SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    SharingPartnerFactory(name="Department for Education")
    notices_publish(school_notices=select_school_notices())
    return school_notice


@pytest.fixture
def caterer(school_a):
    return SharingPartnerFactory(
        school=school_a, name="Caterer", category="supplier", purpose="School lunches."
    )


@pytest.fixture
def suggestion(office_a, school_a, caterer):
    return suggestion_submit(
        school=school_a,
        partner=caterer,
        field="purpose",
        new_text="School lunches and snacks for every pupil.",
        user=office_a,
    )


def test_the_dashboard_counts_and_shows_pending_wording_with_a_diff(
    dpo_client, school_a, suggestion
):
    response = dpo_client.get("/admin/dashboard/")

    body = response.content.decode()
    assert "Wording suggested by schools: 1 waiting for review" in body
    assert school_a.name in body
    assert "[added: </span>lunches and snacks for every pupil.<" in body
    assert '<del><span class="visually-hidden">[removed: </span>lunches.<' in body
    assert f"/admin/review/suggestion/{suggestion.pk}/decide/" in body


def test_the_dashboard_says_when_nothing_waits(dpo_client):
    response = dpo_client.get("/admin/dashboard/")

    assert "No wording is waiting for review." in response.content.decode()


def test_approving_applies_the_wording_and_republishes(
    dpo_user,
    dpo_client,
    school_a,
    caterer,
    suggestion,
    notice,
    run_worker,
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = dpo_client.post(
            f"/admin/review/suggestion/{suggestion.pk}/decide/", {"decision": "approve"}
        )
    run_worker()

    assert response.status_code == 302
    caterer.refresh_from_db()
    assert caterer.purpose == "School lunches and snacks for every pupil."
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.decided_by) == ("approved", dpo_user)
    assert PublishRun.objects.get().reason.endswith(school_a.name)
    assert "School lunches and snacks for every pupil." in notice.live_publication().html
    assert Version.objects.get_for_object(caterer).first().revision.user == dpo_user


def test_approving_a_new_partner_adds_it_to_the_school(
    dpo_client, office_a_client, school_a, notice
):
    office_a_client.post(
        f"/office/schools/{school_a.slug}/partners/add/",
        {
            "name": "Hearthside Meals",
            "category": "supplier",
            "lawful_basis": "public-task",
            "special_category_condition": "health-or-social-care",
            "privacy_notice_url": "",
            "purpose": "Lunches.",
            "school_note": "Allergy lists only.",
        },
    )
    suggestion = Suggestion.objects.get()

    dpo_client.post(f"/admin/review/suggestion/{suggestion.pk}/decide/", {"decision": "approve"})

    partner = SharingPartner.objects.get(name="Hearthside Meals")
    assert (partner.school, partner.purpose, partner.special_category_condition) == (
        school_a,
        "Lunches.",
        "health-or-social-care",
    )
    suggestion.refresh_from_db()
    assert (suggestion.status, suggestion.partner) == ("approved", partner)


def test_returning_needs_a_reason(dpo_client, suggestion):
    response = dpo_client.post(
        f"/admin/review/suggestion/{suggestion.pk}/decide/", {"decision": "return", "reason": ""}
    )

    assert response.status_code == 400
    assert REASON_REQUIRED in response.content.decode()
    suggestion.refresh_from_db()
    assert suggestion.status == "pending"


def test_a_returned_suggestion_shows_its_reason_in_the_portal(
    dpo_client, office_a_client, school_a, caterer, suggestion
):
    dpo_client.post(
        f"/admin/review/suggestion/{suggestion.pk}/decide/",
        {"decision": "return", "reason": "Say which pupils, not every pupil."},
    )

    page = office_a_client.get(f"/office/schools/{school_a.slug}/").content.decode()

    suggestion.refresh_from_db()
    assert suggestion.status == "returned"
    caterer.refresh_from_db()
    assert caterer.purpose == "School lunches."
    assert "Returned by your data protection officer" in page
    assert "Their reason: Say which pupils, not every pupil." in page
    assert not PublishRun.objects.exists()


def test_a_decided_suggestion_cannot_be_decided_again(dpo_user, suggestion):
    suggestion_return(suggestion=suggestion, user=dpo_user, reason="No.")

    with pytest.raises(ValidationError):
        suggestion_approve(suggestion=suggestion, user=dpo_user)


def test_wording_changed_since_the_suggestion_is_not_overwritten(dpo_user, caterer, suggestion):
    caterer.purpose = "Changed by the DPO meanwhile."
    caterer.save()

    with pytest.raises(ValidationError) as refused:
        suggestion_approve(suggestion=suggestion, user=dpo_user)

    assert refused.value.messages == [STALE]
    caterer.refresh_from_db()
    assert caterer.purpose == "Changed by the DPO meanwhile."


def test_office_staff_cannot_reach_the_review_pages(office_a_client, suggestion):
    response = office_a_client.post(
        f"/admin/review/suggestion/{suggestion.pk}/decide/", {"decision": "approve"}
    )

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    suggestion.refresh_from_db()
    assert suggestion.status == "pending"


def test_dpo_staff_may_view_and_decide_suggestions(dpo_user):
    from tests.schools.test_permissions import fresh

    user = fresh(dpo_user)
    assert user.has_perm("review.view_suggestion")
    assert user.has_perm("review.change_suggestion")
    assert not user.has_perm("review.delete_suggestion")


def test_the_dashboard_lists_lawful_bases_still_to_choose(dpo_client, school_a):
    SharingPartnerFactory(school=school_a, name="Old Supplier", lawful_basis="Art. 28 contract")

    body = dpo_client.get("/admin/dashboard/").content.decode()

    assert "Lawful bases to choose: 1" in body
    assert "Old Supplier" in body
