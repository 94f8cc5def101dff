"""A school's facts in an existing notice's text, whatever their printed form.

Importing a notice turns each of the school's facts into a placeholder, so that the library it
becomes prints every other school's own facts. A fact left as literal text would be printed for
every school, so the matching is generous about form: phone numbers are compared as parsed
numbers, websites with or without their scheme and "www.", postcodes with or without the space,
emails in any case. A DPO record whose "name" is a role ("Data Protection Officer") is not a
person's name and is never replaced: the phrase stays the library's own words.

Every pattern here is either a literal or a bounded, anchored one, run on text of bounded size.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

import phonenumbers

from notices.publishing.guard import (
    POSTCODE_RE,
    WEBSITE,
    contacts_in,
    phone_key,
    postcode_key,
)
from notices.publishing.inputs import school_facts
from schools.models import DataProtectionOfficer, School

# Facts replaced wherever their words appear (names and organisations match case and whole words).
NAME_FACTS = [
    "school.name",
    "school.transfers_to",
    "school.headteacher",
    "dpo.name",
    "dpo.organisation",
    "authority.name",
    "school.ico_registration_number",
]
ADDRESS_FACTS = ["school.address", "dpo.address"]
EMAIL_FACTS = ["school.email", "school.data_request_email", "dpo.email"]
PHONE_FACTS = ["school.phone", "dpo.phone"]
WEBSITE_FACTS = ["school.website", "authority.website"]
POSTCODE_FACTS = ["school.postcode"]
# Words that make a name a role or a team rather than a person.
_ROLE_WORDS = frozenset(
    {"officer", "team", "service", "services", "dpo", "department", "unit", "governance"}
    | {"protection", "council", "manager", "office", "school", "trust", "the"}
)
_WORD_CHARS = re.compile(r"\w")


@dataclass(frozen=True)
class FactMatch:
    start: int
    end: int
    name: str  # the placeholder, e.g. "school.phone"


def is_role(name: str) -> bool:
    """'Data Protection Officer', 'the DPO', 'Information Governance Team': not a person."""
    words = {word.strip(".,()").lower() for word in name.split()}
    return bool(words & _ROLE_WORDS) or len(words) < 2


def _bounded(text: str, start: int, end: int) -> bool:
    """Whole words only: 'Ash School' is not inside 'Ash Schools'."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (_WORD_CHARS.match(before) or _WORD_CHARS.match(after) or before in "@./-")


def _literal(text: str, value: str, name: str, *, ignore_case: bool = False) -> list[FactMatch]:
    if len(value) < 4:
        return []
    pattern = re.compile(re.escape(value).replace(r"\ ", r"\s+"), re.I if ignore_case else 0)
    return [
        FactMatch(m.start(), m.end(), name)
        for m in pattern.finditer(text)
        if _bounded(text, m.start(), m.end())
    ]


def phone_numbers(text: str) -> list[tuple[int, int, str]]:
    """(start, end, E.164) of every UK phone number in the text, however it is spaced."""
    return [
        (
            match.start,
            match.end,
            phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164),
        )
        for match in phonenumbers.PhoneNumberMatcher(text, "GB")
    ]


def website_pattern(url: str) -> re.Pattern[str] | None:
    """The site with or without https://, www. and the trailing slash."""
    parts = urlsplit(url if "//" in url else f"https://{url}")
    host = (parts.hostname or "").removeprefix("www.")
    if "." not in host:
        return None
    path = parts.path.rstrip("/")
    path_part = f"(?:{re.escape(path)})?" if path else ""
    return re.compile(rf"(?:https?://)?(?:www\.)?{re.escape(host)}{path_part}/?", re.I)


def fact_matches(text: str, facts: dict[str, str], *, dpo_is_person: bool) -> list[FactMatch]:
    """Where the school's facts are in the text, longest first where two overlap."""
    found: list[FactMatch] = []
    for name in NAME_FACTS:
        if name == "dpo.name" and not dpo_is_person:
            continue
        found += _literal(text, facts.get(name, ""), name)
    for name in ADDRESS_FACTS:
        # The address with or without its commas, on one line or several.
        words = facts.get(name, "").replace(",", " ").split()
        if len(words) >= 2:
            pattern = re.compile(r"[\s,]+".join(re.escape(word) for word in words), re.I)
            found += [
                FactMatch(m.start(), m.end(), name)
                for m in pattern.finditer(text)
                if _bounded(text, m.start(), m.end())
            ]
    for name in EMAIL_FACTS:
        found += _literal(text, facts.get(name, ""), name, ignore_case=True)
    phones = {phone_key(facts[name]): name for name in reversed(PHONE_FACTS) if facts.get(name)}
    found += [FactMatch(s, e, phones[n]) for s, e, n in phone_numbers(text) if n in phones]
    for name in WEBSITE_FACTS:
        pattern = website_pattern(facts.get(name, ""))
        if pattern is not None:
            found += [
                FactMatch(m.start(), m.end(), name)
                for m in pattern.finditer(text)
                if _bounded(text, m.start(), m.end()) or m.group(0).endswith("/")
            ]
    for name in POSTCODE_FACTS:
        if key := postcode_key(facts.get(name, "")):
            found += [
                FactMatch(m.start(), m.end(), name)
                for m in POSTCODE_RE.finditer(text)
                if postcode_key(m.group(0)) == key
            ]
    chosen: list[FactMatch] = []
    for match in sorted(found, key=lambda m: (m.start, m.start - m.end)):
        if chosen and match.start < chosen[-1].end:
            continue  # inside a longer match: an email holding the school's name
        chosen.append(match)
    return chosen


def facts_for_import(school: School) -> tuple[dict[str, str], bool]:
    """The school's facts and whether its DPO's name is a person's (so may be replaced)."""
    facts = school_facts(school)
    dpo = school.dpo
    person = dpo is not None and (
        dpo.kind == DataProtectionOfficer.Kind.PERSON or not is_role(dpo.name)
    )
    return facts, person and not is_role(facts.get("dpo.name", ""))


def contact_literals(text: str, *, school_hosts: frozenset[str] = frozenset()) -> list[str]:
    """Emails, phones, postcodes and school websites written out in text (placeholders aside),
    for the DPO to confirm as the library's own words or to make placeholders."""
    return list(
        dict.fromkeys(
            contact.value
            for contact in contacts_in(re.sub(r"\{\{[^{}]{0,80}\}\}", " ", text))
            if contact.kind != WEBSITE
            or contact.key.endswith(".sch.uk")
            or contact.key in school_hosts
        )
    )
