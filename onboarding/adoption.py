"""Adopting a school's existing notice: how far it has drifted from the clause library.

The existing notice and the library (each clause rendered for the school) are compared as plain
paragraphs. Each clause is matched to the run of paragraphs most like it; what no clause matches
is a local addition. Emails and phone numbers in the old text that differ from the school's
record are stale facts.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import asdict, dataclass, field

import phonenumbers

from clauses.models import Art13Item, Clause
from notices.diff import word_diff
from notices.models import NoticeType, SchoolNotice
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.publishing.rendering import ICO, render_sections
from onboarding.documents import html_to_text, normalise_space
from onboarding.reader import Block, Document, read_plain

IDENTICAL = "identical"
CHANGED = "changed"
MISSING = "missing"
MATCH_THRESHOLD = 0.6  # below this, a clause is missing rather than changed
_EMAIL_RE = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


@dataclass
class ClauseReport:
    key: str
    title: str
    status: str
    version: int
    similarity: float
    diff: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class AdoptionReport:
    school: str
    notice_type: str
    clauses: list[ClauseReport]
    local_additions: list[str]
    art13_missing: list[str]
    stale_facts: list[dict[str, str]]

    def as_dict(self) -> dict:
        return asdict(self)

    def counts(self) -> dict[str, int]:
        return {
            status: sum(1 for clause in self.clauses if clause.status == status)
            for status in (IDENTICAL, CHANGED, MISSING)
        }


def _similarity(a: str, b: str) -> float:
    return difflib.SequenceMatcher(a=a.split(), b=b.split(), autojunk=False).ratio()


@dataclass(frozen=True)
class _Document:
    """The old notice as one run of words, with the paragraph each word belongs to.

    Matching runs on words, not paragraphs, so it works whatever the layout: a PDF's text comes
    out with line breaks where paragraphs were.
    """

    words: list[str]
    paragraph_of: list[int]
    paragraphs: list[Block]

    @classmethod
    def read(cls, document: Document) -> _Document:
        words: list[str] = []
        paragraph_of: list[int] = []
        paragraphs = [block for block in document.blocks if not block.is_heading]
        for index, block in enumerate(paragraphs):
            block_words = block.text.split()
            words.extend(block_words)
            paragraph_of.extend([index] * len(block_words))
        return cls(words, paragraph_of, paragraphs)


def _best_window(
    matcher: difflib.SequenceMatcher, clause_words: list[str], document: _Document
) -> tuple[float, int, int]:
    """The stretch of the document most like the clause: (similarity, start, end) in words."""
    matcher.set_seq1(clause_words)
    anchor = max(matcher.get_matching_blocks(), key=lambda block: block.size)
    if anchor.size == 0:
        return 0.0, 0, 0
    size = len(document.words)
    slack = max(3, len(clause_words) // 5)
    start = max(0, anchor.b - anchor.a)
    end = min(size, start + len(clause_words))

    def score(first: int, last: int) -> float:
        window = document.words[first:last]
        return difflib.SequenceMatcher(a=clause_words, b=window, autojunk=False).ratio()

    # Slide each edge in turn rather than trying every pair: two passes find the best fit.
    best = score(start, end)
    for _ in range(2):
        for last in range(max(start + 1, end - slack), min(size, end + slack) + 1):
            if (candidate := score(start, last)) > best:
                best, end = candidate, last
        for first in range(max(0, start - slack), min(end, start + slack)):
            if (candidate := score(first, end)) > best:
                best, start = candidate, first
    return best, start, end


def notice_adopt(
    *, school_notice: SchoolNotice, text: str = "", source: Document | None = None
) -> AdoptionReport:
    """Compare an existing notice (a read document, or plain text) with the library rendered
    for the school."""
    source = source if source is not None else read_plain(text)
    text = source.text()
    school_notice = school_notices_for_publishing([school_notice.pk]).get()
    inputs = InputsBuilder().build(school_notice)
    sections = render_sections(inputs)
    document = _Document.read(source)
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(document.words)
    covered: set[int] = set()
    reports: list[ClauseReport] = []
    for clause, section in zip(inputs.clauses, sections, strict=True):
        clause_words = html_to_text(section.html).split()
        score, start, end = _best_window(matcher, clause_words, document)
        found = document.words[start:end]
        if score >= MATCH_THRESHOLD:
            covered.update(range(start, end))
            status = IDENTICAL if found == clause_words else CHANGED
            diff = [] if status == IDENTICAL else word_diff(" ".join(clause_words), " ".join(found))
        else:
            status, diff = MISSING, []
        reports.append(
            ClauseReport(
                key=clause.key,
                title=clause.heading,
                status=status,
                version=clause.version_number,
                similarity=round(score, 3),
                diff=diff,
            )
        )
    return AdoptionReport(
        school=school_notice.school.slug,
        notice_type=school_notice.notice_type.slug,
        clauses=reports,
        local_additions=_local_additions(document, covered, inputs.clauses),
        art13_missing=_art13_missing(school_notice.notice_type, reports),
        stale_facts=stale_facts(
            text=text,
            facts=inputs.facts,
            # The regulator's contacts are printed beside the school's at the top of every notice.
            library_text=" ".join(
                [*(html_to_text(section.html) for section in sections), ICO["phone"]]
            ),
        ),
    )


def _local_additions(document: _Document, covered: set[int], clauses) -> list[str]:  # type: ignore[no-untyped-def]
    """Paragraphs most of whose words no clause accounts for (clause headings aside)."""
    headings = {normalise_space(clause.heading).lower() for clause in clauses}
    uncovered = [0] * len(document.paragraphs)
    for position, paragraph in enumerate(document.paragraph_of):
        if position not in covered:
            uncovered[paragraph] += 1
    return [
        block.text
        for index, block in enumerate(document.paragraphs)
        if uncovered[index] > len(block.text.split()) / 2
        and normalise_space(block.text).lower() not in headings
    ]


def _art13_missing(notice_type: NoticeType, reports: list[ClauseReport]) -> list[str]:
    present = {r.key for r in reports if r.status != MISSING}
    covered = {
        item for clause in Clause.objects.filter(key__in=present) for item in clause.art13_items
    }
    skipped = set(notice_type.not_applicable_items)
    return [item.value for item in Art13Item if item not in covered and item not in skipped]


EMAIL_FIELDS = ["school.email", "school.data_request_email", "dpo.email"]
PHONE_FIELDS = ["school.phone", "dpo.phone"]


def stale_facts(*, text: str, facts: dict[str, str], library_text: str) -> list[dict[str, str]]:
    """Emails and phone numbers in the old text that are neither the school's record nor in
    the library's own wording (such as the ICO's helpline)."""
    stale: list[dict[str, str]] = []
    library_emails = {m.group(0).rstrip(".").lower() for m in _EMAIL_RE.finditer(library_text)}
    library_phones = {
        phonenumbers.format_number(m.number, phonenumbers.PhoneNumberFormat.E164)
        for m in phonenumbers.PhoneNumberMatcher(library_text, "GB")
    }
    known_emails: dict[str, str] = {}  # value -> field; the school's own first
    for name in EMAIL_FIELDS:
        if facts.get(name):
            known_emails.setdefault(facts[name].lower(), name)
    for email in dict.fromkeys(m.group(0).rstrip(".") for m in _EMAIL_RE.finditer(text)):
        if email.lower() in known_emails.keys() | library_emails or not known_emails:
            continue
        field_name = _replaced_field(email, list(known_emails.values()), facts, text, library_text)
        stale.append({"field": field_name, "found": email, "expected": facts[field_name]})
    known_phones: dict[str, str] = {}
    for name in PHONE_FIELDS:
        if facts.get(name):
            known_phones.setdefault(_e164(facts[name]), name)
    seen: set[str] = set()
    for match in phonenumbers.PhoneNumberMatcher(text, "GB"):
        number = phonenumbers.format_number(match.number, phonenumbers.PhoneNumberFormat.E164)
        if number in known_phones or number in library_phones or number in seen or not known_phones:
            continue
        seen.add(number)
        field_name = next(iter(known_phones.values()))
        stale.append(
            {"field": field_name, "found": match.raw_string, "expected": facts[field_name]}
        )
    return stale


def _replaced_field(
    found: str, fields: list[str], facts: dict[str, str], text: str, library_text: str
) -> str:
    """Which fact the found value stands in for: one the library shows and the old text lacks,
    else the likeliest by spelling."""
    absent = [n for n in fields if facts[n] in library_text and facts[n] not in text] or fields
    return max(absent, key=lambda name: _similarity(" ".join(found), " ".join(facts[name])))


def _e164(value: str) -> str:
    try:
        number = phonenumbers.parse(value, "GB")
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
