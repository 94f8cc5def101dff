"""Sentences of a notice, for evidence, complaints and reading age: a linear scan, no regex."""

from __future__ import annotations

from functools import lru_cache

# Bullets, dashes and boxes that start a list item.
_BULLETS = set(
    "-*+\u2022\u25cf\u25aa\u25e6\u00b7\u2023\u2043\u2013\u2014\u25cb\u25a0\u25a1\u2610\u2713"
)
_ABBREVIATIONS = {
    "e.g",
    "i.e",
    "etc",
    "mr",
    "mrs",
    "ms",
    "dr",
    "st",
    "no",
    "vs",
    "cf",
    "inc",
    "ltd",
}


def paragraphs(text: str) -> list[str]:
    """Blank lines separate paragraphs; a line starting with a bullet or number starts one."""
    result: list[str] = []
    current: list[str] = []
    for raw in text.replace("\r\n", "\n").split("\n"):
        line = raw.strip()
        starts_item = bool(line) and (
            line[0] in _BULLETS or (line[0].isdigit() and ". " in line[:5])
        )
        if not line or starts_item:
            if current:
                result.append(" ".join(current))
            current = []
        if line:
            current.append(line.lstrip("".join(_BULLETS)).strip() if starts_item else line)
    if current:
        result.append(" ".join(current))
    return [paragraph for paragraph in result if paragraph]


_INLINE_BULLETS = (" • ", " ● ", " ▪ ", " ◦ ")


def _items(paragraph: str) -> list[str]:
    """A paragraph whose list items were run together (• a • b) split back into items."""
    parts = [paragraph]
    for bullet in _INLINE_BULLETS:
        parts = [piece for part in parts for piece in part.split(bullet)]
    return [part.strip() for part in parts if part.strip()]


@lru_cache(maxsize=2048)
def sentences(text: str) -> tuple[str, ...]:
    """The sentences of a text (list items and lines that are items count as sentences);
    remembered, as every check reads them."""
    found: list[str] = []
    for paragraph in (item for p in paragraphs(text) for item in _items(p)):
        start = 0
        size = len(paragraph)
        for i, char in enumerate(paragraph):
            if char not in ".!?" or i + 2 >= size or paragraph[i + 1] != " ":
                continue
            following = paragraph[i + 2]
            if not (following.isupper() or following.isdigit() or following in "\u201c\u2018\"'("):
                continue
            word = paragraph[start:i].rsplit(" ", 1)[-1].casefold()
            if char == "." and (word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())):
                continue
            found.append(paragraph[start : i + 1].strip())
            start = i + 2
        tail = paragraph[start:].strip()
        if tail:
            found.append(tail)
    return tuple(found)
