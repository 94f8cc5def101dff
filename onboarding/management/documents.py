"""What the onboarding commands share: reading the file they are given, and saying what was
left out of it."""

from __future__ import annotations

from pathlib import Path

from django.core.management.base import CommandError, OutputWrapper

from onboarding.reader import Document, ReaderError, read_path

NO_SUCH_FILE = "No such file: {path}"


def read_document(path: Path) -> Document:
    """The document, or a CommandError with the reader's one-sentence reason."""
    if not path.is_file():
        raise CommandError(NO_SUCH_FILE.format(path=path))
    try:
        return read_path(path)
    except ReaderError as error:
        raise CommandError(str(error)) from error


def document_summary(document: Document) -> dict:
    return {
        "name": document.name,
        "format": document.format,
        "counts": document.counts(),
        "links": len(document.links),
        "not_imported": [
            {"text": line.text, "reason": line.reason} for line in document.not_imported
        ],
    }


def write_not_imported(stdout: OutputWrapper, document: Document) -> None:
    counts = document.counts()
    stdout.write(
        f"Read {document.name} as {document.format}: {counts['heading']} headings, "
        f"{counts['paragraph']} paragraphs, {counts['item']} list items, {counts['row']} table "
        f"rows, {len(document.links)} links; {len(document.not_imported)} lines not imported."
    )
    for line in document.not_imported:
        stdout.write(f"  not imported: {line.text[:120]} ({line.reason})")
