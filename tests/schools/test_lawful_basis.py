"""The lawful basis is chosen from UK GDPR Articles 6 and 9; older free text is mapped or kept."""

from __future__ import annotations

import importlib

import pytest
from django.core.exceptions import ValidationError

from notices.publishing.inputs import InputsBuilder
from schools.models import LawfulBasis, SpecialCategoryCondition
from tests.factories import SharingPartnerFactory

pytestmark = pytest.mark.django_db

migration = importlib.import_module("schools.migrations.0005_partner_lawful_basis_choices")


def test_a_typed_lawful_basis_is_refused():
    partner = SharingPartnerFactory.build(lawful_basis="Because we want to")

    with pytest.raises(ValidationError) as refused:
        partner.full_clean()

    assert "lawful_basis" in refused.value.message_dict


def test_the_notice_reads_the_basis_its_law_and_the_article_9_condition(school_a):
    SharingPartnerFactory(
        school=school_a,
        lawful_basis=LawfulBasis.PUBLIC_TASK,
        lawful_basis_detail="the Education Act 1996",
        special_category_condition=SpecialCategoryCondition.HEALTH_OR_SOCIAL_CARE,
    )

    [partner] = InputsBuilder().partners_for(school_a)

    assert partner.lawful_basis == (
        "Public task (UK GDPR Article 6(1)(e)): the Education Act 1996; "
        "for special category data, health or social care (UK GDPR Article 9(2)(h))"
    )


def test_a_basis_written_before_the_choices_still_shows_as_written(school_a):
    SharingPartnerFactory(school=school_a, lawful_basis="Art. 6(1)(c) and Art. 9(2)(g)")

    [partner] = InputsBuilder().partners_for(school_a)

    assert partner.lawful_basis == "Art. 6(1)(c) and Art. 9(2)(g)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Article 6(1)(c): legal obligation", ("legal-obligation", "legal obligation")),
        (
            "Legal obligation (UK GDPR Art. 6(1)(c)): the Education Act 1996",
            ("legal-obligation", "the Education Act 1996"),
        ),
        ("Public task (UK GDPR Art. 6(1)(e))", ("public-task", "")),
        ("public task", ("public-task", "")),
        ("Consent", ("consent", "")),
        ("Legitimate interests", ("legitimate-interests", "")),
        ("Article 6(1)(c) legal obligation; Article 6(1)(e) public task", None),
        ("Contract with the school, acting on its instructions (UK GDPR Art. 28)", None),
        ("Public task; substantial public interest (Art. 9(2)(g))", None),
        ("Because the head said so", None),
    ],
)
def test_older_free_text_is_mapped_only_when_it_names_one_basis_plainly(text, expected):
    assert migration.basis_from_text(text) == expected
