"""Outdated law, terms and organisations named in a notice, found in one pass over its words."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from .result import Finding, Severity, TextSection
from .words import PhraseFinder, cached_words

OUTDATED_TERM = "outdated-term"
REPEALED_LAW = "repealed-law"
CLOSED_PARTNER = "closed-partner"

WRITE_INSTEAD = "Write “{replacement}” instead."
NO_REPLACEMENT = "Remove or reword it."
WRITTEN_UNDER_REPEALED_LAW = (
    "This notice was written under repealed law: rewrite it against the UK GDPR and the Data "
    "Protection Act 2018 (the clause library is), not term by term."
)
THE_WHOLE_NOTICE = "the whole notice"


@dataclass(frozen=True)
class TermEntry:
    term: str
    reason: str
    replacement: str
    since: date | None
    severity: str = Severity.WARNING
    check: str = OUTDATED_TERM
    is_law: bool = False


def _suggestion(entry: TermEntry) -> str:
    what = (
        WRITE_INSTEAD.format(replacement=entry.replacement) if entry.replacement else NO_REPLACEMENT
    )
    since = f" (since {entry.since:%-d %B %Y})" if entry.since else ""
    return f"{what} {entry.reason}{since}".strip()


@lru_cache(maxsize=8)
def _finder(entries: tuple[TermEntry, ...]) -> tuple[PhraseFinder, dict[str, TermEntry]]:
    by_term = {entry.term: entry for entry in entries}
    return PhraseFinder(by_term), by_term


def term_findings(
    *, sections: Sequence[TextSection], entries: Sequence[TermEntry]
) -> list[Finding]:
    """Each outdated term where it stands, with what to write instead; and, when the notice
    names repealed law, one finding saying so for the notice as a whole."""
    finder, by_term = _finder(tuple(entries))
    findings: list[Finding] = []
    laws: Counter[str] = Counter()
    for section in sections:
        text_words = cached_words(section.text)
        for hit in finder.find(text_words):
            entry = by_term[hit.key]
            found = section.text[text_words[hit.first].start : text_words[hit.last - 1].end]
            findings.append(
                Finding(entry.check, entry.severity, section.where, found, _suggestion(entry))
            )
            if entry.is_law:
                laws[entry.term] += 1
    if laws:
        named = "; ".join(
            term + (f" ({count} times)" if count > 1 else "") for term, count in laws.most_common()
        )
        findings.insert(
            0,
            Finding(
                REPEALED_LAW, Severity.ERROR, THE_WHOLE_NOTICE, named, WRITTEN_UNDER_REPEALED_LAW
            ),
        )
    return findings
