"""The PDF of a publication, made by WeasyPrint from the publication's stored HTML.

This is the only module that imports WeasyPrint (ruff's banned-API rule keeps it so). Its URL
fetcher serves the app's own static files and refuses everything else: no network, no file://,
no data: URLs, whatever a clause or a template asks for.
"""

from __future__ import annotations

import logging
import mimetypes
import posixpath
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import segno
import weasyprint  # noqa: TID251 - this is the renderer module
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import override
from weasyprint.text.fonts import FontConfiguration  # noqa: TID251
from weasyprint.urls import URLFetcher, URLFetcherResponse  # noqa: TID251

logger = logging.getLogger(__name__)

# A made-up origin (.invalid never resolves) that stands for the app's static files.
ASSET_ORIGIN = "https://notice-assets.invalid/"
STATIC_PREFIX = ASSET_ORIGIN + "static/"
PRINT_STYLESHEET = "notices/print.css"
# Tagged PDF/UA: structure for screen readers, with the title and language of the document.
PDF_OPTIONS = {"pdf_variant": "pdf/ua-1", "pdf_tags": True}


class StaticOnlyFetcher(URLFetcher):
    """Serves `STATIC_PREFIX` URLs from the app's static files; refuses every other URL."""

    def __init__(self) -> None:
        super().__init__(allowed_protocols=["https"], allow_redirects=False, timeout=1)
        self.refused: list[str] = []

    def fetch(self, url: str, headers: dict | None = None) -> URLFetcherResponse:
        path = _static_path(url)
        if path is None:
            self.refused.append(url)
            logger.warning("PDF renderer refused to fetch %s", url[:200])
            raise ValueError(f"Only the app's own static files may be used: {url[:200]}")
        content_type = mimetypes.guess_type(path.name)[0] or "application/octet-stream"
        return URLFetcherResponse(
            url, body=path.read_bytes(), headers={"Content-Type": content_type}
        )


def _static_path(url: str) -> Path | None:
    if not url.startswith(STATIC_PREFIX):
        return None
    relative = posixpath.normpath(url[len(STATIC_PREFIX) :].split("?")[0].split("#")[0])
    if relative.startswith(("..", "/")) or relative == ".":
        return None
    found = finders.find(relative)
    return Path(found) if isinstance(found, str) else None


@lru_cache(maxsize=1)
def _font_config() -> FontConfiguration:
    return FontConfiguration()


@lru_cache(maxsize=1)
def _print_css() -> weasyprint.CSS:
    """Parsed once per process: parsing the stylesheet and loading fonts is most of the setup."""
    return weasyprint.CSS(
        url=STATIC_PREFIX + PRINT_STYLESHEET,
        url_fetcher=StaticOnlyFetcher(),
        font_config=_font_config(),
    )


def warm_up() -> None:
    """Load the fonts and parse the print stylesheet now, so that processes forked from this
    one for each render (notices/publishing/limits.py) start with them."""
    _print_css()


@dataclass(frozen=True)
class Cover:
    """The first page: what a paper copy must say, and where to find the latest version."""

    school_name: str
    title: str
    audience: str
    number: int
    published_at: datetime
    url: str
    language: str = "en-GB"  # the document's language, which tagged PDF/UA records


@dataclass(frozen=True)
class RenderedPDF:
    content: bytes
    pages: int


def qr_svg(url: str) -> str:
    return segno.make(url, error="m").svg_inline(scale=4, title=f"QR code for {url}")


def print_document(*, notice_html: str, cover: Cover, summary_only: bool = False) -> str:
    if summary_only:
        # The summary leaves the sections out: its links to them go to the notice online.
        notice_html = notice_html.replace('href="#', f'href="{escape(cover.url)}#')
    with override(cover.language):
        return render_to_string(
            "notices/print.html",
            {
                "summary_only": summary_only,
                "cover": cover,
                "qr_svg": mark_safe(qr_svg(cover.url)),
                "notice_html": mark_safe(notice_html),
            },
        )


def render_pdf(
    *,
    notice_html: str,
    cover: Cover,
    fetcher: StaticOnlyFetcher | None = None,
    summary_only: bool = False,
) -> RenderedPDF:
    """Render the stored notice HTML with the print stylesheet into a tagged PDF/UA file.

    `summary_only`: the short copy, the cover, contacts and "At a glance" without the sections.
    """
    document = weasyprint.HTML(
        string=print_document(notice_html=notice_html, cover=cover, summary_only=summary_only),
        base_url=ASSET_ORIGIN,
        url_fetcher=fetcher or StaticOnlyFetcher(),
    ).render(stylesheets=[_print_css()], font_config=_font_config(), **PDF_OPTIONS)
    content = document.write_pdf(**PDF_OPTIONS)
    return RenderedPDF(content=content, pages=len(document.pages))
