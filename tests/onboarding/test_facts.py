"""A school's facts become placeholders whatever their printed form; roles stay words."""

from __future__ import annotations

import pytest

from clauses.models import ClauseVersion
from notices.models import SchoolNotice
from onboarding.reader import read_plain
from onboarding.template_import import rendered_text, template_import
from tests.factories import DataProtectionOfficerFactory, LocalAuthorityFactory, SchoolFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def hollybrook():
    return SchoolFactory(
        name="Hollybrook Primary School",
        email="office@hollybrook.example.org",
        phone="0113 496 0123",
        website="https://www.hollybrook.example.org/",
        street="Mill Lane",
        town="Exampleton",
        postcode="EX1 2AB",
        headteacher="Mrs Jo Tanaka",
        transfers_to="Hollybrook Junior School",
        local_authority=LocalAuthorityFactory(name="Fenshire County Council"),
        dpo=DataProtectionOfficerFactory(
            kind="person",
            name="Robin Quayle",
            organisation="Fenshire Schools Data Service",
            email="privacy@fenshire.example.gov.uk",
            phone="0113 496 0555",
            address="Shire Hall, Castle Street, Exampleton EX1 9ZZ",
        ),
    )


def _import(school, *paragraphs: str) -> str:
    text = "Contact us\n\n" + "\n\n".join(paragraphs) + "\n"
    result = template_import(document=read_plain(text), school=school, title="Facts")
    return ClauseVersion.objects.get(clause__notice_items__notice_type=result.notice_type).body


@pytest.mark.parametrize(
    ("printed", "placeholder"),
    [
        ("01134960123", "school.phone"),
        ("+44 113 496 0123", "school.phone"),
        ("(0113) 4960123", "school.phone"),
        ("0113 496 0555", "dpo.phone"),
        ("www.hollybrook.example.org", "school.website"),
        ("https://hollybrook.example.org/", "school.website"),
        ("http://www.hollybrook.example.org", "school.website"),
        ("OFFICE@hollybrook.example.org", "school.email"),
        ("ex12ab", "school.postcode"),
        ("Mill Lane, Exampleton EX1 2AB", "school.address"),
        ("Mill Lane Exampleton EX1 2AB", "school.address"),
        ("Shire Hall, Castle Street, Exampleton EX1 9ZZ", "dpo.address"),
        ("Fenshire Schools Data Service", "dpo.organisation"),
        ("Fenshire County Council", "authority.name"),
        ("Mrs Jo Tanaka", "school.headteacher"),
        ("Hollybrook Junior School", "school.transfers_to"),
        ("Robin Quayle", "dpo.name"),
    ],
)
def test_a_fact_becomes_a_placeholder_whatever_its_printed_form(hollybrook, printed, placeholder):
    body = _import(hollybrook, f"You can reach us through {printed} during term.")

    assert body == f"You can reach us through {{{{ {placeholder} }}}} during term."


def test_a_website_with_a_page_keeps_the_page(hollybrook):
    body = _import(hollybrook, "Read www.hollybrook.example.org/privacy online.")

    assert body == "Read {{ school.website }}privacy online."


def test_a_role_is_never_replaced_by_a_persons_name(hollybrook):
    role = DataProtectionOfficerFactory(name="Data Protection Officer", kind="service")
    school = SchoolFactory(dpo=role)
    body = _import(school, "Please contact the Data Protection Officer at the address above.")
    other = SchoolFactory(dpo=DataProtectionOfficerFactory(kind="person", name="Lauri Almond"))
    notice_type = ClauseVersion.objects.get(body=body).clause.notice_items.get().notice_type

    rendered = rendered_text(SchoolNotice.objects.create(school=other, notice_type=notice_type))

    assert "{{" not in body and "the Data Protection Officer" in body
    assert "the Lauri Almond" not in rendered and "the Data Protection Officer" in rendered


def test_contact_details_left_as_text_are_listed_for_the_dpo(hollybrook):
    SchoolFactory(website="https://www.birchwood.example.org/")
    text = (
        "Contact us\n\nWrite to old.office@hollybrook.example.org, call 0113 496 0999, visit "
        "www.birchwood.example.org or the ICO at https://ico.org.uk/ (SK9 5AF).\n"
    )

    result = template_import(document=read_plain(text), school=hollybrook, title="Literal")

    assert [literal.text for literal in result.literals] == [
        "old.office@hollybrook.example.org",
        "www.birchwood.example.org",
        "0113 496 0999",
        "SK9 5AF",
    ]
    assert {literal.clause for literal in result.literals} == {"Contact us"}
