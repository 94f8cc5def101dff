"""The guard at publishing: no school's notice prints another school's contact details.

A clause imported from one school's notice may still hold that school's email, phone, postcode
or website as literal text (or a school's record may hold another's by mistake). Published for
any other school, it would send parents to the wrong school. Before a notice is published, the
contact details it would print (each clause's own text, the facts it uses, the partners list) are
compared with every school record; one that belongs to another school, and not to this one,
stops the publication with an error naming the clause and the detail. The previous publication
stays live, as with every other publishing error.

The scanning is literal or bounded: emails token by token, phone numbers by the phonenumbers
library, postcodes and web addresses by anchored, bounded patterns.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

import phonenumbers

from clauses.markup import PLACEHOLDERS, placeholders_in
from schools.models import School

if TYPE_CHECKING:
    from notices.publishing.inputs import NoticeInputs

FOREIGN_CONTACT = (
    "The clause “{clause}” would print {kind} {value}, which is {other}'s, in {school}'s notice. "
    "Use a placeholder for it in the clause (or correct the school's record)."
)
EMAIL = "the email address"
PHONE = "the phone number"
POSTCODE = "the postcode"
WEBSITE = "the website"

_EMAIL_RE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}")
POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b", re.IGNORECASE)
_PLACEHOLDER_RE = re.compile(r"\{\{[^{}]{0,80}\}\}")


def email_key(value: str) -> str:
    return value.strip().rstrip(".").lower()


def phone_key(value: str) -> str:
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return ""
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def postcode_key(value: str) -> str:
    return "".join(value.split()).upper()


def host_key(value: str) -> str:
    value = value.strip().strip("()<>[],;").rstrip(".")
    host = urlsplit(value if "//" in value else f"https://{value}").hostname or ""
    return host.lower().removeprefix("www.")


@dataclass(frozen=True)
class Contact:
    kind: str
    key: str
    value: str  # as printed


@lru_cache(maxsize=16_384)  # clause bodies, the facts of a county's schools, partner lists
def contacts_in(text: str) -> tuple[Contact, ...]:
    """Every email, UK phone number, postcode and web address written in the text."""
    found: list[Contact] = []
    for token in text.split():
        if "@" in token and (email := _EMAIL_RE.search(token)):
            found.append(Contact(EMAIL, email_key(email.group(0)), email.group(0).rstrip(".")))
        lowered = token.lower().lstrip("(<[")
        if lowered.startswith(("http://", "https://", "www.")) and (key := host_key(token)):
            found.append(Contact(WEBSITE, key, token.strip("()<>[],;").rstrip(".")))
    for match in phonenumbers.PhoneNumberMatcher(text, "GB"):
        key = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        found.append(Contact(PHONE, key, match.raw_string))
    for match in POSTCODE_RE.finditer(text):
        found.append(Contact(POSTCODE, postcode_key(match.group(0)), match.group(0)))
    return tuple(found)


@dataclass
class ContactIndex:
    """Who holds each contact detail: (kind, key) -> the slugs and names of those schools."""

    holders: dict[tuple[str, str], dict[str, str]] = field(default_factory=dict)

    @classmethod
    def load(cls) -> ContactIndex:
        holders: dict[tuple[str, str], dict[str, str]] = defaultdict(dict)
        rows = School.objects.values_list(
            "slug", "name", "email", "data_request_email", "phone", "postcode", "website"
        )
        for slug, name, email, request_email, phone, postcode, website in rows:
            for kind, key in (
                (EMAIL, email_key(email)),
                (EMAIL, email_key(request_email)),
                (PHONE, phone_key(phone) if phone else ""),
                (POSTCODE, postcode_key(postcode)),
                (WEBSITE, host_key(website) if website else ""),
            ):
                if key:
                    holders[(kind, key)][slug] = name
        return cls(dict(holders))

    def others(self, contact: Contact, school_slug: str) -> list[str]:
        """The other schools that hold the detail, unless this school holds it too."""
        holders = self.holders.get((contact.kind, contact.key), {})
        if not holders or school_slug in holders:
            return []
        return sorted(holders.values())


def _clause_texts(inputs: NoticeInputs, partners_text: str) -> list[tuple[str, list[str]]]:
    """(clause heading, what it prints) for each clause: its own words, then the facts and
    partners it fills in, each apart, so what many notices share is scanned once."""
    texts = []
    for clause in inputs.clauses:
        printed = [_without_placeholders(clause.body)]
        for name in placeholders_in(clause.body):
            if name == "partners":
                printed.append(partners_text)
            elif name in PLACEHOLDERS:
                printed.append(inputs.facts.get(name, ""))
        texts.append((clause.heading, printed))
    return texts


@lru_cache(maxsize=1024)
def _without_placeholders(body: str) -> str:
    return _PLACEHOLDER_RE.sub(" ", body)


def foreign_contacts(*, inputs: NoticeInputs, index: ContactIndex) -> list[str]:
    """Why the notice must not be published: each other school's detail it would print."""
    partners_text = " ".join(
        f"{partner.name} {partner.purpose} {partner.privacy_notice_url} {partner.school_note}"
        for partner in inputs.partners
    )
    errors: list[str] = []
    for heading, texts in _clause_texts(inputs, partners_text):
        seen: set[tuple[str, str]] = set()
        for contact in (contact for text in texts for contact in contacts_in(text)):
            others = index.others(contact, inputs.school_slug)
            if not others or (contact.kind, contact.key) in seen:
                continue
            seen.add((contact.kind, contact.key))
            errors.append(
                FOREIGN_CONTACT.format(
                    clause=heading,
                    kind=contact.kind,
                    value=contact.value,
                    other=" and ".join(others),
                    school=inputs.school_name,
                )
            )
    return errors
