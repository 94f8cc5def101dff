"""Coverage judged from what a notice says: for each item of the ICO's right-to-be-informed
checklist, the sentence that covers it, so a DPO can check the call.

The items and the wording that shows each one are data (health/data/right_to_be_informed.toml).
"""

from __future__ import annotations

import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from .result import TextSection
from .sentences import sentences
from .words import PhraseFinder

CHECKLIST_FILE = Path(__file__).resolve().parent.parent / "data" / "right_to_be_informed.toml"


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    label: str
    article: str
    if_applicable: bool
    any: tuple[str, ...]
    all: tuple[tuple[str, ...], ...]
    unless: tuple[str, ...]
    headings: tuple[str, ...]  # phrases that count only in a section's heading


@dataclass(frozen=True)
class Coverage:
    item: str
    label: str
    covered: bool
    evidence: str  # the sentence that covers the item, '' when none does
    where: str  # the section that sentence is in
    if_applicable: bool

    def as_dict(self) -> dict[str, object]:
        return {"item": self.item, "covered": self.covered, "evidence": self.evidence}


@cache
def checklist() -> tuple[ChecklistItem, ...]:
    data = tomllib.loads(CHECKLIST_FILE.read_text(encoding="utf-8"))
    return tuple(
        ChecklistItem(
            key=entry["key"],
            label=entry["label"],
            article=entry["article"],
            if_applicable=entry["if_applicable"],
            any=tuple(entry.get("any", ())),
            all=tuple(tuple(group) for group in entry.get("all", ())),
            unless=tuple(entry.get("unless", ())),
            headings=tuple(entry.get("headings", ())),
        )
        for entry in data["item"]
    )


@cache
def _finder() -> PhraseFinder:
    phrases = set()
    for item in checklist():
        phrases.update(item.any, item.unless, item.headings, *item.all)
    return PhraseFinder(sorted(phrases))


def _score(
    item: ChecklistItem, found: set[str], heading: set[str], *, in_heading: bool = False
) -> int:
    """How strongly a sentence (with its heading) shows the item: 0 when it does not."""
    if found & set(item.unless):
        return 0
    score = len(found & set(item.any)) + (len(found & set(item.headings)) if in_heading else 0)
    if item.all:
        groups = [set(group) for group in item.all]
        if all(group & (found | heading) for group in groups) and any(
            group & found for group in groups
        ):
            score += sum(len(group & found) for group in groups)
    return score


def coverage_from_text(*, sections: Sequence[TextSection]) -> list[Coverage]:
    """Each checklist item with the best sentence covering it (ties: the first)."""
    finder = _finder()
    best: dict[str, tuple[int, str, str]] = {}
    for section in sections:
        heading = {hit.key for hit in finder.find_text(section.where)}
        section_sentences = sentences(section.text)
        if heading and section_sentences:
            for item in checklist():
                score = _score(item, heading, set(), in_heading=True)
                if score and score > best.get(item.key, (0, "", ""))[0]:
                    best[item.key] = (score, section_sentences[0], section.where)
        for sentence in section_sentences:
            found = {hit.key for hit in finder.find_text(sentence)}
            if not found:
                continue
            for item in checklist():
                score = _score(item, found, heading)
                if score and score > best.get(item.key, (0, "", ""))[0]:
                    best[item.key] = (score, sentence, section.where)
    return [
        Coverage(
            item=item.key,
            label=item.label,
            covered=item.key in best,
            evidence=best.get(item.key, (0, "", ""))[1],
            where=best.get(item.key, (0, "", ""))[2],
            if_applicable=item.if_applicable,
        )
        for item in checklist()
    ]
