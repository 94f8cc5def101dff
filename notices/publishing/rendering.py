"""Turn a notice's inputs into its HTML: pure functions, no database, no I/O.

The HTML of a publication is built here once and stored; the web page and the PDF are both made
from that stored HTML, so they can never disagree.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache, partial

import nh3
from django.template.loader import render_to_string
from django.utils.formats import date_format
from django.utils.safestring import SafeData, SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, override

from clauses.markup import CompiledBody, compile_body
from notices.frames import render_framed
from notices.publishing.inputs import NoticeInputs, PartnerInput, TranslationInputs
from schools.validators import phone_uri

# The language clauses are written in; translations are made from it.
SOURCE_LANGUAGE = "en-GB"

# The regulator, named beside the school's own contacts at the top of every notice.
ICO = {
    "complaint_url": "https://ico.org.uk/make-a-complaint/",
    "phone": "0303 123 1113",
    "phone_uri": "tel:+443031231113",
}

# What clause text may contain once rendered: the Markdown we allow, nothing more.
ALLOWED_TAGS = {
    "p",
    "ul",
    "ol",
    "li",
    "em",
    "strong",
    "a",
    "h3",
    "h4",
    "br",
    "code",
    "blockquote",
    "hr",
    "span",
    "dl",
    "dt",
    "dd",
    "div",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href"},
    "ol": {"start"},
    "ul": {"class", "lang"},
    "span": {"class"},
    "dl": {"class"},
    "div": {"class"},
}
ALLOWED_URL_SCHEMES = {"https", "mailto", "tel"}


# Built once: a cleaner made for each call costs as much again as the cleaning.
_CLEANER = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener noreferrer",
    strip_comments=True,
)


@lru_cache(maxsize=8192)  # a clause without school facts renders the same for every school
def sanitise(html: str) -> str:
    """Keep only the allowed tags, attributes and link schemes; external links get a safe rel."""
    return _CLEANER.clean(html)


# How the sanitiser writes text: a value escaped so is what sanitising the school's copy of a
# clause would have made of it, byte for byte.
_TEXT_ESCAPES = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "\u00a0": "&nbsp;"})


def _escape_text(value: str) -> str:
    return value.translate(_TEXT_ESCAPES)


@lru_cache(maxsize=4096)
def _sanitised(body: str) -> CompiledBody | None:
    """A clause sanitised once for every school, where its placeholders all stand in text: a
    value escaped there cannot add markup. None where one stands in a tag (a link made from a
    fact): that link is checked with each school's value in it."""
    compiled = compile_body(body)
    if compiled.placeholders_in_tags:
        return None
    return replace(compiled, html=sanitise(compiled.html))


def clause_html(body: str, facts: dict[str, str], blocks: dict[str, Callable[[], str]]) -> str:
    """A clause's body or summary for one school, sanitised; `blocks` give sanitised HTML."""
    clean = _sanitised(body)
    if clean is None:
        return sanitise(compile_body(body).render(facts, blocks))
    return clean.render(facts, blocks, escape_value=_escape_text)


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    html: SafeString
    summary_html: SafeString
    status: str = ""  # in a translation: "current", "behind" or "missing"


@dataclass(frozen=True)
class Contact:
    """Whom a reader can call or write to, shown first on the page."""

    name: str
    organisation: str
    phone: str
    phone_uri: str
    email: str


def notice_contacts(facts: dict[str, str]) -> dict[str, Contact]:
    return {
        who: Contact(
            name=facts.get(f"{who}.name", ""),
            organisation=facts.get(f"{who}.organisation", ""),
            phone=facts.get(f"{who}.phone", ""),
            phone_uri=phone_uri(facts.get(f"{who}.phone", "")),
            email=facts.get(f"{who}.email", ""),
        )
        for who in ("school", "dpo")
    }


@lru_cache(maxsize=512)
def _partners_html(partners: tuple[PartnerInput, ...], lang: str = "") -> str:
    """Cached: most schools of an authority share the same list of partners.

    The register of partners is kept in English, so in a translation the list says it is.
    """
    return sanitise(
        render_to_string("notices/partials/partners.html", {"partners": partners, "lang": lang})
    )


def render_sections(
    inputs: NoticeInputs, *, partners_lang: str = "", status: dict[str, str] | None = None
) -> list[Section]:
    status = status or {}
    partners_cache: dict[str, str] = {}

    def partners() -> str:
        if "html" not in partners_cache:
            partners_cache["html"] = _partners_html(inputs.partners, partners_lang)
        return partners_cache["html"]

    blocks: dict[str, Callable[[], str]] = {"partners": partners}
    return [
        Section(
            key=clause.key,
            heading=clause.heading,
            html=SafeString(clause_html(clause.body, inputs.facts, blocks)),
            summary_html=SafeString(clause_html(clause.summary, inputs.facts, {})),
            status=status.get(clause.key, ""),
        )
        for clause in inputs.clauses
    ]


def _escape(value: object) -> str:
    """Django's `conditional_escape` (the same `html.escape`), without its handling of lazy
    strings: this runs hundreds of times a notice, on plain strings, and that handling cost
    more than the escaping."""
    return value if isinstance(value, SafeData) else _escaped(str(value))


@lru_cache(maxsize=8192)  # clause keys and headings, the same in every school's notice
def _escaped(text: str) -> str:
    return html.escape(text)


def _html(template: str, *values: object) -> SafeString:
    """`format_html` on the fast escape above (and `SafeString` for `mark_safe`, which also
    looks for lazy strings first: all strings here are plain)."""
    return SafeString(template.format(*map(_escape, values)))


def _lang(status: str) -> SafeString:
    """An untranslated section in a translation is marked as English."""
    return SafeString(f' lang="{SOURCE_LANGUAGE}"' if status == "missing" else "")


