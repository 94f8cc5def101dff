"""PDF copies of notices, through pdfplumber: lines with their type size, gaps and links.

A PDF has no paragraphs, only positioned lines. The space between lines marks paragraphs, larger
or bold type marks headings, and text repeated in the top or bottom margin of the pages (running
headers, footers, page numbers) is left out and listed. Words hyphenated at a line's end are
joined again by the plain-text structurer.
"""

from __future__ import annotations

import io
import statistics
from collections import Counter
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect

from onboarding.reader.errors import (
    BROKEN,
    ENCRYPTED_PDF,
    MAX_PDF_PAGES,
    NO_TEXT_PDF,
    TOO_MANY_PAGES,
    ReaderError,
)
from onboarding.reader.structure import PAGE_FURNITURE, Document, Link, NotImported
from onboarding.reader.text import Line, lines_to_document

_MARGIN = 0.09  # the top and bottom 9% of a page hold running headers and footers
_BOLD = ("bold", "black", "heavy", "semibold", "demi")


def _furniture_key(text: str) -> str:
    """Page furniture differs between pages only in its numbers."""
    return "".join("#" if char.isdigit() else char for char in text.lower())


def _is_page_number(text: str) -> bool:
    key = _furniture_key(text).replace(" ", "")
    return key.strip("#-\u2013\u2014|") == "" or key.replace("#", "") in {
        "page",
        "pageof",
        "p.",
        "of",
    }


def _hyperlinks(page: Any) -> list[dict]:
    try:
        return [link for link in page.hyperlinks if link.get("uri")]
    except (KeyError, TypeError, ValueError):
        return []


def _line_links(line: dict, links: list[dict], words: list[dict]) -> tuple[Link, ...]:
    """The words of the line inside each link's rectangle (a link over two lines has two)."""
    found = []
    middle = (line["top"] + line["bottom"]) / 2
    for link in links:
        if not link["top"] <= middle <= link["bottom"]:
            continue
        text = " ".join(
            word["text"]
            for word in words
            if link["top"] <= (word["top"] + word["bottom"]) / 2 <= link["bottom"]
            and link["x0"] - 1 <= (word["x0"] + word["x1"]) / 2 <= link["x1"] + 1
        )
        if text:
            found.append(Link(text, link["uri"]))
    return tuple(found)


def pdf_document(data: bytes, *, name: str) -> Document:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            if len(pdf.pages) > MAX_PDF_PAGES:
                raise ReaderError(
                    TOO_MANY_PAGES.format(name=name, pages=len(pdf.pages), limit=MAX_PDF_PAGES)
                )
            pages = [
                (
                    page.height,
                    page.extract_text_lines(return_chars=True),
                    _hyperlinks(page),
                    page.extract_words() if page.hyperlinks else [],
                )
                for page in pdf.pages
            ]
    except ReaderError:
        raise
    except (PDFPasswordIncorrect, PDFEncryptionError) as error:
        raise ReaderError(ENCRYPTED_PDF.format(name=name)) from error
    except Exception as error:  # pdfminer raises many kinds of error on a damaged file
        if "password" in str(error).lower() or "encrypt" in str(error).lower():
            raise ReaderError(ENCRYPTED_PDF.format(name=name)) from error
        problem = str(error)[:120] or type(error).__name__
        raise ReaderError(BROKEN.format(name=name, format="PDF", problem=problem)) from error
    return _structure(pages, name=name)


_Page = tuple[float, list[dict], list[dict], list[dict]]  # height, lines, links, words


def _structure(pages: list[_Page], *, name: str) -> Document:
    in_margin: Counter[str] = Counter()
    for height, lines, _, _ in pages:
        keys = {
            _furniture_key(line["text"])
            for line in lines
            if line["top"] < height * _MARGIN or line["bottom"] > height * (1 - _MARGIN)
        }
        in_margin.update(keys)
    repeated = {key for key, count in in_margin.items() if count >= 2 and count * 3 >= len(pages)}
    sizes: Counter[float] = Counter()
    heights = []
    for _, lines, _, _ in pages:
        for line in lines:
            sizes.update(round(char["size"], 1) for char in line["chars"])
            heights.append(line["bottom"] - line["top"])
    if not sizes:
        raise ReaderError(NO_TEXT_PDF.format(name=name))
    body_size = sizes.most_common(1)[0][0]
    line_height = statistics.median(heights) if heights else body_size
    result: list[Line] = []
    furniture: dict[str, str] = {}
    for height, lines, links, words in pages:
        previous_bottom: float | None = None
        for line in lines:
            text = " ".join(line["text"].split())
            if not text:
                continue
            chars = [char for char in line["chars"] if char["text"].strip()]
            size = statistics.median(char["size"] for char in chars) if chars else body_size
            margin = line["top"] < height * _MARGIN or line["bottom"] > height * (1 - _MARGIN)
            key = _furniture_key(text)
            small = size < body_size * 0.9  # a one-page PDF's header is in small type
            if margin and (key in repeated or small or _is_page_number(text)):
                furniture.setdefault(key, text)
                continue
            bold = bool(chars) and all(
                any(mark in char["fontname"].lower() for mark in _BOLD) for char in chars
            )
            gap = previous_bottom is not None and line["top"] - previous_bottom > 0.5 * line_height
            previous_bottom = line["bottom"]
            result.append(
                Line(
                    text,
                    gap_before=gap,
                    emphasis=size >= body_size * 1.15 or bold,
                    links=_line_links(line, links, words),
                )
            )
    if not result:
        raise ReaderError(NO_TEXT_PDF.format(name=name))
    document = lines_to_document(result, name=name, format="pdf")
    document.not_imported[:0] = [NotImported(text, PAGE_FURNITURE) for text in furniture.values()]
    return document
