"""Checks of a notice as a whole: a complaints route to the school first, a data protection
officer, and links the public can reach."""

from __future__ import annotations

import ipaddress
from collections.abc import Sequence
from functools import cache
from urllib.parse import urlsplit

from .result import Finding, Severity, TextSection
from .sentences import sentences
from .terms import THE_WHOLE_NOTICE
from .words import PhraseFinder

COMPLAINTS_FIRST = "complaints-first"
NO_DPO = "no-dpo"
PRIVATE_LINK = "private-link"

NO_COMPLAINTS_ROUTE = "Nothing tells people how to complain to the school itself."
COMPLAIN_TO_US_FIRST = (
    "Since June 2026 the Data (Use and Access) Act 2025 requires the school to take complaints "
    "about its use of personal information itself, before the ICO: say how to complain to the "
    "school (for example by an online form or to the DPO's email) and that the ICO comes after."
)
NO_DPO_NAMED = "No data protection officer is named."
NAME_THE_DPO = (
    "A school must have a data protection officer (UK GDPR Art. 37) and give their contact "
    "details (Art. 13(1)(b)): add them, e.g. with {{ dpo.name }} and {{ dpo.email }}."
)
NOT_PUBLIC = "Only people inside the school's or the council's network can open this link."
PUBLISH_IT = "Publish the document on the school's public website and link to that."

_COMPLAINT_WORDS = ("complain", "complaint", "complaints")
_TO_US = (
    "with us", "to us", "contact us", "tell us", "the school", "our school", "this school",
    "data protection officer", "dpo", "first instance", "complaints form", "online form",
    "complaints procedure", "complaints policy", "headteacher", "governing body", "school office",
)  # fmt: skip
_DPO_WORDS = ("data protection officer", "dpo")
_PRIVATE_SUFFIXES = (
    ".local",
    ".lan",
    ".internal",
    ".intranet",
    ".corp",
    ".home.arpa",
    ".localdomain",
    ".private",
)
_TRIM = "()[]<>{}\"'\u201c\u201d\u2018\u2019.,;:!?"


@cache
def _complaint_finder() -> PhraseFinder:
    return PhraseFinder((*_COMPLAINT_WORDS, *_TO_US))


def complaints_first(*, sections: Sequence[TextSection]) -> list[Finding]:
    finder = _complaint_finder()
    complaint = set(_COMPLAINT_WORDS)
    to_us = set(_TO_US)
    for section in sections:
        heading = {hit.key for hit in finder.find_text(section.where)}
        for sentence in sentences(section.text):
            found = {hit.key for hit in finder.find_text(sentence)}
            if (found | heading) & complaint and found & to_us:
                return []
    return [
        Finding(
            COMPLAINTS_FIRST,
            Severity.ERROR,
            THE_WHOLE_NOTICE,
            NO_COMPLAINTS_ROUTE,
            COMPLAIN_TO_US_FIRST,
        )
    ]


def missing_dpo(*, sections: Sequence[TextSection]) -> list[Finding]:
    finder = PhraseFinder(_DPO_WORDS)
    if any(finder.find_text(f"{s.where}\n{s.text}") for s in sections):
        return []
    return [Finding(NO_DPO, Severity.ERROR, THE_WHOLE_NOTICE, NO_DPO_NAMED, NAME_THE_DPO)]


def _links_in(text: str) -> list[str]:
    links: list[str] = []
    for token in text.split():
        position = token.find("://")
        if position > 0:
            start = position
            while start > 0 and token[start - 1].isascii() and token[start - 1].isalpha():
                start -= 1
            links.append(token[start:].strip(_TRIM))
        elif token.startswith("\\\\"):
            links.append(token.strip(_TRIM))
        elif token.lower().lstrip(_TRIM).startswith("www."):
            links.append("https://" + token.strip(_TRIM))
    return links


def is_private(link: str) -> bool:
    """A link the public cannot open: a file share, localhost, an intranet or a private IP."""
    if link.startswith("\\\\") or link.lower().startswith("file:"):
        return True
    try:
        host = (urlsplit(link).hostname or "").rstrip(".").lower()
    except ValueError:
        return False
    if not host:
        return False
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return (
            host == "localhost"
            or "." not in host
            or host.endswith(_PRIVATE_SUFFIXES)
            or host.split(".")[0] in {"intranet", "intra", "internal"}
        )
    return address.is_private or address.is_loopback or address.is_link_local


def private_links(*, sections: Sequence[TextSection]) -> list[Finding]:
    findings: list[Finding] = []
    for section in sections:
        for link in dict.fromkeys([*_links_in(section.text), *section.links]):
            if is_private(link):
                findings.append(
                    Finding(
                        PRIVATE_LINK,
                        Severity.ERROR,
                        section.where,
                        link,
                        f"{NOT_PUBLIC} {PUBLISH_IT}",
                    )
                )
    return findings
