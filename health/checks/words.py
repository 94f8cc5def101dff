"""Words as a reader sees them: the one normaliser behind comparison, coverage and term checks.

Everything here runs in time linear in the text: a character scan, no backtracking patterns.
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

_HYPHENS = "-\u2010\u2011"  # hyphen-minus, hyphen, non-breaking hyphen
_JOINERS = {
    "'",
    "\u2019",
    "\u2018",
    "\u02bc",
    *_HYPHENS,
}  # inside a word: child's, well-known, e-mail
# Bounded quantifiers only: a list marker at the start of a line (1.  1.2  (3)  iv)  (a)).
_MARKER_RE = re.compile(
    r"^[ \t]*(?:\(?[0-9]{1,3}(?:\.[0-9]{1,3}){0,3}[.)]|[0-9]{1,3}(?:\.[0-9]{1,3}){1,3}"
    r"|\((?:[a-zA-Z]|[ivxIVX]{1,4})\)|(?:[a-z]|[ivx]{1,4})\))[ \t]+"
)
_PAGE_RE = re.compile(
    r"^[ \t]*(?:page[ \t]+)?[0-9]{1,4}(?:[ \t]*(?:of|/)[ \t]*[0-9]{1,4})?[ \t]*$", re.I
)
FURNITURE_REPEATS = 3  # a short line this often in a paginated text is a running header


@dataclass(frozen=True)
class Word:
    norm: str  # case-folded, joiners removed: what comparison looks at
    start: int  # offsets in the text it was read from
    end: int


# A run of letters and digits, joined across an apostrophe or hyphen inside the word. Linear:
# each repeated group starts with a joiner, which the word characters before it cannot take.
_WORD_RE = re.compile(r"[^\W_]+(?:['\u2019\u2018\u02bc\-\u2010\u2011][^\W_]+)*")
_STRIP_JOINERS = str.maketrans("", "", "".join(_JOINERS))


def words(text: str) -> list[Word]:
    """Runs of letters and digits; apostrophes and hyphens inside a word join it, digit groups
    separated by single spaces (a phone number) are one word, everything else separates."""
    found: list[Word] = []
    for match in _WORD_RE.finditer(text):
        start, end = match.span()
        norm = match.group(0).translate(_STRIP_JOINERS).casefold()
        if found and norm.isdigit():
            previous = found[-1]
            if previous.norm.isdigit() and text[previous.end : start] == " ":
                found[-1] = Word(previous.norm + norm, previous.start, end)
                continue
        found.append(Word(norm, start, end))
    return found


@lru_cache(maxsize=8192)
def cached_words(text: str) -> tuple[Word, ...]:
    """words(), remembered: the checks read the same sentences several times."""
    return tuple(words(text))


def without_furniture(text: str) -> str:
    """The text without what a page adds: page numbers, running headers and footers, list
    markers at the start of a line, and words hyphenated across a line end."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    paginated = "\f" in text or any(_PAGE_RE.match(line) for line in lines if line.strip())
    counts: dict[str, int] = {}
    if paginated:
        for line in lines:
            key = " ".join(line.split()).casefold()
            if key and len(key) <= 80:
                counts[key] = counts.get(key, 0) + 1
    kept: list[str] = []
    for line in lines:
        line = line.replace("\f", "")
        key = " ".join(line.split()).casefold()
        if key and (_PAGE_RE.match(line) or counts.get(key, 0) >= FURNITURE_REPEATS):
            continue
        line = _MARKER_RE.sub("", line, count=1)
        if kept and _hyphenated(kept[-1], line):
            kept[-1] = kept[-1].rstrip()[:-1] + line.lstrip()
        else:
            kept.append(line)
    return "\n".join(kept)


def _hyphenated(previous: str, line: str) -> bool:
    previous = previous.rstrip()
    line = line.lstrip()
    return (
        len(previous) > 1
        and previous[-1] in _HYPHENS
        and previous[-2].isalpha()
        and bool(line)
        and line[0].islower()
    )


def comparable_words(text: str) -> list[Word]:
    """The words a reader would compare: no markers, bullets, punctuation, quotes, case,
    spacing, line-end hyphenation or page furniture."""
    return words(without_furniture(text))


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """A looser form for finding terms: plurals and accents folded (assessments ~ assessment)."""
    if not word.isascii():
        word = unicodedata.normalize("NFKD", word)
        word = "".join(char for char in word if not unicodedata.combining(char))
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    return word


def folded(text: str) -> list[str]:
    return [fold(word.norm) for word in words(text)]


def _haystack(text_words: tuple[Word, ...]) -> tuple[tuple[int, ...], str]:
    """The folded words joined by single spaces (and one at each end), with where each starts."""
    starts: list[int] = []
    parts: list[str] = []
    position = 1
    for word in text_words:
        starts.append(position)
        form = fold(word.norm)
        parts.append(form)
        position += len(form) + 1
    return tuple(starts), " " + " ".join(parts) + " "


@lru_cache(maxsize=8192)
def _text_haystack(text: str) -> tuple[tuple[int, ...], str]:
    return _haystack(cached_words(text))


@dataclass(frozen=True)
class Hit:
    key: str  # the phrase as it was added
    first: int  # index of its first word in the text's words
    last: int  # index after its last word


class PhraseFinder:
    """Finds whole-word phrases in a text in one pass (Aho-Corasick over folded words)."""

    def __init__(self, phrases: Iterable[str]) -> None:
        self._automaton = ahocorasick.Automaton()
        self._size = 0
        for phrase in phrases:
            key = " ".join(folded(phrase))
            if key:
                self._automaton.add_word(f" {key} ", (phrase, key.count(" ") + 1))
                self._size += 1
        if self._size:
            self._automaton.make_automaton()

    def find(self, text_words: Sequence[Word]) -> list[Hit]:
        if not self._size or not text_words:
            return []
        return self._search(*_haystack(tuple(text_words)))

    def find_text(self, text: str) -> list[Hit]:
        """Hits in a text, its words read once however many finders look at it."""
        if not self._size:
            return []
        return self._search(*_text_haystack(text))

    def _search(self, starts: tuple[int, ...], haystack: str) -> list[Hit]:
        hits: list[Hit] = []
        for end, (phrase, length) in self._automaton.iter(haystack):
            # `end` is the index of the closing space; the last word starts before it.
            last_index = bisect.bisect_right(starts, end - 1) - 1
            hits.append(Hit(phrase, last_index - length + 1, last_index + 1))
        return hits

    def find_in(self, text: str) -> list[Hit]:
        return self.find(words(text))
