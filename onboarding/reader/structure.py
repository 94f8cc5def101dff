"""What every reader yields: a document as headings, paragraphs, list items and table rows.

Nothing is dropped without a word: whatever a reader leaves out (a page footer, a website's menu,
the document's title) is kept in `not_imported` with the reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum


class Kind(StrEnum):
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    ITEM = "item"
    ROW = "row"


@dataclass(frozen=True)
class Link:
    text: str
    target: str


@dataclass(frozen=True)
class Block:
    kind: Kind
    text: str
    level: int = 0  # a heading's level (1 = title), a list item's nesting (1 = top)
    links: tuple[Link, ...] = ()
    cells: tuple[str, ...] = ()  # a table row's cells

    @property
    def is_heading(self) -> bool:
        return self.kind == Kind.HEADING

    @property
    def is_item(self) -> bool:
        return self.kind in (Kind.ITEM, Kind.ROW)


@dataclass(frozen=True)
class NotImported:
    text: str
    reason: str


# Reasons a line is left out, as constants so pages and tests can name them.
TITLE = "the document's title (a notice's title comes from its notice type)"
PAGE_FURNITURE = "a running header, footer or page number of the PDF"
WORD_HEADER_FOOTER = "a page header or footer of the document"
WEB_BOILERPLATE = "the web page's menu, cookie banner, footer or other text outside its content"
LINK_WITHOUT_TARGET = "a link with no address (“{target}”): its words are kept, the link is not"
EMPTY_HEADING = "a heading with no text under it before the next heading"


@dataclass
class Document:
    name: str
    format: str
    blocks: list[Block] = field(default_factory=list)
    not_imported: list[NotImported] = field(default_factory=list)

    def counts(self) -> dict[str, int]:
        return {kind.value: sum(1 for b in self.blocks if b.kind == kind) for kind in Kind}

    @property
    def links(self) -> list[Link]:
        return [link for block in self.blocks for link in block.links]

    def text(self) -> str:
        """The blocks as plain text, a blank line between blocks."""
        return "\n\n".join(block.text for block in self.blocks)
