"""Turn a notice's inputs into its HTML: pure functions, no database, no I/O.

The HTML of a publication is built here once and stored; the web page and the PDF are both made
from that stored HTML, so they can never disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache, partial

import nh3
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from clauses.markup import compile_body
from notices.publishing.inputs import NoticeInputs, PartnerInput
from schools.validators import phone_uri

# The regulator, named beside the school's own contacts at the top of every notice.
ICO = {
    "name": "Information Commissioner's Office (ICO)",
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
    "ul": {"class"},
    "span": {"class"},
    "dl": {"class"},
    "div": {"class"},
}
ALLOWED_URL_SCHEMES = {"https", "mailto", "tel"}


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
def _partners_html(partners: tuple[PartnerInput, ...]) -> str:
    """Cached: most schools of an authority share the same list of partners."""
    return render_to_string("notices/partials/partners.html", {"partners": partners})


def render_sections(inputs: NoticeInputs) -> list[Section]:
    partners_cache: dict[str, str] = {}

    def partners() -> str:
        if "html" not in partners_cache:
            partners_cache["html"] = _partners_html(inputs.partners)
        return partners_cache["html"]

    blocks: dict[str, Callable[[], str]] = {"partners": partners}
    return [
        Section(
            key=clause.key,
            heading=clause.heading,
            html=mark_safe(sanitise(compile_body(clause.body).render(inputs.facts, blocks))),
            summary_html=mark_safe(sanitise(compile_body(clause.summary).render(inputs.facts))),
        )
        for clause in inputs.clauses
    ]


def render_notice_html(*, inputs: NoticeInputs, number: int, published_at: datetime) -> str:
    """The notice as an `<article>`: header, contents and one section per clause."""
    return render_to_string(
        "notices/notice_body.html",
        {
            "inputs": inputs,
            "number": number,
            "published_at": published_at,
            "review_date": date.fromisoformat(inputs.review_date) if inputs.review_date else None,
            "sections": render_sections(inputs),
            "contacts": notice_contacts(inputs.facts),
            "complaint_url": f"#{inputs.complaint_key}" if inputs.complaint_key else "",
            "ico": ICO,
        },
    )


notice_text = partial(nh3.clean, tags=set())  # plain text of some HTML, for diffs and checks
