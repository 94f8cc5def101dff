"""Turn a notice's inputs into its HTML: pure functions, no database, no I/O.

The HTML of a publication is built here once and stored; the web page and the PDF are both made
from that stored HTML, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache, partial

import nh3
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import override

from clauses.markup import compile_body
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


@lru_cache(maxsize=8192)  # a clause without school facts renders the same for every school
def sanitise(html: str) -> str:
    """Keep only the allowed tags, attributes and link schemes; external links get a safe rel."""
    return nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


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
    return render_to_string("notices/partials/partners.html", {"partners": partners, "lang": lang})


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
            html=mark_safe(sanitise(compile_body(clause.body).render(inputs.facts, blocks))),
            summary_html=mark_safe(sanitise(compile_body(clause.summary).render(inputs.facts))),
            status=status.get(clause.key, ""),
        )
        for clause in inputs.clauses
    ]


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
    with override(translation.language if translation else "en-gb"):
        return render_to_string(
            "notices/notice_body.html",
            {
                "inputs": inputs,
                "number": number,
                "published_at": published_at,
                "review_date": date.fromisoformat(inputs.review_date)
                if inputs.review_date
                else None,
                "sections": render_sections(
                    inputs, partners_lang=SOURCE_LANGUAGE if translation else "", status=status
                ),
                "translation": translation,
                "english_url": english_url,
                "source_language": SOURCE_LANGUAGE,
                "contacts": notice_contacts(inputs.facts),
                "complaint_url": f"#{inputs.complaint_key}" if inputs.complaint_key else "",
                "ico": ICO,
            },
        )


notice_text = partial(nh3.clean, tags=set())  # plain text of some HTML, for diffs and checks
