"""Control and private-use characters: refused in every text field, harmless in the renderer."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import CharField, TextField

from clauses.markup import compile_body
from notices.publishing.services import notice_publish
from schools.validators import FORBIDDEN_CHARACTER_ERROR, strip_forbidden_characters
from tests.factories import (
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
    SharingPartnerFactory,
)

pytestmark = pytest.mark.django_db

SENTINEL = "\ue000school.email\ue001"  # what the renderer marks a placeholder with


@pytest.mark.parametrize("character", ["\ue000", "\uf8ff", "\U000f0001", "\x00", "\x1b", "\x85"])
def test_a_partner_note_with_a_forbidden_character_is_refused(school_a, character):
    partner = SharingPartnerFactory.build(school=school_a, school_note=f"Lists {character} only")

    with pytest.raises(ValidationError) as refused:
        partner.full_clean()

    assert "school_note" in refused.value.message_dict
    code = f"{ord(character):04X}"
    assert refused.value.message_dict["school_note"] == [FORBIDDEN_CHARACTER_ERROR % {"code": code}]


def test_line_breaks_tabs_and_ordinary_accents_and_symbols_are_kept(school_a):
    partner = SharingPartnerFactory.build(
        school=school_a, school_note="Crème brûlée \u2013\tévery day\r\nfor Zoë ✓ 😀"
    )

    partner.full_clean()


@pytest.mark.parametrize(("app", "model"), [("schools", "school"), ("clauses", "clauseversion")])
def test_every_text_field_of_the_notice_apps_carries_the_guard(app, model):
    from schools.validators import validate_plain_text

    fields = [
        field
        for field in apps.get_model(app, model)._meta.get_fields()
        if isinstance(field, CharField | TextField)
    ]

    assert fields
    assert all(validate_plain_text in field.validators for field in fields)


def test_a_clause_body_with_a_placeholder_marker_is_refused():
    version = ClauseVersionFactory.build(body=f"Write to {SENTINEL}.")

    with pytest.raises(ValidationError) as refused:
        version.full_clean(exclude=["clause"])

    assert "body" in refused.value.message_dict


def test_a_value_is_never_read_as_a_placeholder_when_substituted():
    body = compile_body("Note: {{ school.name }}\n\n{{ partners }}")

    html = body.render(
        {"school.name": f"Oak {SENTINEL}", "school.email": "office@oak.example"},
        {"partners": lambda: f"<ul><li>{SENTINEL}</li></ul>"},
    )

    assert "office@oak.example" not in html


def test_a_text_placeholder_alone_on_a_line_is_still_filled_in():
    html = compile_body("{{ school.name }}").render({"school.name": "Oak & Ash"})

    assert html == "<p>Oak &amp; Ash</p>\n"


def test_a_partner_note_saved_past_validation_cannot_pose_as_a_school_fact(school_a):
    notice_type = NoticeTypeFactory(slug="pupils", is_primary=True)
    version = ClauseVersionFactory(published=True, body="We share with:\n\n{{ partners }}")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=version.clause)
    school_notice = SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    # Saved without validation, as an import or a bug might: the renderer must be safe anyway.
    SharingPartnerFactory(school=school_a, name="Caterer", school_note=f"Email {SENTINEL} now")

    notice_publish(school_notice=school_notice)

    html = school_notice.live_publication().html
    assert "Email school.email now" in html  # the markers dropped, the words kept
    assert f"Email {school_a.email}" not in html
    assert "\ue000" not in html


def test_stripping_keeps_everything_else():
    assert strip_forbidden_characters("a\ue000b\x07c\nd\U0010fffde") == "abc\nde"
