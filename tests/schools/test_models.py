"""Schools and their sharing partners: what the database insists on, and who may edit what."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from schools.models import School, SharingPartner
from tests.factories import (
    LocalAuthorityFactory,
    SchoolFactory,
    SchoolMembershipFactory,
    SharingPartnerFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

SCOPE_ERROR = "A partner belongs to an authority or to one school, not both."


# Unique URN ---------------------------------------------------------------------------------


def test_the_database_refuses_a_second_school_with_the_same_urn(school_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        SchoolFactory(urn=school_a.urn)

    assert School.objects.filter(urn=school_a.urn).count() == 1


def test_full_clean_reports_a_duplicate_urn_on_the_urn_field(school_a, school_b):
    school_b.urn = school_a.urn

    with pytest.raises(ValidationError) as caught:
        school_b.full_clean()

    assert caught.value.message_dict["urn"] == ["School with this URN already exists."]


# The partner scope constraint ---------------------------------------------------------------


def test_the_database_refuses_a_partner_for_both_an_authority_and_a_school(school_a):
    with pytest.raises(IntegrityError), transaction.atomic():
        SharingPartnerFactory(local_authority=school_a.local_authority, school=school_a)

    assert not SharingPartner.objects.exists()


def test_full_clean_reports_a_partner_for_both_an_authority_and_a_school(school_a):
    partner = SharingPartnerFactory.build(local_authority=school_a.local_authority, school=school_a)

    with pytest.raises(ValidationError) as caught:
        partner.full_clean()

    assert caught.value.messages == [SCOPE_ERROR]


@pytest.mark.parametrize(
    ("scope", "expected"),
    [("national", "national"), ("authority", "authority"), ("school", "school")],
)
def test_a_partner_with_one_scope_is_valid(school_a, scope, expected):
    kwargs = {
        "national": {},
        "authority": {"local_authority": school_a.local_authority},
        "school": {"school": school_a},
    }[scope]
    partner = SharingPartnerFactory(**kwargs)

    partner.full_clean()

    assert partner.scope == expected


# Partners for a school ----------------------------------------------------------------------


@pytest.fixture
def partners(school_a):
    """One partner of each kind, named for whether school_a shares with it."""
    neighbour = SchoolFactory(local_authority=school_a.local_authority)
    return {
        "national": SharingPartnerFactory(name="Department for Education"),
        "own authority": SharingPartnerFactory(
            name="Admissions team", local_authority=school_a.local_authority
        ),
        "own school": SharingPartnerFactory(name="Catering supplier", school=school_a),
        "other authority": SharingPartnerFactory(
            name="Another council", local_authority=LocalAuthorityFactory()
        ),
        "other school": SharingPartnerFactory(name="Neighbour's supplier", school=neighbour),
    }


def test_for_school_includes_national_authority_and_own_partners(school_a, partners):
    found = set(SharingPartner.objects.for_school(school_a))

    assert found == {partners["national"], partners["own authority"], partners["own school"]}


def test_for_school_leaves_out_another_authoritys_partners(school_a, partners):
    found = SharingPartner.objects.for_school(school_a)

    assert partners["other authority"] not in found


def test_for_school_leaves_out_another_schools_own_partners(school_a, partners):
    found = SharingPartner.objects.for_school(school_a)

    assert partners["other school"] not in found


def test_school_partners_is_the_same_as_for_school(school_a, partners):
    assert list(school_a.partners()) == list(SharingPartner.objects.for_school(school_a))


# Who may edit which schools -----------------------------------------------------------------


def test_dpo_staff_may_edit_every_school(dpo_user, school_a, school_b):
    assert set(School.objects.editable_by(dpo_user)) == {school_a, school_b}


def test_an_office_user_may_edit_only_their_own_school(office_a, school_a, school_b):
    assert list(School.objects.editable_by(office_a)) == [school_a]


def test_an_anonymous_user_may_edit_no_school(school_a):
    assert not School.objects.editable_by(AnonymousUser()).exists()


def test_a_user_in_no_group_may_edit_no_school(school_a):
    user = UserFactory(is_staff=True)

    assert not School.objects.editable_by(user).exists()


def test_an_inactive_dpo_user_may_edit_no_school(dpo_user, school_a):
    dpo_user.is_active = False
    dpo_user.save()

    assert not School.objects.editable_by(dpo_user).exists()


def test_an_inactive_office_user_may_edit_no_school(office_a, school_a):
    office_a.is_active = False
    office_a.save()

    assert not School.objects.editable_by(office_a).exists()


def test_a_membership_without_the_office_group_gives_no_schools(school_a):
    membership = SchoolMembershipFactory(school=school_a)

    assert not School.objects.editable_by(membership.user).exists()
