"""Contact facts: public bodies' published contacts, phone numbers that cannot be dialled, a
school's details that are really the regulator's, and one DPO written several ways."""

from __future__ import annotations

import re
import tomllib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import phonenumbers

from .result import Finding, Severity, TextSection
from .sentences import sentences
from .words import PhraseFinder

BODIES_FILE = Path(__file__).resolve().parent.parent / "data" / "public_bodies.toml"

REGULATOR_PHONE = "regulator-phone"
INVALID_PHONE = "invalid-phone"
DPO_VARIANTS = "dpo-variants"

RECORD_IS_BODYS = "This is the published {what} of {body}, not the school's or the DPO's own."
RECORD_FIX = "Enter the {owner}'s own {what} in its record."
UNNAMED_BODY_PHONE = (
    "{number} is the published number of the {body}, but the text around it does not name "
    "them: if it is meant as the school's or the DPO's, give theirs."
)
NAMED_WITHIN = 8  # sentences (or address lines) before a number that may name whose it is
NOT_A_UK_PHONE = "Not a valid UK phone number: check the digits (UK numbers have 10 or 11)."
DPO_WRITTEN_SEVERAL_WAYS = (
    "Write the DPO's details one way everywhere: use {{ dpo.phone }} and {{ dpo.email }}, "
    "kept once in the DPO's record."
)

_EMAIL_RE = re.compile(r"[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,8}")
# Bounded: a UK-looking number, 0… or +44…, up to 20 characters of digits and separators.
_PHONE_RE = re.compile(r"(?<![\w+])(?:\+44[ \t]?(?:\(0\)[ \t]?)?|\(?0)[0-9][0-9 \t()-]{7,17}[0-9]")
_DPO_WORDS = ("data protection officer", "dpo")


@dataclass(frozen=True)
class PublicBody:
    key: str
    name: str
    names: tuple[str, ...]
    regulator: bool
    phones: frozenset[str]  # E.164
    emails: frozenset[str]  # lower case
    hosts: tuple[str, ...]


def e164(value: str) -> str | None:
    """The number in E.164 if it is a valid phone number (read as British when no +)."""
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return None
    if not phonenumbers.is_valid_number(number):
        return None
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


@cache
def public_bodies() -> tuple[PublicBody, ...]:
    data = tomllib.loads(BODIES_FILE.read_text(encoding="utf-8"))
    return tuple(
        PublicBody(
            key=entry["key"],
            name=entry["name"],
            names=tuple(entry["names"]),
            regulator=entry["regulator"],
            phones=frozenset(filter(None, (e164(phone) for phone in entry["phones"]))),
            emails=frozenset(email.lower() for email in entry["emails"]),
            hosts=tuple(entry["hosts"]),
        )
        for entry in data["body"]
    )


def body_for_phone(value: str) -> PublicBody | None:
    number = e164(value)
    return next((b for b in public_bodies() if number and number in b.phones), None)


def body_for_email(value: str) -> PublicBody | None:
    email = value.strip().rstrip(".").lower()
    return next((b for b in public_bodies() if email in b.emails), None)


def emails_in(text: str) -> list[str]:
    return [match.group(0).rstrip(".") for match in _EMAIL_RE.finditer(text)]


def phones_in(text: str) -> list[str]:
    return [match.group(0).strip() for match in _PHONE_RE.finditer(text)]


@cache
def _names_finder() -> PhraseFinder:
    return PhraseFinder({name for body in public_bodies() for name in (body.name, *body.names)})


def record_findings(*, facts: dict[str, str]) -> list[Finding]:
    """A school's or DPO's own phone or email that is a public body's published one."""
    findings: list[Finding] = []
    for name, owner, what in (
        ("school.phone", "school", "phone"),
        ("school.email", "school", "email"),
        ("school.data_request_email", "school", "email"),
        ("dpo.phone", "DPO", "phone"),
        ("dpo.email", "DPO", "email"),
    ):
        value = facts.get(name, "")
        if not value:
            continue
        body = body_for_phone(value) if what == "phone" else body_for_email(value)
        if body is not None:
            findings.append(
                Finding(
                    check=REGULATOR_PHONE,
                    severity=Severity.ERROR,
                    where=f"The {owner}'s record ({name})",
                    found=f"{value}: " + RECORD_IS_BODYS.format(what=what, body=body.name),
                    suggestion=RECORD_FIX.format(owner=owner, what=what),
                )
            )
    return findings


def text_findings(*, sections: Sequence[TextSection]) -> list[Finding]:
    """Numbers that are not valid UK phones, and public bodies' numbers given without naming
    the body (a DPO's phone that is really the ICO's helpline)."""
    findings: list[Finding] = []
    finder = _names_finder()
    for section in sections:
        section_sentences = sentences(section.text)
        for index, sentence in enumerate(section_sentences):
            numbers = phones_in(sentence)
            if not numbers:
                continue
            context = " ".join(
                [section.where, *section_sentences[max(0, index - NAMED_WITHIN) : index + 1]]
            )
            named = {hit.key for hit in finder.find_text(context)}
            for raw in numbers:
                if e164(raw) is None:
                    findings.append(
                        Finding(INVALID_PHONE, Severity.WARNING, section.where, raw, NOT_A_UK_PHONE)
                    )
                    continue
                body = body_for_phone(raw)
                if body is not None and not named & {body.name, *body.names}:
                    findings.append(
                        Finding(
                            REGULATOR_PHONE,
                            Severity.WARNING,
                            section.where,
                            raw,
                            UNNAMED_BODY_PHONE.format(number=raw, body=body.name),
                        )
                    )
    return findings


