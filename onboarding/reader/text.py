"""Plain lines to structure: headings, paragraphs and list items found from the text itself.

Used for plain text and for the lines a PDF yields. Whatever the line-break layout (a blank line
between paragraphs, one line per paragraph as Word's "Save as Plain Text" writes, or lines
wrapped at a margin as PDFs and copies pasted from them have), a line continues the paragraph
before it only when the text says so: it starts in lower case, the line before was cut at the
margin mid-sentence, or the layout puts blank lines between paragraphs. Headings are short lines
without closing punctuation that start with a capital or a section number and are followed by
text. Every regular expression here is anchored and bounded: linear in the line's length.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from markdown_it import MarkdownIt

from onboarding.reader.errors import EMPTY, MAX_LINES, TOO_MANY_LINES, ReaderError
from onboarding.reader.structure import (
    LINK_WITHOUT_TARGET,
    TITLE,
    WORD_HEADER_FOOTER,
    Block,
    Document,
    Kind,
    Link,
    NotImported,
)

_BULLET_RE = re.compile(r"(?:[-*•●▪◦‣·\u2013o]|\(?[a-z]\)|\([ivx]{1,4}\))\s+")
_NUMBER_RE = re.compile(r"(\d{1,3}(?:\.\d{1,3}){0,3})[.)]?\s+")
_TERMINAL = (".", "!", "?", ":", ";")
_POSTCODE_RE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b")
_CLOSERS = "\"')]\u201d\u2019"
_MAX_HEADING_CHARS = 120
_MAX_HEADING_WORDS = 15
# A line ending in an article or conjunction was cut mid-sentence, and so is a long one ending
# in a preposition; neither is a heading ("Who we share it with" is).
_OPEN_ENDINGS = frozenset({"a", "an", "and", "the", "of", "or", "our", "your", "their"})
_PREPOSITIONS = frozenset({"as", "at", "by", "for", "from", "in", "on", "to", "with", "about"})
_HYPHENS = ("-", "\u2010", "\u00ad")


@dataclass(frozen=True)
class Line:
    text: str
    gap_before: bool = False
    # True when the type sets the line apart (larger or bold), False when it is body type,
    # None when the source has no type (plain text).
    emphasis: bool | None = None
    links: tuple[Link, ...] = ()
    level: int = 0  # a list item's nesting, where the source says


@dataclass
class _Unit:
    kind: Kind
    lines: list[str]
    gap_before: bool
    emphasis: bool | None
    level: int = 0
    number: str = ""
    links: list[Link] = field(default_factory=list)

    @property
    def text(self) -> str:
        text = self.lines[0]
        for line in self.lines[1:]:
            text = _join(text, line)
        return text


@dataclass
class _Layout:
    wrap: int  # the width lines were cut at, in characters (large when they were not)
    blank_lines: bool  # paragraphs are set apart by blank lines (or space, in a PDF)
    has_emphasis: bool  # the source says which lines are set apart by type
    every_line_apart: bool = False  # each line is a paragraph (a Word or ODT file's, a page's)
    units: list[_Unit] = field(default_factory=list)


def _ends_open(text: str) -> bool:
    return not text.rstrip(_CLOSERS).endswith(_TERMINAL)


def _starts_lower(text: str) -> bool:
    first = text.lstrip(_CLOSERS + "(\u201c\u2018")[:1]
    return first.islower()


def _hyphenated(text: str) -> bool:
    return len(text) > 2 and text.endswith(_HYPHENS) and text[-2].isalpha()


def heading_like(text: str) -> bool:
    """Short, capitalised, without closing punctuation (a question may be a heading)."""
    body = _NUMBER_RE.sub("", text, count=1) if _NUMBER_RE.match(text) else text
    words = body.split()
    if not words or len(text) > _MAX_HEADING_CHARS or len(words) > _MAX_HEADING_WORDS:
        return False
    first = body.lstrip("\u201c\u2018\"'(")[:1]
    if not (first.isupper() or first.isdigit()):
        return False
    stripped = body.rstrip(_CLOSERS)
    if stripped.endswith((".", ",", ";", ":", "!")) or body.isdigit():
        return False
    if stripped.endswith("?") and len(words) > 12:
        return False
    last = words[-1].lower()
    if last in _OPEN_ENDINGS or (last in _PREPOSITIONS and len(words) >= 9) or ". " in body:
        return False
    # Not a label and its value, nor a contact line.
    return not (": " in body or "@" in body or "http" in body.lower() or "www." in body.lower())


def _merged(links: list[Link]) -> tuple[Link, ...]:
    """A link broken over two lines is one link."""
    merged: list[Link] = []
    for link in links:
        if merged and merged[-1].target == link.target:
            merged[-1] = Link(_join(merged[-1].text, link.text), link.target)
        else:
            merged.append(link)
    return tuple(merged)


def _join(previous: str, line: str) -> str:
    if _hyphenated(previous) and _starts_lower(line):
        return previous[:-1] + line
    return f"{previous} {line}"


def _continues(unit: _Unit, line: Line, layout: _Layout) -> bool:
    if line.gap_before:
        return False
    if unit.emphasis is not None and line.emphasis is not None and unit.emphasis != line.emphasis:
        return False
    last = unit.lines[-1]
    if _starts_lower(line.text) or _hyphenated(last):
        return True
    alone = len(unit.lines) == 1 and heading_like(last)  # perhaps a heading above its text
    cut_at_margin = len(last) >= (0.9 if alone else 0.75) * layout.wrap
    if cut_at_margin and _ends_open(last):
        return True
    if unit.kind == Kind.ITEM or alone or not layout.blank_lines:
        return False
    if cut_at_margin:
        return True
    if not _ends_open(last):
        return False  # a sentence ended on a short line: the paragraph ended too
    return not heading_like(line.text)


def _layout(lines: list[Line]) -> _Layout:
    lengths = sorted(len(line.text) for line in lines if not _BULLET_RE.match(line.text))
    p90 = lengths[int(len(lengths) * 0.9)] if lengths else 0
    wrapped = 30 <= p90 <= 130 and len(lengths) >= 5
    gaps = sum(1 for line in lines if line.gap_before)
    return _Layout(
        wrap=p90 if wrapped else 10_000,
        blank_lines=gaps >= 0.2 * len(lines),
        has_emphasis=any(line.emphasis for line in lines),
        every_line_apart=bool(lines) and gaps == len(lines) - (not lines[0].gap_before),
    )


def _units(lines: list[Line], layout: _Layout) -> list[_Unit]:
    units: list[_Unit] = []
    for line in lines:
        text = line.text
        bullet = _BULLET_RE.match(text)
        if bullet and len(text) > bullet.end():
            units.append(
                _Unit(
                    Kind.ITEM,
                    [text[bullet.end() :]],
                    line.gap_before,
                    line.emphasis,
                    level=line.level or 1,
                    links=list(line.links),
                )
            )
            continue
        if units and _continues(units[-1], line, layout):
            units[-1].lines.append(text)
            units[-1].links.extend(line.links)
            continue
        number = _NUMBER_RE.match(text)
        units.append(
            _Unit(
                Kind.PARAGRAPH,
                [text],
                line.gap_before,
                line.emphasis,
                number=number.group(1) if number else "",
                links=list(line.links),
            )
        )
    _numbered_items(units)
    return units


def _numbered_items(units: list[_Unit]) -> None:
    """Runs of two or more numbered paragraphs that read as sentences are a numbered list."""
    run: list[_Unit] = []
    for unit in [*units, None]:
        if unit is not None and unit.number and not heading_like(unit.text):
            run.append(unit)
            continue
        if len(run) >= 2:
            for member in run:
                member.kind, member.level = Kind.ITEM, 1
        run = []


def _heading_level(unit: _Unit, numbered: bool) -> int:
    if unit.number:
        return 2 + unit.number.count(".")
    return 3 if numbered else 2


def _is_candidate(unit: _Unit, layout: _Layout) -> bool:
    if unit.kind != Kind.PARAGRAPH or len(unit.lines) != 1 or not heading_like(unit.text):
        return False
    if layout.has_emphasis:
        return bool(unit.emphasis)
    return True


def _short_line_blocks(units: list[_Unit], candidates: list[bool], layout: _Layout) -> None:
    """Short lines in a row that end in a postcode are an address, and three or more set
    close together are a block of text: neither is a run of headings. Where every line is a
    paragraph of its own (a Word file's lines), space between them says nothing."""
    start = 0
    for index in range(1, len(units) + 1):
        if index < len(units) and candidates[index] and candidates[index - 1]:
            continue
        run = range(start, index)
        ends = [n for n in run if _POSTCODE_RE.search(units[n].text)]
        close = layout.every_line_apart or not any(units[n].gap_before for n in run[1:])
        if ends and ends[-1] > start:
            candidates[start : ends[-1] + 1] = [False] * (ends[-1] + 1 - start)
        elif len(run) >= 3 and close:
            candidates[start:index] = [False] * len(run)
        start = index


def lines_to_document(lines: list[Line], *, name: str, format: str) -> Document:
    lines = [line for line in lines if line.text]
    if len(lines) > MAX_LINES:
        raise ReaderError(TOO_MANY_LINES.format(name=name, limit=MAX_LINES))
    layout = _layout(lines)
    units = _units(lines, layout)
    candidates = [_is_candidate(unit, layout) for unit in units]
    _short_line_blocks(units, candidates, layout)
    numbered = any(unit.number and c for unit, c in zip(units, candidates, strict=True))
    levels = [_heading_level(unit, numbered) for unit in units]
    # From the end: a heading needs text under it before the next heading of its level.
    is_heading = [False] * len(units)
    for index in range(len(units) - 1, -1, -1):
        if not candidates[index] or index + 1 == len(units):
            continue
        following = index + 1
        is_heading[index] = not is_heading[following] or levels[following] > levels[index]
    document = Document(name=name, format=format)
    at_start = True
    for index, unit in enumerate(units):
        heading, level = is_heading[index], levels[index]
        if heading:
            document.blocks.append(
                Block(Kind.HEADING, unit.text, level=level, links=_merged(unit.links))
            )
        elif at_start and candidates[index]:
            document.not_imported.append(NotImported(unit.text, TITLE))
            continue
        else:
            document.blocks.append(
                Block(unit.kind, unit.text, level=unit.level, links=_merged(unit.links))
            )
        at_start = False
    return document


def plain_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    gap = False
    for raw in text.splitlines():
        stripped = " ".join(raw.split())
        if not stripped:
            gap = True
            continue
        lines.append(Line(stripped, gap_before=gap))
        gap = False
    return lines


def read_plain(text: str, *, name: str = "the text", inline_markdown: bool = False) -> Document:
    """Plain text; with inline_markdown, **strong** and [links](targets) are read as Markdown."""
    if text.count("\n") > MAX_LINES:
        raise ReaderError(TOO_MANY_LINES.format(name=name, limit=MAX_LINES))
    document = lines_to_document(plain_lines(text), name=name, format="text")
    if inline_markdown:
        document.blocks = [_inline(block, document) for block in document.blocks]
    return document


_INLINE = MarkdownIt("zero").enable(["emphasis", "link", "backticks", "escape"])


def _inline(block: Block, document: Document) -> Block:
    """A block's text without its Markdown marks; its links kept with their targets."""
    tokens = _INLINE.parseInline(block.text)
    parts: list[str] = []
    links = list(block.links)
    target, start = "", 0
    for token in tokens[0].children or [] if tokens else []:
        if token.type in ("text", "code_inline"):
            parts.append(token.content)
        elif token.type in ("softbreak", "hardbreak"):
            parts.append(" ")
        elif token.type == "link_open":
            target, start = str(token.attrs.get("href", "")), len("".join(parts))
        elif token.type == "link_close":
            words = "".join(parts)[start:].strip()
            if target and not target.startswith(("#", "javascript:")):
                links.append(Link(words or target, target))
            elif words:
                document.not_imported.append(
                    NotImported(words, LINK_WITHOUT_TARGET.format(target=target))
                )
    return replace(block, text=" ".join("".join(parts).split()), links=tuple(links))


def office_document(
    document: Document, lines: list[Line], *, has_headings: bool, furniture: list[str]
) -> Document:
    """A Word or ODT document as read, or, when its author set no headings, its lines read
    like plain text (bold short lines standing for headings); page headers and footers listed."""
    if not has_headings and lines:
        found = lines_to_document(lines, name=document.name, format=document.format)
        found.not_imported[:0] = document.not_imported
        document = found
    if not document.blocks:
        raise ReaderError(EMPTY.format(name=document.name))
    document.not_imported[:0] = [NotImported(text, WORD_HEADER_FOOTER) for text in furniture]
    return document