# What each school's notice says alike about a section (its key, heading, whether translated),
# built once: the notice is then mostly joined, not formatted and escaped, for every school.


@lru_cache(maxsize=8192, typed=True)  # typed: a heading marked safe is never taken for one not
def _row_start(status: str, key: str, heading: str) -> str:
    """A section's line in the lists "at a glance" and of contents, up to what follows the
    linked heading."""
    return _html('\n      <li{}><a href="#{}">{}</a>', _lang(status), key, heading)


@lru_cache(maxsize=8192, typed=True)
def _section_start(status: str, key: str, heading: str) -> str:
    return _html(
        '\n  <section class="notice-section" id="{}" aria-labelledby="{}-heading"{}>\n'
        '    <h2 id="{}-heading">{}</h2>\n'
        "    ",
        key,
        key,
        _lang(status),
        key,
        heading,
    )


def glance_block(sections: Sequence[Section]) -> SafeString:
    """Each section's heading, linked, with its summary."""
    rows = "".join(
        f"{_row_start(s.status, s.key, s.heading)}{s.summary_html}</li>" for s in sections
    )
    return _html(
        '  <section class="notice-glance" aria-labelledby="glance-heading">\n'
        '    <h2 id="glance-heading">{}</h2>\n'
        '    <ul class="glance-list">{}\n'
        "    </ul>\n"
        "  </section>\n",
        SafeString(gettext("At a glance")),
        SafeString(rows),
    )


def contents_block(sections: Sequence[Section]) -> SafeString:
    rows = "".join(f"{_row_start(s.status, s.key, s.heading)}</li>" for s in sections)
    return _html(
        '  <nav class="notice-toc" aria-labelledby="contents-heading">\n'
        '    <h2 id="contents-heading">{}</h2>\n'
        "    <ol>{}\n"
        "    </ol>\n"
        "  </nav>\n",
        SafeString(gettext("Contents")),
        SafeString(rows),
    )


# The notice's sections, the list "at a glance" and the contents are built here rather than in
# a template: a notice has dozens of sections, most holding school facts, and the template
# engine took longer over them than anything else in publishing a county's pages. Their own
# words come from our translations, inserted unescaped as the templates' {% translate %} does.


def section_block(section: Section, *, english_url: str, language: str) -> SafeString:
    """One section of the notice, with a note when its translation is behind or missing."""
    note = ""
    if section.status == "behind":
        note = _html(
            '<p class="section-behind">{} <a href="{}#{}" hreflang="{}">{}</a>.</p>\n    ',
            SafeString(gettext("This section has changed in English since it was translated.")),
            english_url,
            section.key,
            SOURCE_LANGUAGE,
            SafeString(gettext("Read this section in English")),
        )
    elif section.status == "missing":
        note = _html(
            '<p class="section-behind" lang="{}">{}</p>\n    ',
            language,
            SafeString(gettext("This section is not translated yet, so it is shown in English.")),
        )
    start = _section_start(section.status, section.key, section.heading)
    return SafeString(f"{start}{note}{section.html}\n  </section>\n")


def render_notice_html(
    *,
    inputs: NoticeInputs,
    number: int,
    published_at: datetime,
    translation: TranslationInputs | None = None,
    english_url: str = "",
) -> str:
    """The notice as an `<article>`: header, contacts, summaries and one section per clause.

    With a translation, the same notice in its language: the page's own words translated,
    sections behind the English marked as such, untranslated ones shown in English.
    """
    status: dict[str, str] = {}
    if translation is not None:
        status = {clause.key: clause.status for clause in translation.clauses}
        by_key = {clause.key: clause for clause in translation.clauses}
        inputs = replace(
            inputs,
            notice_title=translation.notice_title,
            audience=translation.audience,
            school_name=translation.facts.get("school.name", inputs.school_name),
            facts={**inputs.facts, **translation.facts},
            clauses=tuple(
                replace(
                    clause,
                    heading=by_key[clause.key].heading,
                    body=by_key[clause.key].body,
                    summary=by_key[clause.key].summary,
                )
                for clause in inputs.clauses
            ),
        )
    language = translation.language if translation else "en-gb"
    sections = tuple(
        render_sections(inputs, partners_lang=SOURCE_LANGUAGE if translation else "", status=status)
    )
    contacts = notice_contacts(inputs.facts)
    review_date = date.fromisoformat(inputs.review_date) if inputs.review_date else None
    with override(language):
        return render_framed(
            "notices/notice_body.html",
            fixed={
                "translation_behind": bool(translation and translation.behind),
                "source_language": SOURCE_LANGUAGE,
            },
            slots={
                "school_name": inputs.school_name,
                "notice_title": inputs.notice_title,
                "audience": inputs.audience.lower(),
                "number": str(number),
                "published_iso": date_format(template_localtime(published_at), "Y-m-d"),
                "published_text": date_format(template_localtime(published_at), "j F Y"),
                "review_iso": date_format(review_date, "Y-m-d") if review_date else "",
                "review_text": date_format(review_date, "j F Y") if review_date else "",
                "english_url": english_url,
                **{
                    f"contacts.{who}.{field}": value
                    for who, contact in contacts.items()
                    for field, value in vars(contact).items()
                },
                "complaint_url": f"#{inputs.complaint_key}" if inputs.complaint_key else "",
                **{f"ico.{name}": value for name, value in ICO.items()},
                "glance": glance_block(sections),
                "contents": contents_block(sections),
                "sections": SafeString(
                    "".join(
                        section_block(section, english_url=english_url, language=language)
                        for section in sections
                    )
                ),
            },
        )


notice_text = partial(nh3.clean, tags=set())  # plain text of some HTML, for diffs and checks