def stale_facts(*, text: str, facts: dict[str, str], library_text: str) -> list[dict[str, str]]:
    """Emails and phones in an old notice that are neither the school's record, nor in the
    library's own wording, nor a public body's published contact (such as the ICO's)."""
    stale: list[dict[str, str]] = []
    library_emails = {email.lower() for email in emails_in(library_text)}
    library_phones = set(filter(None, (e164(raw) for raw in phones_in(library_text))))
    known_emails: dict[str, str] = {}  # value -> field; the school's own first
    for name in ("school.email", "school.data_request_email", "dpo.email"):
        if facts.get(name):
            known_emails.setdefault(facts[name].lower(), name)
    for email in dict.fromkeys(emails_in(text)):
        lower = email.lower()
        if not known_emails or lower in known_emails or lower in library_emails:
            continue
        if body_for_email(email) is not None:
            continue
        field = _replaced_field(email, list(known_emails.values()), facts, text, library_text)
        stale.append({"field": field, "found": email, "expected": facts[field]})
    known_phones: dict[str, str] = {}
    for name in ("school.phone", "dpo.phone"):
        if facts.get(name) and (number := e164(facts[name])):
            known_phones.setdefault(number, name)
    seen: set[str] = set()
    for raw in phones_in(text):
        number = e164(raw)
        if not known_phones or number is None or number in seen:
            continue
        seen.add(number)
        if number in known_phones or number in library_phones or body_for_phone(raw):
            continue
        field = next(iter(known_phones.values()))
        stale.append({"field": field, "found": raw, "expected": facts[field]})
    return stale


def _replaced_field(
    found: str, fields: list[str], facts: dict[str, str], text: str, library_text: str
) -> str:
    """Which fact the found value stands in for: one the library shows and the old text lacks,
    else the one sharing most of its spelling."""
    absent = [n for n in fields if facts[n] in library_text and facts[n] not in text] or fields

    def shared(name: str) -> int:
        return len(set(found.lower()) & set(facts[name].lower()))

    return max(absent, key=shared)


@dataclass(frozen=True)
class _Mention:
    source: str  # which notice or record
    phones: tuple[str, ...]  # as written
    emails: tuple[str, ...]


DpoMention = tuple[tuple[str, ...], tuple[str, ...]]  # (phones, emails) as written


def dpo_mentions(*, sections: Sequence[TextSection]) -> list[DpoMention]:
    """The phones and emails given in each sentence that names the DPO (public bodies' aside)."""
    finder = PhraseFinder(_DPO_WORDS)
    mentions: list[DpoMention] = []
    for section in sections:
        for sentence in sentences(section.text):
            if not finder.find_text(sentence):
                continue
            phones = tuple(p for p in phones_in(sentence) if e164(p) and not body_for_phone(p))
            emails = tuple(e for e in emails_in(sentence) if not body_for_email(e))
            if phones or emails:
                mentions.append((phones, emails))
    return mentions


def dpo_variants(
    *,
    notices: Iterable[tuple[str, Sequence[DpoMention]]],
    records: Iterable[tuple[str, str, str]] = (),
) -> list[Finding]:
    """Across the authority, one DPO written several ways (phone formats, different emails),
    reported once with the variants. `notices` are (label, mentions) of each notice; `records`
    are (label, phone, email) of DPO records."""
    mentions: list[_Mention] = [
        _Mention(label, (phone,) if phone else (), (email,) if email else ())
        for label, phone, email in records
    ]
    for label, found in notices:
        mentions.extend(_Mention(label, tuple(phones), tuple(emails)) for phones, emails in found)
    parent: dict[str, str] = {}

    def root(node: str) -> str:
        while parent.setdefault(node, node) != node:
            parent[node] = parent[parent[node]]
            node = parent[node]
        return node

    for mention in mentions:
        nodes = [f"p:{e164(p)}" for p in mention.phones] + [
            f"e:{e.lower()}" for e in mention.emails
        ]
        for node in nodes[1:]:
            parent[root(node)] = root(nodes[0])
        for node in nodes[:1]:
            root(node)
    groups: dict[str, list[_Mention]] = defaultdict(list)
    for mention in mentions:
        nodes = [f"p:{e164(p)}" for p in mention.phones] + [
            f"e:{e.lower()}" for e in mention.emails
        ]
        if nodes:
            groups[root(nodes[0])].append(mention)
    findings: list[Finding] = []
    for group in groups.values():
        phones = list(dict.fromkeys(p for m in group for p in m.phones))
        emails = list(dict.fromkeys(e for m in group for e in m.emails))
        distinct_emails = {e.lower() for e in emails}
        if len(phones) < 2 and len(distinct_emails) < 2:
            continue
        sources = list(dict.fromkeys(m.source for m in group))
        findings.append(
            Finding(
                check=DPO_VARIANTS,
                severity=Severity.WARNING,
                where=", ".join(sources),
                found="; ".join(filter(None, [", ".join(phones), ", ".join(emails)])),
                suggestion=DPO_WRITTEN_SEVERAL_WAYS,
            )
        )
    return findings
