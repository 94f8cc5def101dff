"""Bootstrapping a library from a real notice gives back that notice for the same school."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.management import call_command

from clauses.markup import validate_body
from clauses.models import ClauseVersion
from notices.models import NoticeType
from onboarding.reader import read_path
from onboarding.template_import import rendered_text, template_import
from tests.factories import DataProtectionOfficerFactory, LocalAuthorityFactory, SchoolFactory

pytestmark = pytest.mark.django_db

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "notices" / "county-template.txt"


@pytest.fixture
def maplewood():
    """The school of the (fictional) county-template notice, with the facts that notice shows."""
    dpo = DataProtectionOfficerFactory(
        kind="person",
        name="Robin Quayle",
        email="privacy@fenshire.example.gov.uk",
        phone="0113 496 0555",
    )
    return SchoolFactory(
        name="Maplewood Infant School",
        email="office@maplewood.example.sch.uk",
        phone="0113 496 0123",
        website="https://www.maplewood.example.sch.uk/",
        street="Mill Lane",
        town="Exampleton",
        postcode="EX1 2AB",
        transfers_to="Maplewood Junior School",
        local_authority=LocalAuthorityFactory(name="Fenshire County Council"),
        dpo=dpo,
    )


def _bodies(notice_type) -> str:
    return " ".join(
        ClauseVersion.objects.filter(clause__notice_items__notice_type=notice_type).values_list(
            "body", flat=True
        )
    )


def test_the_county_template_round_trips(maplewood):
    result = template_import(document=read_path(FIXTURE), school=maplewood, title="County")

    assert result.similarity >= 0.99
    assert result.structure_in == result.structure_out
    assert result.clauses == 10
    bodies = _bodies(result.notice_type)
    assert all(validate_body(v.body) == [] for v in ClauseVersion.objects.all())
    for placeholder in (
        "{{ school.email }}",
        "{{ school.phone }}",
        "{{ school.website }}",
        "{{ school.address }}",
        "{{ school.transfers_to }}",
        "{{ dpo.name }}",
        "{{ dpo.email }}",
        "{{ dpo.phone }}",
        "{{ authority.name }}",
    ):
        assert placeholder in bodies
    for literal in ("maplewood.example", "Robin Quayle", "01134960123", "EX1 2AB", "Fenshire"):
        assert literal not in bodies


def test_the_imported_library_serves_another_school(maplewood):
    result = template_import(document=read_path(FIXTURE), school=maplewood, title="County")
    other = SchoolFactory(name="Oakfield Infant School", email="office@oakfield.example.org")
    from notices.models import SchoolNotice

    school_notice = SchoolNotice.objects.create(school=other, notice_type=result.notice_type)

    rendered = rendered_text(school_notice)
    assert "office@oakfield.example.org" in rendered and other.phone in rendered
    assert "maplewood" not in rendered.lower() and "0113 496" not in rendered.replace(
        other.phone, ""
    )


def test_markup_in_the_source_stays_literal(maplewood):
    text = (
        "Heading one\n\n1. Not a list, *not emphasis*, <b>not html</b> & {{ not.a.placeholder }}"
        " stay as they are.\n\n- a real bullet # with a hash\n- and [brackets](here)\n"
    )

    result = template_import(text=text, school=maplewood, title="Literal")

    assert (result.clauses, result.similarity) == (1, 1.0)


def test_the_command_reports_the_similarity_and_the_structure(maplewood, capsys):
    call_command("import_template", str(FIXTURE), "--school", maplewood.slug, "--title", "Fen")

    out = capsys.readouterr().out
    assert "Created notice type “Fen”" in out
    assert "similarity of 1.000" in out
    assert "Structure in → out: headings 10 → 10" in out
    assert "not imported: Maplewood Infant School (the document's title" in out
    assert NoticeType.objects.filter(title="Fen").exists()
