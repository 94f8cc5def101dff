"""Sharing partners that were renamed, merged or closed, and who took on their work."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.exceptions import ValidationError

from health.services import closed_partner_warnings
from schools.models import (
    PARTNER_CHANGE_NEEDS_DATE,
    PARTNER_NEEDS_SUCCESSOR,
    SharingPartner,
)
from tests.factories import SchoolNoticeFactory, SharingPartnerFactory

pytestmark = pytest.mark.django_db

CLOSED = SharingPartner.Status.CLOSED
MERGED = SharingPartner.Status.MERGED


def test_a_closed_partner_needs_the_date_it_closed():
    partner = SharingPartnerFactory.build(status=CLOSED)

    with pytest.raises(ValidationError) as error:
        partner.full_clean()

    assert error.value.message_dict["status_date"] == [PARTNER_CHANGE_NEEDS_DATE]


def test_a_merged_partner_needs_its_successor():
    partner = SharingPartnerFactory.build(status=MERGED, status_date=date(2022, 7, 1))

    with pytest.raises(ValidationError) as error:
        partner.full_clean()

    assert error.value.message_dict["successor"] == [PARTNER_NEEDS_SUCCESSOR]


def test_publishing_offers_the_successor_of_a_partner_the_school_still_lists(school_a, school_b):
    icb = SharingPartnerFactory(name="Testshire Integrated Care Board")
    SharingPartnerFactory(
        name="Testshire CCG", status=MERGED, status_date=date(2022, 7, 1), successor=icb
    )
    SharingPartnerFactory(
        name="Old Play Scheme", school=school_b, status=CLOSED, status_date=date(2020, 1, 1)
    )
    notice = SchoolNoticeFactory(school=school_a)

    warnings = closed_partner_warnings(school_notices=[notice])

    assert warnings == [
        "Testshire CCG merged into another body on 1 July 2022. Testshire Integrated Care Board "
        "took on its work: list it instead."
    ]
