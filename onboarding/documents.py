"""Plain text of the library's own rendered HTML, for comparing it with an existing notice.

Existing notices themselves are read by `onboarding.reader`, whatever their format.
"""

from __future__ import annotations

import re
from html import unescape

import nh3

from onboarding.reader import Block, read_plain


def html_to_text(html: str) -> str:
    """Block elements become paragraphs (headings marked with '# '), inline markup is dropped.

    Only for HTML this app rendered itself: its markup is known and well-formed.
    """
    html = re.sub(r"(?is)<(script|style)\b.*?</\1>", "", html)
    html = re.sub(r"(?i)<h[1-6][^>]*>", "\n\n# ", html)
    html = re.sub(r"(?i)<li[^>]*>", "\n- ", html)
    html = re.sub(r"(?i)</(p|div|h[1-6]|ul|ol|table|tr|section|article|header)>", "\n\n", html)
    html = re.sub(r"(?i)<br\s*/?>", "\n", html)
    return unescape(nh3.clean(html, tags=set()))


def blocks(text: str) -> list[Block]:
    """Headings, paragraphs and list items of a plain text."""
    return read_plain(text).blocks


def normalise_space(text: str) -> str:
    return " ".join(text.split())
