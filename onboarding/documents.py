"""Reading an existing notice (plain text, Markdown, HTML or PDF) as headings and paragraphs."""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from html import unescape
from pathlib import Path

import nh3
from markdown_it import MarkdownIt

_BULLET_RE = re.compile(r"^\s*(?:[-*•●▪◦]|\d+[.)])\s+")


@dataclass(frozen=True)
class Block:
    text: str
    is_heading: bool = False
    is_item: bool = False  # a list item


def document_text(path: Path) -> str:
    """The text of a notice file: PDFs through pypdf, HTML and Markdown to plain paragraphs."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(io.BytesIO(path.read_bytes()))
        return "\n\n".join(page.extract_text() or "" for page in reader.pages)
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("cp1252")
    if suffix in {".html", ".htm"} or re.search(r"<(html|body|p|h[1-6])\b", text, re.I):
        return html_to_text(text)
    if suffix in {".md", ".markdown"}:
        return html_to_text(MarkdownIt("commonmark").render(text))
    return text


def html_to_text(html: str) -> str:
    """Block elements become paragraphs (headings marked with '# '), inline markup is dropped."""
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", html)
    html = re.sub(r"(?i)<h[1-6][^>]*>", "\n\n# ", html)
    html = re.sub(r"(?i)<li[^>]*>", "\n- ", html)
    html = re.sub(r"(?i)</(p|div|h[1-6]|ul|ol|table|tr|section|article|header)>", "\n\n", html)
    html = re.sub(r"(?i)<br\s*/?>", "\n", html)
    return unescape(nh3.clean(html, tags=set()))


def blocks(text: str) -> list[Block]:
    """Paragraphs split on blank lines; list items one block each; headings recognised."""
    result: list[Block] = []
    for chunk in re.split(r"\n\s*\n", text.replace("\r\n", "\n")):
        lines = [line.strip() for line in chunk.split("\n") if line.strip()]
        if not lines:
            continue
        if len(lines) > 1 and all(_BULLET_RE.match(line) for line in lines):
            result.extend(Block(_BULLET_RE.sub("", line), is_item=True) for line in lines)
            continue
        joined = " ".join(lines)
        if joined.startswith("#"):
            result.append(Block(joined.lstrip("# ").strip(), is_heading=True))
        elif _looks_like_heading(joined):
            result.append(Block(joined, is_heading=True))
        else:
            is_item = bool(_BULLET_RE.match(joined))
            result.append(Block(_BULLET_RE.sub("", joined) if is_item else joined, is_item=is_item))
    return result


def _looks_like_heading(line: str) -> bool:
    if len(line) > 90 or line.endswith((".", ",", ";", ":")):
        return bool(re.match(r"^\d+\.\s+\S.{0,80}\?$", line))
    return bool(re.match(r"^(\d+\.\s+)?[A-Z]", line)) and len(line.split()) <= 12


def normalise_space(text: str) -> str:
    return " ".join(text.split())
