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
}
ALLOWED_ATTRIBUTES = {"a": {"href"}, "ol": {"start"}, "ul": {"class"}, "span": {"class"}}
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
        },
    )


notice_text = partial(nh3.clean, tags=set())  # plain text of some HTML, for diffs and checks
