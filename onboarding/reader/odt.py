"""OpenDocument text (.odt) through odfpy: headings with their outline level, lists, tables, links.

As with Word, a document without headings is read line by line like plain text.
"""

from __future__ import annotations

import io

from odf import teletype
from odf.element import Element
from odf.opendocument import load

from onboarding.reader.errors import BROKEN, ReaderError
from onboarding.reader.structure import (
    LINK_WITHOUT_TARGET,
    Block,
    Document,
    Kind,
    Link,
    NotImported,
)
from onboarding.reader.text import Line, office_document

_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_SKIP = {"sequence-decls", "tracked-changes", "variable-decls", "user-field-decls", "note"}


def _clean(text: str) -> str:
    return " ".join(text.split())


def _local(element: Element) -> str:
    return element.qname[1] if element.qname else ""


class _Reader:
    def __init__(self, name: str) -> None:
        self.document = Document(name=name, format="odt")
        self.lines: list[Line] = []
        self.headings = 0

    def links(self, element: Element) -> tuple[Link, ...]:
        found = []
        for anchor in _descendants(element, "a"):
            text = _clean(teletype.extractText(anchor))
            target = anchor.getAttribute("href") or ""
            if target and not target.startswith("#"):
                found.append(Link(text or target, target))
            elif text:
                self.document.not_imported.append(
                    NotImported(text, LINK_WITHOUT_TARGET.format(target=target))
                )
        return tuple(found)

    def add(self, kind: Kind, element: Element, level: int = 0) -> None:
        text = _clean(teletype.extractText(element))
        if not text:
            return
        links = self.links(element)
        self.document.blocks.append(Block(kind, text, level=level, links=links))
        self.lines.append(
            Line(
                f"• {text}" if kind == Kind.ITEM else text,
                gap_before=True,
                emphasis=kind == Kind.HEADING or None,
                links=links,
                level=level,
            )
        )

    def walk(self, element: Element, depth: int = 0) -> None:
        for child in element.childNodes:
            if child.nodeType != child.ELEMENT_NODE:
                continue
            local = _local(child)
            if local in _SKIP:
                continue
            if local == "h":
                self.headings += 1
                level = child.getAttribute("outlinelevel")
                self.add(Kind.HEADING, child, int(level) if level and level.isdigit() else 2)
            elif local == "p":
                self.add(Kind.ITEM if depth else Kind.PARAGRAPH, child, depth)
            elif local == "list":
                self.walk(child, depth + 1)
            elif local == "table-row":
                cells = [
                    _clean(teletype.extractText(cell))
                    for cell in child.childNodes
                    if cell.nodeType == cell.ELEMENT_NODE and _local(cell) == "table-cell"
                ]
                cells = [cell for cell in cells if cell]
                if cells:
                    text = " | ".join(cells)
                    self.document.blocks.append(
                        Block(Kind.ROW, text, cells=tuple(cells), links=self.links(child))
                    )
                    self.lines.append(Line(f"• {text}", gap_before=True))
            else:  # sections, list items, tables, frames: what is inside them
                self.walk(child, depth)


def _descendants(element: Element, local: str) -> list[Element]:
    found = []
    for child in element.childNodes:
        if child.nodeType == child.ELEMENT_NODE:
            if _local(child) == local and child.qname[0] == _TEXT_NS:
                found.append(child)
            found.extend(_descendants(child, local))
    return found


def odt_document(data: bytes, *, name: str) -> Document:
    try:
        odt = load(io.BytesIO(data))
    except Exception as error:  # odfpy raises zip, XML and key errors on a damaged file
        raise ReaderError(
            BROKEN.format(name=name, format="OpenDocument", problem=str(error)[:120])
        ) from error
    reader = _Reader(name)
    reader.walk(odt.text)
    furniture: dict[str, None] = {}
    for part in ("header", "footer"):
        for element in _all(odt.masterstyles, part):
            if text := _clean(teletype.extractText(element)):
                furniture[text] = None
    return office_document(
        reader.document, reader.lines, has_headings=bool(reader.headings), furniture=list(furniture)
    )


def _all(element: Element, local: str) -> list[Element]:
    found = []
    for child in element.childNodes:
        if child.nodeType == child.ELEMENT_NODE:
            if _local(child) == local:
                found.append(child)
            else:
                found.extend(_all(child, local))
    return found
