"""Word-level comparison of two publications, section by section."""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from html import unescape

import nh3

_SECTION_RE = re.compile(
    r'<section class="notice-section" id="(?P<key>[^"]+)"[^>]*>\s*<h2[^>]*>(?P<heading>.*?)</h2>'
    r"(?P<body>.*?)</section>",
    re.S,
)


@dataclass(frozen=True)
class Section:
    key: str
    heading: str
    text: str


@dataclass(frozen=True)
class SectionDiff:
    key: str
    heading: str
    status: str  # "added", "removed", "changed" or "unchanged"
    parts: list[tuple[str, str]]  # ("equal" | "insert" | "delete", words)


def notice_sections(html: str) -> list[Section]:
    """The sections of a stored notice as plain text, in order."""
    return [
        Section(
            key=match["key"],
            heading=unescape(nh3.clean(match["heading"], tags=set())),
            text=" ".join(unescape(nh3.clean(match["body"], tags=set())).split()),
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
                SectionDiff(section.key, section.heading, "added", [("insert", section.text)])
            )
        elif before.text == section.text and before.heading == section.heading:
            diffs.append(
                SectionDiff(section.key, section.heading, "unchanged", [("equal", section.text)])
            )
        else:
            diffs.append(
                SectionDiff(
                    section.key, section.heading, "changed", word_diff(before.text, section.text)
                )
            )
    diffs.extend(
        SectionDiff(s.key, s.heading, "removed", [("delete", s.text)])
        for s in old.values()
        if s.key not in new_keys
    )
    return diffs
