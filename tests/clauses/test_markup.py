"""Clause markup: what a DPO may write, the messages for what they may not, and safe rendering."""

from __future__ import annotations

import pytest

from clauses.markup import (
    BAD_LINK,
    BLOCK_IN_LINK,
    BLOCK_NOT_ALONE,
    EMPTY_BODY,
    HEADING_LEVEL,
    IMAGE_NOT_ALLOWED,
    RAW_HTML,
    UNCLOSED_PLACEHOLDER,
    UNKNOWN_PLACEHOLDER,
    UNKNOWN_PLACEHOLDER_DID_YOU_MEAN,
    allowed_placeholders_text,
    compile_body,
    placeholders_in,
    validate_body,
)

VALID_BODY = """\
We are {{ school.name }}, {{school.address}}.

### Who to contact

- Our data protection officer is {{ dpo.name }} at {{ dpo.organisation }}.
- Email [{{ dpo.email }}](mailto:{{ dpo.email }}) or call [{{ dpo.phone }}](tel:{{ dpo.phone }}).
- Read [the ICO's guidance](https://ico.org.uk/for-the-public/).
- Visit [our website]({{ school.website }}).

We share information with:

{{ partners }}

1. *Numbered* lists and **emphasis** are fine too.
"""


# What passes --------------------------------------------------------------------------------


def test_a_body_with_placeholders_lists_headings_and_links_is_valid():
    assert validate_body(VALID_BODY) == []


def test_placeholders_in_lists_each_name_once_in_order_of_first_use():
    assert placeholders_in("{{ school.name }} {{ dpo.name }} {{school.name}}") == [
        "school.name",
        "dpo.name",
    ]


# What fails, and the message for each -------------------------------------------------------


def test_an_unknown_placeholder_is_named_with_the_allowed_list():
    errors = validate_body("Hello {{ head.of.year }}.")

    assert errors == [
        UNKNOWN_PLACEHOLDER.format(name="head.of.year", allowed=allowed_placeholders_text())
    ]
    assert "{{ head.of.year }}" in errors[0]
    assert "{{ school.name }}" in errors[0]
    assert "did you mean" not in errors[0]


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("dpo.emial", "dpo.email"),
        ("school.nmae", "school.name"),
        ("DPO.Email", "dpo.email"),
        ("dpo_phone", "dpo.phone"),
        ("partner", "partners"),
    ],
)
def test_a_mistyped_placeholder_gets_a_did_you_mean(typed, meant):
    errors = validate_body(f"Write to {{{{ {typed} }}}}.")

    assert errors == [
        UNKNOWN_PLACEHOLDER_DID_YOU_MEAN.format(
            name=typed, suggestion=meant, allowed=allowed_placeholders_text()
        )
    ]
    assert f"did you mean {{{{ {meant} }}}}?" in errors[0]


def test_a_very_long_unknown_placeholder_is_refused_quickly_without_a_suggestion():
    name = "dpo.email" + "x" * 50_000

    [error] = validate_body(f"{{{{ {name} }}}}")

    assert "did you mean" not in error


def test_an_unclosed_placeholder_is_reported():
    errors = validate_body("Hello {{ school.name")

    assert errors == [UNCLOSED_PLACEHOLDER.format(snippet="{{ school.name")]


def test_a_stray_closing_brace_pair_is_reported_as_unclosed():
    errors = validate_body("Hello school.name }} today")

    assert errors == [UNCLOSED_PLACEHOLDER.format(snippet="}} today")]


def test_a_block_of_raw_html_is_refused():
    errors = validate_body("<script>alert(1)</script>")

    assert errors == [RAW_HTML.format(snippet="<script>alert(1)</script>")]


def test_inline_raw_html_is_refused():
    errors = validate_body("Hello <b>there</b>")

    assert RAW_HTML.format(snippet="<b>") in errors


def test_an_image_is_refused():
    errors = validate_body("![Our logo](https://example.org/logo.png)")

    assert errors == [IMAGE_NOT_ALLOWED]


@pytest.mark.parametrize("body", ["# Title\n\nText.", "## Title\n\nText.", "Title\n=====\n"])
def test_a_level_one_or_two_heading_is_refused(body):
    assert validate_body(body) == [HEADING_LEVEL]


