"""Adopting a school's existing notice: how far it has drifted from the clause library.

The existing notice and the library (each clause rendered for the school) are compared as runs
of words, as a reader would compare them: bullets, numbering, punctuation, quotes, spacing,
hyphenation and page furniture are not changes (health.checks.compare). Each clause is matched
to the stretch of the old notice most like it; what no clause matches is a local addition. The
old notice also gets the health checks: coverage from its own text, outdated law and terms,
contact facts (stale ones are the school's, never a public body's) and reading age.
"""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass, field

from health.checks import TextSection, notice_health
from health.checks.compare import Tokens, changed_parts, diff_parts
from health.checks.contacts import stale_facts
from health.checks.words import Word
from health.services import term_entries
from notices.models import SchoolNotice
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.publishing.rendering import ICO, render_sections
from onboarding.documents import html_to_text, normalise_space
from onboarding.reader import Block, Document, read_plain

IDENTICAL = "identical"
CHANGED = "changed"
MISSING = "missing"
MATCH_THRESHOLD = 0.6  # below this, a clause is missing rather than changed
START_OF_NOTICE = "the start of the notice"


@dataclass
class ClauseReport:
    key: str
    title: str
    status: str
    version: int
    similarity: float
    diff: list[tuple[str, str]] = field(default_factory=list)

    @property
    def changed(self) -> list[tuple[str, str]]:
        """The changed words alone, shown before the whole diff."""
        return changed_parts(self.diff)


@dataclass
class AdoptionReport:
    school: str
    notice_type: str
    clauses: list[ClauseReport]
    local_additions: list[str]
    art13_missing: list[str]
    stale_facts: list[dict[str, str]]
    health: list[dict[str, str]] = field(default_factory=list)
    coverage: list[dict[str, object]] = field(default_factory=list)

    def as_dict(self) -> dict:
        return asdict(self)

    def counts(self) -> dict[str, int]:
        return {
            status: sum(1 for clause in self.clauses if clause.status == status)
            for status in (IDENTICAL, CHANGED, MISSING)
        }


@dataclass(frozen=True)
class _Document:
    """The old notice as one run of words, with the paragraph each word belongs to.

    Matching runs on words, not paragraphs, so it works whatever the layout: a PDF's text comes
    out with line breaks where paragraphs were.
    """

    tokens: Tokens
    paragraph_of: list[int]
    paragraphs: list[Block]

    @property
    def words(self) -> list[str]:
        return self.tokens.norms

    @classmethod
    def read(cls, document: Document) -> _Document:
        paragraphs = list(document.blocks)
        joined = "\n\n".join(block.text for block in paragraphs)
        tokens = Tokens(joined, [])
        paragraph_of: list[int] = []
        offset = 0
        all_words: list[Word] = []
        for index, block in enumerate(paragraphs):
            for word in Tokens.read(block.text).words:
                all_words.append(Word(word.norm, word.start + offset, word.end + offset))
                paragraph_of.append(index)
            offset += len(block.text) + 2
        tokens.words.extend(all_words)
        return cls(tokens, paragraph_of, paragraphs)

    def sections(self) -> list[TextSection]:
        """Headings with the paragraphs under them, for the health checks."""
        sections: list[TextSection] = []
        heading, body, links = START_OF_NOTICE, [], []
        for block in self.paragraphs:
            if block.is_heading:
                if body:
                    sections.append(TextSection(heading, "\n\n".join(body), tuple(links)))
                heading, body, links = block.text, [], []
            else:
                body.append(("- " if block.is_item else "") + block.text)
            links.extend(link.target for link in block.links)
        if body:
            sections.append(TextSection(heading, "\n\n".join(body), tuple(links)))
        return sections


def document_sections(text: str) -> list[TextSection]:
    """An outside document as headings with their text, as the health checks read it."""
    return _Document.read(read_plain(text)).sections()


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
        clause_tokens = Tokens.read(html_to_text(section.html))
        clause_words = clause_tokens.norms
        score, start, end = _best_window(matcher, clause_words, document)
        found = document.words[start:end]
        if score >= MATCH_THRESHOLD:
            covered.update(range(start, end))
            status = IDENTICAL if found == clause_words else CHANGED
            diff = [] if status == IDENTICAL else _window_diff(clause_tokens, document, start, end)
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
    not_applicable = set(school_notice.notice_type.not_applicable_items)
    health = notice_health(
        sections=document.sections(),
        terms=term_entries(),
        facts=inputs.facts,
        not_applicable=not_applicable,
    )
    return AdoptionReport(
        school=school_notice.school.slug,
        notice_type=school_notice.notice_type.slug,
        clauses=reports,
        local_additions=_local_additions(document, covered, inputs.clauses),
        art13_missing=[
            c.item for c in health.coverage if not c.covered and c.item not in not_applicable
        ],
        stale_facts=stale_facts(
            text=text,
            facts=inputs.facts,
            # The regulator's contacts are printed beside the school's at the top of every notice.
            library_text=" ".join(
                [*(html_to_text(section.html) for section in sections), ICO["phone"]]
            ),
        ),
        health=[finding.as_dict() for finding in health.findings],
        coverage=[c.as_dict() for c in health.coverage],
    )


def _window_diff(
    clause: Tokens, document: _Document, start: int, end: int
) -> list[tuple[str, str]]:
    window = Tokens(document.tokens.text, document.tokens.words[start:end])
    return diff_parts(clause, window)


def _local_additions(document: _Document, covered: set[int], clauses) -> list[str]:  # type: ignore[no-untyped-def]
    """Paragraphs most of whose words no clause accounts for (headings aside)."""
    headings = {normalise_space(clause.heading).lower() for clause in clauses}
    uncovered = [0] * len(document.paragraphs)
    for position, paragraph in enumerate(document.paragraph_of):
        if position not in covered:
            uncovered[paragraph] += 1
    return [
        block.text
        for index, block in enumerate(document.paragraphs)
        if not block.is_heading
        and uncovered[index] > len(block.text.split()) / 2
        and normalise_space(block.text).lower() not in headings
    ]
