"""Word-level comparison of two publications, section by section."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from html import unescape
from html.parser import HTMLParser

import nh3

_SECTION_RE = re.compile(
    r'<section class="notice-section" id="(?P<key>[^"]+)"[^>]*>\s*<h2[^>]*>(?P<heading>.*?)</h2>'
    r"(?P<body>.*?)</section>",
    re.S,
)


@dataclass(frozen=True)
class Block:
    """One paragraph, list item or sub-heading of a section, as plain text."""

    tag: str  # "p", "li", "h3", "h4" or "blockquote"
    list_tag: str  # "ul" or "ol" for a list item, else ""
    text: str


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str
    blocks: tuple[Block, ...] = ()


@dataclass(frozen=True)
class BlockDiff:
    tag: str
    status: str  # "added", "removed", "changed" or "unchanged"
    parts: list[tuple[str, str]]


@dataclass(frozen=True)
class BlockGroup:
    """Blocks shown together: the items of one list, or a single paragraph or heading."""

    list_tag: str  # "ul", "ol" or "" (not a list)
    blocks: list[BlockDiff]


@dataclass(frozen=True)
class SectionDiff:
    key: str
    heading: str
    status: str  # "added", "removed", "changed" or "unchanged"
    parts: list[tuple[str, str]]  # ("equal" | "insert" | "delete", words)
    groups: list[BlockGroup] = field(default_factory=list)


_BLOCK_TAGS = {"p", "li", "h3", "h4", "blockquote"}
# Inside a block these only separate words (a partner's "Why" and "Lawful basis" lines).
_SEPARATING_TAGS = {"dt", "dd", "div", "br", "dl"}


class _BlockReader(HTMLParser):
    """Splits sanitised notice HTML into blocks, in document order, keeping list membership."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list[str]] = []  # [tag, list_tag, text]
        self._open: list[int] = []  # indexes of the blocks still open, innermost last
        self._lists: list[str] = []

    def handle_starttag(self, tag: str, attrs) -> None:  # type: ignore[no-untyped-def]
        if tag in _SEPARATING_TAGS:
            self.handle_data(" ")
        elif tag in ("ul", "ol"):
            self._lists.append(tag)
        elif tag in _BLOCK_TAGS:
            list_tag = self._lists[-1] if tag == "li" and self._lists else ""
            self.blocks.append([tag, list_tag, ""])
            self._open.append(len(self.blocks) - 1)

    def handle_endtag(self, tag: str) -> None:
        if tag in _SEPARATING_TAGS:
            self.handle_data(" ")
        elif tag in ("ul", "ol") and self._lists:
            self._lists.pop()
        elif tag in _BLOCK_TAGS and self._open:
            self._open.pop()

    def handle_data(self, data: str) -> None:
        if self._open:
            self.blocks[self._open[-1]][2] += data
        elif data.strip():  # text outside any block: a block of its own
            self.blocks.append(["p", "", data])


def section_blocks(html: str) -> tuple[Block, ...]:
    reader = _BlockReader()
    reader.feed(html)
    reader.close()
    blocks = (Block(tag, list_tag, " ".join(text.split())) for tag, list_tag, text in reader.blocks)
    return tuple(block for block in blocks if block.text)


def notice_sections(html: str) -> list[Section]:
    """The sections of a stored notice as plain text, in order."""
    return [
        Section(
            key=match["key"],
            heading=unescape(nh3.clean(match["heading"], tags=set())),
            text=" ".join(unescape(nh3.clean(match["body"], tags=set())).split()),
            blocks=section_blocks(match["body"]),
        )
        for match in _SECTION_RE.finditer(html)
    ]


