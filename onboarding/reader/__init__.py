"""One reader for every kind of notice file: Word, OpenDocument, PDF, web page, Markdown, text.

The format is decided by the file's content (its first bytes, a zip's members), the name only
breaking a tie between Markdown and plain text. Whatever the format, the result is a `Document`:
headings with levels, paragraphs, list items, links with their targets, table rows, and the
lines left out with the reason. A file that cannot be read raises `ReaderError` with one sentence
naming the file and what to do.
"""

from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Protocol

from markdown_it import MarkdownIt

from onboarding.reader.errors import (
    BROKEN,
    EMPTY,
    MAX_BYTES,
    MAX_UNPACKED_BYTES,
    NOT_A_DOCUMENT,
    OTHER_OPENDOCUMENT,
    OTHER_ZIP,
    RTF,
    TOO_LARGE,
    TOO_LARGE_UNPACKED,
    WORD_97,
    ReaderError,
)
from onboarding.reader.structure import Block, Document, Kind, Link, NotImported
from onboarding.reader.text import read_plain

__all__ = [
    "Block",
    "Document",
    "Kind",
    "Link",
    "NotImported",
    "ReaderError",
    "read_bytes",
    "read_path",
    "read_plain",
    "read_upload",
]

_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ODT = "application/vnd.oasis.opendocument.text"
_HTML_MARKERS = ("<!doctype html", "<html", "<body", "<head", "<p>", "<p ", "<div", "<h1", "<h2")
_MAX_MEMBERS = 2_000


class Upload(Protocol):
    name: str
    size: int

    def chunks(self) -> object: ...


def _megabytes(size: int) -> str:
    return f"{size / 1024 / 1024:.1f}".removesuffix(".0")


def _too_large(name: str, size: int) -> ReaderError:
    return ReaderError(
        TOO_LARGE.format(name=name, size=_megabytes(size), limit=_megabytes(MAX_BYTES))
    )


def read_path(path: Path) -> Document:
    size = path.stat().st_size
    if size > MAX_BYTES:
        raise _too_large(path.name, size)
    return read_bytes(path.read_bytes(), name=path.name)


def read_upload(upload: Upload) -> Document:
    """A file uploaded through a form (Django's UploadedFile)."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise _too_large(upload.name, upload.size)
    data = b"".join(upload.chunks())  # type: ignore[attr-defined]
    return read_bytes(data, name=upload.name)


def _zip_format(data: bytes, name: str) -> str:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        members = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ReaderError(BROKEN.format(name=name, format="zip", problem=error)) from error
    if len(members) > _MAX_MEMBERS or sum(m.file_size for m in members) > MAX_UNPACKED_BYTES:
        raise ReaderError(TOO_LARGE_UNPACKED.format(name=name, limit=MAX_UNPACKED_BYTES >> 20))
    names = {member.filename for member in members}
    if "word/document.xml" in names:
        return "docx"
    if "mimetype" in names:
        mimetype = archive.read("mimetype")[:100].decode("ascii", "replace").strip()
        if mimetype == _ODT:
            return "odt"
        if mimetype.startswith("application/vnd.oasis.opendocument"):
            raise ReaderError(OTHER_OPENDOCUMENT.format(name=name, mimetype=mimetype))
    raise ReaderError(OTHER_ZIP.format(name=name))


def _decode(data: bytes, name: str) -> str:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as error:
            raise ReaderError(NOT_A_DOCUMENT.format(name=name)) from error
    if b"\x00" in data[:4096]:
        raise ReaderError(NOT_A_DOCUMENT.format(name=name))
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise ReaderError(NOT_A_DOCUMENT.format(name=name))


def _has_markdown_headings(text: str) -> bool:
    return any(line.lstrip().startswith(("# ", "## ", "### ")) for line in text.splitlines())


def _has_inline_markdown(text: str) -> bool:
    """**Strong** text or [links](targets) in a text file: it was written in Markdown."""
    return text.count("**") >= 2 or ("](" in text and "[" in text)


def sniff(data: bytes, *, name: str) -> str:
    """The format of a file from its content: pdf, docx, odt, html, markdown or text."""
    if b"%PDF-" in data[:1024]:
        return "pdf"
    if data.startswith(_OLE2):
        raise ReaderError(WORD_97.format(name=name))
    if data.startswith(b"{\\rtf"):
        raise ReaderError(RTF.format(name=name))
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data, name)
    return "text"


def read_bytes(data: bytes, *, name: str) -> Document:
    if len(data) > MAX_BYTES:
        raise _too_large(name, len(data))
    if not data.strip():
        raise ReaderError(EMPTY.format(name=name))
    kind = sniff(data, name=name)
    if kind == "pdf":
        from onboarding.reader.pdf import pdf_document

        return pdf_document(data, name=name)
    if kind == "docx":
        from onboarding.reader.word import docx_document

        return docx_document(data, name=name)
    if kind == "odt":
        from onboarding.reader.odt import odt_document

        return odt_document(data, name=name)
    return read_string(_decode(data, name), name=name)


def read_string(text: str, *, name: str) -> Document:
    """Text already decoded: a web page, Markdown or plain text, decided by its content."""
    from onboarding.reader.html import html_document

    head = text[:2048].lstrip().lower()
    if head.startswith("<") and any(marker in head for marker in _HTML_MARKERS):
        return html_document(text, name=name)
    if Path(name).suffix.lower() in {".md", ".markdown"} or _has_markdown_headings(text):
        rendered = MarkdownIt("commonmark").render(text)
        return html_document(rendered, name=name, format="markdown", page=False)
    return read_plain(text, name=name, inline_markdown=_has_inline_markdown(text))
