"""The facts a school keeps are checked, and tidied, before they reach the database."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator
from django.utils.html import escape

from schools.models import School
from schools.validators import (
    HTTPS_ERROR,
    PHONE_ERROR,
    POSTCODE_ERROR,
    URN_ERROR,
    normalise_phone,
    normalise_postcode,
    validate_https_url,
    validate_postcode,
    validate_uk_phone,
    validate_urn,
)
from tests.factories import LocalAuthorityFactory, SchoolFactory

pytestmark = pytest.mark.django_db

ICO_ERROR = "An ICO registration number looks like Z1234567 or ZA123456."
LA_CODE_ERROR = "The LA code is 3 digits, e.g. 881."
EMAIL_ERROR = EmailValidator.message


def field_errors(instance, field: str) -> list[str]:
    """The messages full_clean() gives for one field (failing the test if it passes)."""
    with pytest.raises(ValidationError) as caught:
        instance.full_clean()
    return caught.value.message_dict.get(field, [])


# The factories ------------------------------------------------------------------------------


def test_a_factory_school_is_valid():
    school = SchoolFactory()

    school.full_clean()

    assert School.objects.filter(pk=school.pk).exists()


# URN ----------------------------------------------------------------------------------------


def test_it_accepts_a_six_digit_urn():
    assert validate_urn("123456") is None


@pytest.mark.parametrize("urn", ["12345", "1234567", "ABCDEF", "12 456", ""])
def test_the_validator_rejects_a_urn_that_is_not_six_digits(urn):
    with pytest.raises(ValidationError) as caught:
        validate_urn(urn)

    assert caught.value.messages == [URN_ERROR]


@pytest.mark.parametrize("urn", ["12345", "1234567", "ABCDEF"])
def test_full_clean_reports_a_bad_urn_on_the_urn_field(urn):
    school = SchoolFactory()
    school.urn = urn

    assert URN_ERROR in field_errors(school, "urn")


# Postcode -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (" cm1 1aa", "CM1 1AA"),
        ("cm11aa", "CM1 1AA"),
        ("SW1A1AA", "SW1A 1AA"),
        ("m1  1ae ", "M1 1AE"),
        ("gir0aa", "GIR 0AA"),
    ],
)
def test_it_normalises_a_postcode(raw, expected):
    assert normalise_postcode(raw) == expected


@pytest.mark.parametrize("postcode", [" cm1 1aa", "CM1 1AA", "SW1A 1AA", "b33 8th", "GIR 0AA"])
def test_the_validator_accepts_a_valid_postcode(postcode):
    assert validate_postcode(postcode) is None


@pytest.mark.parametrize("postcode", ["CM1", "CM1 1A", "12345", "CM1 1AAA", "1CM 1AA", "ZZ"])
def test_the_validator_rejects_an_invalid_postcode(postcode):
    with pytest.raises(ValidationError) as caught:
        validate_postcode(postcode)

    assert caught.value.messages == [POSTCODE_ERROR]


def test_full_clean_reports_a_bad_postcode_on_the_postcode_field():
    school = SchoolFactory()
    school.postcode = "CM1 1A"

    assert field_errors(school, "postcode") == [POSTCODE_ERROR]


def test_saving_a_school_normalises_its_postcode():
    school = SchoolFactory(postcode=" cm1 1aa")

    school.refresh_from_db()

    assert school.postcode == "CM1 1AA"


def test_full_clean_accepts_an_untidy_postcode_that_saving_will_tidy():
    school = SchoolFactory()
    school.postcode = " cm1 1aa"

    school.full_clean()
    school.save()
    school.refresh_from_db()

    assert school.postcode == "CM1 1AA"


# Phone --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("020 7946 0123", "020 7946 0123"),  # Ofcom drama range, London
        ("02079460123", "020 7946 0123"),
        ("+44 20 7946 0123", "020 7946 0123"),
        ("+442079460123", "020 7946 0123"),
        ("0113 496 0123", "0113 496 0123"),  # Ofcom drama range, Leeds
        ("07400 123456", "07400 123456"),  # libphonenumber's example UK mobile
        ("+447400123456", "07400 123456"),
    ],
)
def test_the_validator_accepts_a_uk_number_and_normalises_it_to_national_format(raw, expected):
    validate_uk_phone(raw)

    assert normalise_phone(raw) == expected


@pytest.mark.parametrize("phone", ["12345", "+1 202 555 0100", "not a number", "020 7946"])
def test_the_validator_rejects_a_number_that_is_not_a_uk_phone(phone):
    with pytest.raises(ValidationError) as caught:
        validate_uk_phone(phone)

    assert caught.value.messages == [PHONE_ERROR]


def test_the_examples_in_the_phone_error_are_accepted():
    examples = re.search(r"e\.g\. (.+) or (.+)\.$", PHONE_ERROR).groups()

    for example in examples:
        validate_uk_phone(example)

    assert len(examples) == 2


def test_full_clean_reports_a_foreign_phone_on_the_phone_field():
    school = SchoolFactory()
    school.phone = "+1 202 555 0100"

    assert field_errors(school, "phone") == [PHONE_ERROR]


def test_saving_a_school_normalises_its_phone():
    school = SchoolFactory(phone="+44 20 7946 0123")

    school.refresh_from_db()

    assert school.phone == "020 7946 0123"


def test_saving_a_dpo_normalises_its_phone(school_a):
    dpo = school_a.dpo
    dpo.phone = "+442079460555"
    dpo.save()

    dpo.refresh_from_db()

    assert dpo.phone == "020 7946 0555"


def test_full_clean_reports_a_bad_dpo_phone_on_the_phone_field(school_a):
    dpo = school_a.dpo
    dpo.phone = "12345"

    assert field_errors(dpo, "phone") == [PHONE_ERROR]


# Email --------------------------------------------------------------------------------------


@pytest.mark.parametrize("field", ["email", "data_request_email"])
def test_full_clean_reports_an_invalid_email_on_its_field(field):
    school = SchoolFactory()
    setattr(school, field, "office at example.org")

    assert field_errors(school, field) == [EMAIL_ERROR]


# Web addresses ------------------------------------------------------------------------------


def test_the_validator_accepts_an_https_address():
    assert validate_https_url("https://www.example.org/privacy") is None


@pytest.mark.parametrize(
    "url", ["http://www.example.org/", "ftp://example.org/", "www.example.org", "https://"]
)
def test_the_validator_rejects_an_address_that_is_not_https(url):
    with pytest.raises(ValidationError) as caught:
        validate_https_url(url)

    assert caught.value.messages == [HTTPS_ERROR]


def test_full_clean_reports_an_http_website_on_the_website_field():
    school = SchoolFactory()
    school.website = "http://www.example.org/"

    assert field_errors(school, "website") == [HTTPS_ERROR]


def test_full_clean_reports_an_http_authority_website_on_the_website_field():
    authority = LocalAuthorityFactory()
    authority.website = "http://www.example.org/"

    assert field_errors(authority, "website") == [HTTPS_ERROR]


# ICO registration number --------------------------------------------------------------------


@pytest.mark.parametrize("number", ["Z1234567", "ZA123456", "ZB123456", "ZX12AB34"])
def test_full_clean_accepts_an_ico_registration_number(number):
    school = SchoolFactory()
    school.ico_registration_number = number

    school.full_clean()

    assert school.ico_registration_number == number


@pytest.mark.parametrize("number", ["12345678", "Z123456", "A1234567", "z1234567"])
def test_full_clean_reports_a_bad_ico_registration_number(number):
    school = SchoolFactory()
    school.ico_registration_number = number

    assert field_errors(school, "ico_registration_number") == [ICO_ERROR]


# LA code ------------------------------------------------------------------------------------


def test_full_clean_accepts_a_three_digit_la_code():
    authority = LocalAuthorityFactory(code="881")

    authority.full_clean()

    assert authority.code == "881"


@pytest.mark.parametrize("code", ["88", "ABC", "8A1"])
def test_full_clean_reports_a_bad_la_code(code):
    authority = LocalAuthorityFactory()
    authority.code = code

    assert field_errors(authority, "code") == [LA_CODE_ERROR]


# Forms with errors save nothing -------------------------------------------------------------


def test_the_admin_add_form_with_a_bad_urn_shows_the_error_and_saves_nothing(
    dpo_client, admin_post_data
):
    authority = LocalAuthorityFactory()
    data = admin_post_data(dpo_client.get("/admin/schools/school/add/"))
    data.update(
        name="Rowan Primary School",
        slug="rowan-primary-school",
        urn="12345",
        local_authority=authority.pk,
        phase=School.Phase.PRIMARY,
    )
    count_before = School.objects.count()

    response = dpo_client.post("/admin/schools/school/add/", data)

    assert response.status_code == 200
    assert response.context["adminform"].form.errors["urn"] == [URN_ERROR]
    assert escape(URN_ERROR) in response.content.decode()
    assert School.objects.count() == count_before


def test_the_admin_add_form_with_a_good_urn_saves_the_school(dpo_client, admin_post_data):
    authority = LocalAuthorityFactory()
    data = admin_post_data(dpo_client.get("/admin/schools/school/add/"))
    data.update(
        name="Rowan Primary School",
        slug="rowan-primary-school",
        urn="123456",
        local_authority=authority.pk,
        phase=School.Phase.PRIMARY,
        postcode=" cm2 9zz",
    )

    response = dpo_client.post("/admin/schools/school/add/", data)

    assert response.status_code == 302
    school = School.objects.get(urn="123456")
    assert school.postcode == "CM2 9ZZ"
