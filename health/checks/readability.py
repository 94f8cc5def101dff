"""Plain language for parents: a reading age (Flesch-Kincaid grade + 5, from textstat) and the
longest sentences, which are usually the first to rewrite."""

from __future__ import annotations

from dataclasses import dataclass

import textstat

from .result import Finding, Severity
from .sentences import sentences
from .words import cached_words

HARD_TO_READ = "hard-to-read"
READING_AGE_TARGET = 14  # above this, many parents will struggle
LONG_SENTENCE_WORDS = 25  # GOV.UK: keep sentences to 25 words or fewer
LONGEST_SHOWN = 3
MIN_WORDS = 20  # fewer words than this give no meaningful reading age
US_GRADE_TO_AGE = 5

ABOVE_TARGET = "A reading age above {target}: shorten the longest sentences and use everyday words."


@dataclass(frozen=True)
class Readability:
    reading_age: int | None
    words: int
    longest: tuple[str, ...]  # the longest sentences, longest first

    def as_dict(self) -> dict[str, object]:
        return {"reading_age": self.reading_age, "words": self.words, "longest": list(self.longest)}


def readability(text: str) -> Readability:
    found = sentences(text)
    count = len(cached_words(text))
    by_length = sorted(found, key=lambda sentence: -len(sentence.split()))
    longest = tuple(s for s in by_length[:LONGEST_SHOWN] if len(s.split()) >= LONG_SENTENCE_WORDS)
    if count < MIN_WORDS:
        return Readability(None, count, longest)
    grade = textstat.flesch_kincaid_grade(
        " ".join(s if s[-1:] in ".!?" else s + "." for s in found)
    )
    return Readability(max(US_GRADE_TO_AGE, round(grade + US_GRADE_TO_AGE)), count, longest)


def readability_findings(*, score: Readability, where: str) -> list[Finding]:
    if score.reading_age is None or score.reading_age <= READING_AGE_TARGET:
        return []
    found = f"Reading age {score.reading_age}" + (
        f"; longest sentence: “{score.longest[0]}”" if score.longest else ""
    )
    return [
        Finding(
            HARD_TO_READ,
            Severity.INFO,
            where,
            found,
            ABOVE_TARGET.format(target=READING_AGE_TARGET),
        )
    ]
