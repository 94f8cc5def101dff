"""The two staff groups: DPO staff keep everything in the admin; school office staff stay out."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model

from tests.factories import PASSWORD, ClauseVersionFactory

pytestmark = pytest.mark.django_db


def fresh(user):
    """The user as a new request would load it, without a cached permission set."""
    return get_user_model().objects.get(pk=user.pk)


# DPO staff ----------------------------------------------------------------------------------


def test_dpo_staff_can_reach_the_admin(dpo_client):
    response = dpo_client.get("/admin/")

    assert response.status_code == 200


def test_dpo_staff_can_open_a_schools_change_page(dpo_client, school_a):
    response = dpo_client.get(f"/admin/schools/school/{school_a.pk}/change/")

    assert response.status_code == 200
    assert response.context["has_change_permission"] is True


def test_dpo_staff_can_open_a_clauses_change_page(dpo_client):
    version = ClauseVersionFactory(published=True)

    response = dpo_client.get(f"/admin/clauses/clause/{version.clause.pk}/change/")

    assert response.status_code == 200
    assert response.context["has_change_permission"] is True


def test_dpo_staff_can_open_a_draft_clause_versions_change_page(dpo_client):
    version = ClauseVersionFactory()

    response = dpo_client.get(f"/admin/clauses/clauseversion/{version.pk}/change/")

    assert response.status_code == 200
    assert "body" in response.context["adminform"].form.fields


def test_a_published_clause_versions_change_page_shows_the_body_read_only(dpo_client):
    version = ClauseVersionFactory(published=True)

    response = dpo_client.get(f"/admin/clauses/clauseversion/{version.pk}/change/")

    assert response.status_code == 200
    assert "body" not in response.context["adminform"].form.fields


@pytest.mark.parametrize(
    "perm",
    ["schools.change_school", "clauses.change_clause", "clauses.change_clauseversion"],
)
def test_dpo_staff_have_the_change_permissions_they_need(dpo_user, perm):
    assert fresh(dpo_user).has_perm(perm)


@pytest.mark.parametrize(
    "perm",
    ["notices.add_publication", "notices.change_publication", "notices.delete_publication"],
)
def test_dpo_staff_cannot_add_change_or_delete_a_publication(dpo_user, perm):
    assert not fresh(dpo_user).has_perm(perm)


def test_dpo_staff_can_view_publications(dpo_user):
    assert fresh(dpo_user).has_perm("notices.view_publication")


def test_dpo_staff_are_not_given_the_office_permission(dpo_user):
    assert not fresh(dpo_user).has_perm("schools.edit_own_school_details")


# School office staff ------------------------------------------------------------------------


def test_an_office_user_is_sent_to_the_admin_login(office_a_client):
    response = office_a_client.get("/admin/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_office_user_cannot_open_a_schools_change_page(office_a_client, school_a):
    response = office_a_client.get(f"/admin/schools/school/{school_a.pk}/change/")

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_office_user_cannot_log_in_to_the_admin(client, office_a):
    response = client.post(
        "/admin/login/?next=/admin/", {"username": office_a.username, "password": PASSWORD}
    )

    assert response.status_code == 200
    assert response.context["form"].errors
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("perm", ["schools.change_school", "clauses.change_clause"])
def test_an_office_user_has_no_admin_change_permissions(office_a, perm):
    assert not fresh(office_a).has_perm(perm)


def test_an_office_user_may_edit_their_own_schools_details(office_a):
    assert fresh(office_a).has_perm("schools.edit_own_school_details")
