"""Bootstrapping a library from a real notice gives back that notice for the same school."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from clauses.markup import validate_body
from clauses.models import ClauseVersion
from notices.models import NoticeType
from onboarding.template_import import rendered_text, template_import
from tests.factories import DataProtectionOfficerFactory, SchoolFactory

pytestmark = pytest.mark.django_db

REFERENCE = Path(__file__).resolve().parents[2].parent / "shared" / "reference"


@pytest.fixture
def john_ray():
    """The school of the county-template notice, with the facts that notice shows."""
    dpo = DataProtectionOfficerFactory(
        name="Lauri Almond", email="IGS@essex.gov.uk", phone="0333 032 2970"
    )
    return SchoolFactory(
        name="John Ray Infant School",
        email="admin@johnraynfants.essex.sch.uk",
        phone="01376 323071",
        dpo=dpo,
    )


@pytest.fixture
def writtle():
    dpo = DataProtectionOfficerFactory(name="Lauri Almond", email="dpo@essex.gov.uk")
    return SchoolFactory(name="Writtle Infant School", headteacher="Mrs Helen Castell", dpo=dpo)


def test_the_county_template_round_trips(john_ray):
    text = (REFERENCE / "essex-template-john-ray-infant.txt").read_text()

    result = template_import(text=text, school=john_ray, title="County template")

    assert result.similarity >= 0.99
    assert result.clauses >= 15
    versions = ClauseVersion.objects.filter(clause__notice_items__notice_type=result.notice_type)
    bodies = " ".join(v.body for v in versions)
    assert all(validate_body(v.body) == [] for v in versions)
    for placeholder in (
        "{{ school.email }}",
        "{{ school.phone }}",
        "{{ dpo.name }}",
        "{{ dpo.email }}",
    ):
        assert placeholder in bodies
    assert "johnraynfants" not in bodies and "Lauri Almond" not in bodies


def test_the_dfe_model_round_trips(writtle):
    text = (REFERENCE / "dfe-model-writtle-infant.txt").read_text()

    result = template_import(text=text, school=writtle, title="DfE model")

    assert result.similarity >= 0.99
    bodies = " ".join(
        ClauseVersion.objects.filter(
            clause__notice_items__notice_type=result.notice_type
        ).values_list("body", flat=True)
    )
    assert "{{ school.name }}" in bodies and "{{ school.headteacher }}" in bodies


def test_the_imported_library_serves_another_school(john_ray):
    text = (REFERENCE / "essex-template-john-ray-infant.txt").read_text()
    result = template_import(text=text, school=john_ray, title="County template")
    other = SchoolFactory(name="Oakfield Infant School", email="office@oakfield.example.org")
    from notices.models import SchoolNotice

    school_notice = SchoolNotice.objects.create(school=other, notice_type=result.notice_type)

    rendered = rendered_text(school_notice)
    assert "office@oakfield.example.org" in rendered
    assert "johnraynfants" not in rendered


def test_markup_in_the_source_stays_literal(john_ray):
    text = (
        "Heading one\n\n1. Not a list, *not emphasis*, <b>not html</b> & {{ not.a.placeholder }}"
        " stay as they are.\n\n- a real bullet # with a hash\n- and [brackets](here)\n"
    )

    result = template_import(text=text, school=john_ray, title="Literal")

    assert (result.clauses, result.similarity) == (1, 1.0)


def test_the_command_reports_the_similarity(john_ray, capsys):
    path = REFERENCE / "essex-template-john-ray-infant.txt"

    call_command("import_template", str(path), "--school", john_ray.slug, "--title", "Essex")

    out = capsys.readouterr().out
    assert "Created notice type “Essex”" in out
    assert "similarity of 0.99" in out or "similarity of 1.000" in out
    assert NoticeType.objects.filter(title="Essex").exists()
