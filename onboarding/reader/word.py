"""Word (.docx) files through python-docx: heading styles, lists, tables and links as Word has them.

A document whose author set headings in bold Normal text rather than heading styles is read
line by line like plain text, with bold standing for emphasis.
"""

from __future__ import annotations

import io

import docx
from docx.document import Document as WordDocument
from docx.table import Table
from docx.text.paragraph import Paragraph

from onboarding.reader.errors import BROKEN, ReaderError
from onboarding.reader.structure import (
    LINK_WITHOUT_TARGET,
    Block,
    Document,
    Kind,
    Link,
    NotImported,
)
from onboarding.reader.text import Line, heading_like, office_document


def _clean(text: str) -> str:
    return " ".join(text.split())


def _heading_level(paragraph: Paragraph) -> int:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if name == "Title":
        return 1
    if name.startswith("Heading "):
        number = name.removeprefix("Heading ").strip()
        return 1 + int(number) if number.isdigit() else 2
    return 0


def _list_level(paragraph: Paragraph) -> int:
    properties = paragraph._p.pPr
    if properties is not None and properties.numPr is not None:
        level = properties.numPr.ilvl
        return 1 + (level.val if level is not None and level.val is not None else 0)
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    return 1 if name.startswith("List") else 0


def _bold(paragraph: Paragraph) -> bool:
    runs = [run for run in paragraph.runs if run.text.strip()]
    return bool(runs) and all(run.bold for run in runs)


class _Reader:
    def __init__(self, name: str) -> None:
        self.document = Document(name=name, format="docx")
        self.lines: list[Line] = []  # the same content, for documents without heading styles
        self.styled_headings = 0

    def links(self, paragraph: Paragraph) -> tuple[Link, ...]:
        found = []
        for link in paragraph.hyperlinks:
            text = _clean(link.text)
            if link.address:
                target = link.address + (f"#{link.fragment}" if link.fragment else "")
                found.append(Link(text or target, target))
            elif text:
                self.document.not_imported.append(
                    NotImported(text, LINK_WITHOUT_TARGET.format(target=f"#{link.fragment}"))
                )
        return tuple(found)

    def paragraph(self, paragraph: Paragraph) -> None:
        text = _clean(paragraph.text)
        if not text:
            return
        links = self.links(paragraph)
        heading, item = _heading_level(paragraph), _list_level(paragraph)
        if heading:
            self.styled_headings += 1
            self.document.blocks.append(Block(Kind.HEADING, text, level=heading, links=links))
        elif item:
            self.document.blocks.append(Block(Kind.ITEM, text, level=item, links=links))
        else:
            self.document.blocks.append(Block(Kind.PARAGRAPH, text, links=links))
        bold = _bold(paragraph) or bool(heading)
        self.lines.append(
            Line(
                f"• {text}" if item else text,
                gap_before=True,
                emphasis=bold and heading_like(text),
                links=links,
                level=item,
            )
        )

    def table(self, table: Table) -> None:
        for row in table.rows:
            cells: list[str] = []
            for cell in row.cells:
                text = _clean(cell.text)
                if text and (not cells or cells[-1] != text):  # merged cells repeat
                    cells.append(text)
            if len(row.cells) == 1 or (len(cells) == 1 and len(table.columns) == 1):
                for cell in row.cells:  # a table used for layout: its paragraphs are text
                    self.content(cell.iter_inner_content())
                continue
            if cells:
                self.document.blocks.append(Block(Kind.ROW, " | ".join(cells), cells=tuple(cells)))
                self.lines.append(Line(f"• {' | '.join(cells)}", gap_before=True))

    def content(self, items) -> None:  # type: ignore[no-untyped-def]
        for item in items:
            if isinstance(item, Paragraph):
                self.paragraph(item)
            elif isinstance(item, Table):
                self.table(item)


def docx_document(data: bytes, *, name: str) -> Document:
    try:
        word: WordDocument = docx.Document(io.BytesIO(data))
    except Exception as error:  # python-docx raises KeyError, ValueError, lxml errors...
        raise ReaderError(
            BROKEN.format(name=name, format="Word", problem=str(error)[:120])
        ) from error
    reader = _Reader(name)
    reader.content(word.iter_inner_content())
    furniture: dict[str, None] = {}
    for section in word.sections:
        for part in (section.header, section.footer, section.first_page_header):
            if part.is_linked_to_previous and part is not section.header:
                continue
            for paragraph in part.paragraphs:
                if text := _clean(paragraph.text):
                    furniture[text] = None
    return office_document(
        reader.document,
        reader.lines,
        has_headings=bool(reader.styled_headings),
        furniture=list(furniture),
    )