def word_diff(old: str, new: str) -> list[tuple[str, str]]:
    old_words, new_words = old.split(), new.split()
    parts: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(a=old_words, b=new_words, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(("equal", " ".join(old_words[a1:a2])))
            continue
        if op in ("delete", "replace"):
            parts.append(("delete", " ".join(old_words[a1:a2])))
        if op in ("insert", "replace"):
            parts.append(("insert", " ".join(new_words[b1:b2])))
    return parts


def _group(diffs: list[tuple[str, BlockDiff]]) -> list[BlockGroup]:
    groups: list[BlockGroup] = []
    for list_tag, diff in diffs:
        if list_tag and groups and groups[-1].list_tag == list_tag:
            groups[-1].blocks.append(diff)
        else:
            groups.append(BlockGroup(list_tag, [diff]))
    return groups


def block_diff(old: tuple[Block, ...], new: tuple[Block, ...]) -> list[BlockGroup]:
    """Blocks compared in order; a changed block is compared word by word, lists stay lists."""
    diffs: list[tuple[str, BlockDiff]] = []
    matcher = difflib.SequenceMatcher(
        a=[(b.tag, b.text) for b in old], b=[(b.tag, b.text) for b in new], autojunk=False
    )
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            diffs.extend(
                (b.list_tag, BlockDiff(b.tag, "unchanged", [("equal", b.text)])) for b in new[b1:b2]
            )
            continue
        before, after = old[a1:a2], new[b1:b2]
        paired = min(len(before), len(after)) if op == "replace" else 0
        for was, now in zip(before[:paired], after[:paired], strict=True):
            diffs.append(
                (now.list_tag, BlockDiff(now.tag, "changed", word_diff(was.text, now.text)))
            )
        diffs.extend(
            (b.list_tag, BlockDiff(b.tag, "removed", [("delete", b.text)])) for b in before[paired:]
        )
        diffs.extend(
            (b.list_tag, BlockDiff(b.tag, "added", [("insert", b.text)])) for b in after[paired:]
        )
    return _group(diffs)


def compare_notices(old_html: str, new_html: str) -> list[SectionDiff]:
    """Every section of either version, in the new order, removed ones where they stood."""
    old = {s.key: s for s in notice_sections(old_html)}
    new_sections = notice_sections(new_html)
    new_keys = {s.key for s in new_sections}
    diffs: list[SectionDiff] = []
    for section in new_sections:
        before = old.get(section.key)
        if before is None:
            diffs.append(
                SectionDiff(
                    section.key,
                    section.heading,
                    "added",
                    [("insert", section.text)],
                    block_diff((), section.blocks),
                )
            )
        elif before.text == section.text and before.heading == section.heading:
            diffs.append(
                SectionDiff(
                    section.key,
                    section.heading,
                    "unchanged",
                    [("equal", section.text)],
                    block_diff(section.blocks, section.blocks),
                )
            )
        else:
            diffs.append(
                SectionDiff(
                    section.key,
                    section.heading,
                    "changed",
                    word_diff(before.text, section.text),
                    block_diff(before.blocks, section.blocks),
                )
            )
    diffs.extend(
        SectionDiff(s.key, s.heading, "removed", [("delete", s.text)], block_diff(s.blocks, ()))
        for s in old.values()
        if s.key not in new_keys
    )
    return diffs


def changed_sections(old_html: str, new_html: str) -> list[SectionDiff]:
    """The sections that differ, as `compare_notices` gives them.

    Sections whose stored HTML is identical are skipped before any parsing: comparing every
    school's notice for a one-clause change stays fast at hundreds of schools.
    """
    old_raw = {match["key"]: match.group(0) for match in _SECTION_RE.finditer(old_html)}
    new_raw = {match["key"]: match.group(0) for match in _SECTION_RE.finditer(new_html)}
    differing = {
        key for key in old_raw.keys() | new_raw.keys() if old_raw.get(key) != new_raw.get(key)
    }
    if not differing:
        return []
    old_kept = "".join(raw for key, raw in old_raw.items() if key in differing)
    new_kept = "".join(raw for key, raw in new_raw.items() if key in differing)
    return [diff for diff in compare_notices(old_kept, new_kept) if diff.status != "unchanged"]
