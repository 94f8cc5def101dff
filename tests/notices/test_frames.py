"""Frames: a template rendered once per kind of page gives each page the template's own bytes."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from django.template.loader import render_to_string
from django.utils.autoreload import file_changed
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override

from notices import frames
from notices.frames import render_framed

CARD = (
    '{% load i18n %}<h1 title="{{ name }}">{{ name }}</h1>'
    "{% if phone %}<p>{% translate 'Phone' %} "
    '<a href="{{ contact.phone_uri }}">{{ contact.phone }}</a></p>{% endif %}'
    "{% if early %}<p>Early</p>{% endif %}{% for tag in tags %}<i>{{ tag }}</i>{% endfor %}"
    "{{ body }}"
)
TEMPLATES = {
    "card.html": CARD,
    "shouting.html": "<h1>{{ name|upper }}</h1>",
    "cut.html": "<h1>{{ name|truncatechars:5 }}</h1>",
}


@pytest.fixture(autouse=True)
def _templates(settings):
    settings.TEMPLATES = [
        {
            "BACKEND": "django.template.backends.django.DjangoTemplates",
            "OPTIONS": {"loaders": [("django.template.loaders.locmem.Loader", TEMPLATES)]},
        }
    ]
    frames._frames.clear()
    yield
    frames._frames.clear()


def _both(template: str, fixed: dict, slots: dict) -> tuple[str, str]:
    return render_framed(template, fixed=fixed, slots=slots), render_to_string(
        template, frames._context(fixed, slots)
    )


@pytest.mark.parametrize(
    "slots",
    [
        {
            "name": 'St Mary\'s & <All> "Saints"',
            "phone": "0113 496 0000",
            "contact.phone": "0113 496 0000",
            "contact.phone_uri": "tel:+441134960000",
            "body": mark_safe("<p>Stored <em>HTML</em></p>"),
        },
        {"name": "Oak", "phone": "", "contact.phone": "", "contact.phone_uri": "", "body": ""},
    ],
)
def test_a_page_filled_into_its_frame_is_the_template_rendered_with_its_values(slots):
    fixed = {"early": True, "tags": ("a<b", "c")}

    framed, direct = _both("card.html", fixed, slots)

    assert framed == direct
    assert "<em>HTML</em>" in framed or slots["body"] == ""
    assert "<All>" not in framed


def test_the_template_is_rendered_once_for_every_page_of_a_kind(monkeypatch):
    rendered = []
    monkeypatch.setattr(
        frames, "render_to_string", lambda *args: rendered.append(args) or render_to_string(*args)
    )
    for name in ("Oak", "Ash", "Elm <Primary>"):
        slots = {"name": name, "phone": "1", "contact.phone": "1", "contact.phone_uri": "tel:1"}
        page = render_framed("card.html", fixed={"early": False}, slots={**slots, "body": ""})
        assert f'<h1 title="{name.replace("<", "&lt;").replace(">", "&gt;")}">' in page

    assert len(rendered) == 1


def test_a_value_left_empty_or_a_fixed_value_changed_is_another_kind_of_page():
    slots = {"name": "Oak", "contact.phone": "1", "contact.phone_uri": "tel:1", "body": ""}

    with_phone = render_framed("card.html", fixed={"early": False}, slots={**slots, "phone": "1"})
    without = render_framed("card.html", fixed={"early": False}, slots={**slots, "phone": ""})
    early = render_framed("card.html", fixed={"early": True}, slots={**slots, "phone": ""})

    assert "Phone" in with_phone and "Phone" not in without
    assert "Early" in early and "Early" not in without
    assert len(frames._frames) == 3


def test_a_frame_is_kept_per_language():
    slots = {"name": "Oak", "phone": "1", "contact.phone": "1", "contact.phone_uri": "", "body": ""}
    with override("cy"):
        assert _both("card.html", {}, slots)[0] == _both("card.html", {}, slots)[1]
    assert _both("card.html", {}, slots)[0] == _both("card.html", {}, slots)[1]

    assert len(frames._frames) == 2


@pytest.mark.parametrize("template", ["shouting.html", "cut.html"])
def test_a_template_that_changes_a_value_is_rendered_without_a_frame(template, caplog):
    slots = {"name": "Oak Primary School"}

    with caplog.at_level(logging.WARNING, logger="notices.frames"):
        framed, direct = _both(template, {}, slots)

    assert framed == direct
    assert "without a frame" in caplog.text
    assert frames._frames == {}


def test_an_edited_template_is_used_at_once_in_development():
    slots = {"name": "Oak", "phone": "", "contact.phone": "", "contact.phone_uri": "", "body": ""}
    render_framed("card.html", fixed={}, slots=slots)

    file_changed.send(sender=None, file_path=Path("templates/card.html"))

    assert frames._frames == {}


def test_a_safe_value_is_put_in_as_it_is_and_any_other_escaped():
    slots = {
        "name": SafeString("<b>Oak</b>"),
        "phone": "<b>1</b>",
        "contact.phone": "<b>1</b>",
        "contact.phone_uri": "",
        "body": "<script>alert(1)</script>",
    }

    page = render_framed("card.html", fixed={}, slots=slots)

    assert '<h1 title="<b>Oak</b>"><b>Oak</b></h1>' in page
    assert "&lt;script&gt;" in page and "<script>" not in page
