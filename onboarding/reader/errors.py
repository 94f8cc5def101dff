"""Why a file cannot be read: one sentence naming the file and what to do."""

from __future__ import annotations

MAX_BYTES = 10 * 1024 * 1024  # an upload or a file on disk
MAX_UNPACKED_BYTES = 50 * 1024 * 1024  # all members of a .docx or .odt, unpacked
MAX_PDF_PAGES = 60  # pdfplumber reads about 5 pages a second: 12 seconds at most
MAX_LINES = 20_000
MAX_BLOCKS = 5_000

TOO_LARGE = "{name} is {size} MB; the limit is {limit} MB. Split it or remove pictures first."
TOO_LARGE_UNPACKED = (
    "{name} unpacks to more than {limit} MB (pictures or embedded files?); "
    "save a copy without them and try again."
)
TOO_MANY_PAGES = "{name} has {pages} pages; the limit is {limit}. Import the notice's pages only."
TOO_MANY_LINES = "{name} has more than {limit} lines; the limit is {limit}. Is it a notice?"
EMPTY = "{name} has no text in it."
WORD_97 = (
    "{name} is a Word 97-2003 .doc file (or another old Office file): open it in Word or "
    "LibreOffice and save it as .docx, then import that."
)
RTF = "{name} is an RTF file: open it in Word or LibreOffice and save it as .docx."
OTHER_ZIP = (
    "{name} is a zip file but not a Word (.docx) or OpenDocument text (.odt) document; "
    "save the notice as .docx or .odt."
)
OTHER_OPENDOCUMENT = (
    "{name} is an OpenDocument file but not a text document ({mimetype}); "
    "save the notice as .odt or .docx."
)
BROKEN = "{name} looks like a {format} file but could not be read ({problem}); save it again."
ENCRYPTED_PDF = "{name} is a password-protected PDF: save a copy without the password."
NO_TEXT_PDF = (
    "{name} is a PDF with no text in it (a scan?): import the Word file it was made from, "
    "or a copy of the text."
)
NOT_A_DOCUMENT = (
    "{name} is not a document this can read: use a Word (.docx), OpenDocument (.odt), PDF, "
    "web page (.html), Markdown or plain text file."
)


class ReaderError(ValueError):
    """A file that cannot be read; the message is for the person who gave it."""
