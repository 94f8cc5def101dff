"""Comparing two wordings as a reader would: changed only when words change.

List markers, bullets, numbering, punctuation, quotes, case, spacing, line-end hyphenation and
page furniture are not changes (see words.py); what is left is diffed word by word.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from dataclasses import dataclass

from .words import Word, without_furniture, words

EQUAL, INSERT, DELETE = "equal", "insert", "delete"


@dataclass(frozen=True)
class Tokens:
    """A text's words with the (cleaned) text they point into, for showing them again."""

    text: str
    words: list[Word]

    @classmethod
    def read(cls, text: str) -> Tokens:
        cleaned = without_furniture(text)
        return cls(cleaned, words(cleaned))

    @property
    def norms(self) -> list[str]:
        return [word.norm for word in self.words]

    def show(self, first: int, last: int) -> str:
        """Words first..last as written, with the punctuation between them."""
        if first >= last:
            return ""
        return " ".join(self.text[self.words[first].start : self.words[last - 1].end].split())


def word_changes(old: Sequence[str], new: Sequence[str]) -> list[tuple[str, int, int, int, int]]:
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    return matcher.get_opcodes()


def diff_parts(old: Tokens, new: Tokens) -> list[tuple[str, str]]:
    """("equal" | "delete" | "insert", words as written): the old wording against the new."""
    parts: list[tuple[str, str]] = []
    for op, a1, a2, b1, b2 in word_changes(old.norms, new.norms):
        if op == EQUAL:
            parts.append((EQUAL, new.show(b1, b2)))
            continue
        if op in ("delete", "replace"):
            parts.append((DELETE, old.show(a1, a2)))
        if op in ("insert", "replace"):
            parts.append((INSERT, new.show(b1, b2)))
    return parts


def changed_parts(parts: Sequence[tuple[str, str]]) -> list[tuple[str, str]]:
    """Only what changed, in order: what a report shows first."""
    return [(op, text) for op, text in parts if op != EQUAL]


def same_words(old: str, new: str) -> bool:
    return Tokens.read(old).norms == Tokens.read(new).norms