@pytest.mark.parametrize("body", ["### Title\n\nText.", "#### Title\n\nText."])
def test_a_level_three_or_four_heading_is_allowed(body):
    assert validate_body(body) == []


@pytest.mark.parametrize(
    "body",
    ["[site](http://example.org)", "<http://example.org>", "[s][1]\n\n[1]: http://example.org"],
)
def test_an_http_link_is_refused(body):
    assert validate_body(body) == [BAD_LINK.format(href="http://example.org")]


def test_a_javascript_link_is_refused():
    errors = validate_body("[click me](javascript:alert(1))")

    assert errors == [BAD_LINK.format(href="javascript:…")]


def test_a_relative_link_is_refused():
    assert validate_body("[top](#top)") == [BAD_LINK.format(href="#top")]


def test_a_placeholder_of_the_wrong_kind_cannot_be_a_link():
    errors = validate_body("[email us]({{ school.email }})")

    assert errors == [BAD_LINK.format(href="{{ school.email }}")]


@pytest.mark.parametrize(
    "body",
    [
        "Our partners: {{ partners }}",
        "Our partners:\n{{ partners }}",
        "- {{ partners }}",
        "> {{ partners }}",
        "### {{ partners }}",
    ],
)
def test_the_partners_list_must_stand_alone(body):
    assert BLOCK_NOT_ALONE.format(name="partners") in validate_body(body)


def test_the_partners_list_cannot_be_a_link():
    assert BLOCK_IN_LINK.format(name="partners") in validate_body("[them]({{ partners }})")


@pytest.mark.parametrize("body", ["", "   ", "\n\n\t\n"])
def test_an_empty_body_is_refused(body):
    assert validate_body(body) == [EMPTY_BODY]


def test_every_problem_is_reported_at_once():
    errors = validate_body("# Hi {{ school.nmae }}\n\n![x](https://example.org/x.png)")

    assert HEADING_LEVEL in errors
    assert IMAGE_NOT_ALLOWED in errors
    assert any("school.nmae" in error for error in errors)


# Rendering ----------------------------------------------------------------------------------


def test_render_substitutes_values():
    html = compile_body("We are {{ school.name }}.").render({"school.name": "Ashdown Primary"})

    assert html == "<p>We are Ashdown Primary.</p>\n"


def test_render_escapes_html_in_values():
    html = compile_body("We are {{ school.name }}.").render(
        {"school.name": "<script>alert(1)</script>"}
    )

    assert "<script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_render_escapes_quotes_in_values():
    html = compile_body("We are {{ school.name }}.").render(
        {"school.name": 'St Mary\'s "Little" School'}
    )

    assert html == "<p>We are St Mary&#x27;s &quot;Little&quot; School.</p>\n"


def test_render_leaves_a_missing_value_blank():
    html = compile_body("Head: {{ school.headteacher }}.").render({})

    assert html == "<p>Head: .</p>\n"


def test_render_substitutes_inside_a_mailto_link():
    html = compile_body("[Email us](mailto:{{ dpo.email }})").render(
        {"dpo.email": "dpo@example.org"}
    )

    assert html == '<p><a href="mailto:dpo@example.org">Email us</a></p>\n'


def test_render_escapes_a_quote_in_a_value_inside_a_link():
    html = compile_body("[Email us](mailto:{{ dpo.email }})").render(
        {"dpo.email": 'x@example.org" onclick="alert(1)'}
    )

    assert 'onclick="' not in html
    assert 'href="mailto:x@example.org&quot; onclick=&quot;alert(1)"' in html


def test_render_replaces_the_paragraph_of_a_block_placeholder():
    body = "Intro for {{ school.name }}.\n\n{{ partners }}\n\nOutro."
    blocks = {"partners": lambda: "<ul><li>Department for Education</li></ul>\n"}

    html = compile_body(body).render({"school.name": "Ashdown"}, blocks)

    assert html == (
        "<p>Intro for Ashdown.</p>\n<ul><li>Department for Education</li></ul>\n<p>Outro.</p>\n"
    )


def test_compile_body_lists_the_placeholders_it_uses():
    compiled = compile_body("{{ school.name }} and [mail](mailto:{{ dpo.email }})")

    assert compiled.placeholders == ("school.name", "dpo.email")
