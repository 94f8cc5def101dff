"""The public notice pages as complete responses: rendered once, then stored or served.

A notice page, its PDF and its versions page change only when a publication is made or its PDF
is stored, so each is built here as a `StoredPage` (body, type, validators) that the views answer
with and that the static mirror (the `mirror` app) writes to disk at publish time.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import NamedTuple

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.http import HttpRequest, HttpResponse
from django.template.defaultfilters import filesizeformat
from django.template.loader import render_to_string
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.safestring import SafeString
from django.utils.translation import ngettext

from clauses.languages import language_name_local
from notices.frames import render_framed
from notices.models import Publication, PublicationTranslation, SchoolNotice
from notices.publishing.rendering import SOURCE_LANGUAGE

PUBLIC_CACHE_SECONDS = 300
HTML = "text/html; charset=utf-8"
PDF = "application/pdf"
# What the versions page shows of each publication (not its HTML or inputs).
VERSIONS_PAGE_FIELDS = (
    "number",
    "published_at",
    "change_summary",
    "pdf",
    "pdf_size",
    "pdf_pages",
    "pdf_rendered_at",
    "input_hash",
    "school_notice_id",
)


@dataclass(frozen=True)
class StoredPage:
    """One public response, complete: what a mirror file and its headers hold."""

    path: str
    body: bytes
    content_type: str
    last_modified: datetime
    filename: str = ""  # a PDF's download name

    @property
    def etag(self) -> str:
        return etag_for(self.body)


def etag_for(body: bytes) -> str:
    """A response body's ETag, whoever serves it: the app or the mirror."""
    return f'"{hashlib.sha256(body).hexdigest()[:32]}"'


def public_request(path: str) -> HttpRequest:
    """A request as an anonymous reader would make it, for rendering a page once for everyone."""
    request = HttpRequest()
    request.path = request.path_info = path
    request.method = "GET"
    host = settings.SITE_URL.split("://", 1)[-1].split("/", 1)[0]
    request.META = {"SERVER_NAME": host.split(":")[0], "SERVER_PORT": "443", "HTTP_HOST": host}
    request.user = AnonymousUser()
    return request


def _render(path: str, template: str, context: dict) -> bytes:
    return render_to_string(template, context, request=public_request(path)).encode()


def _modified(publication: Publication) -> datetime:
    return publication.pdf_rendered_at or publication.published_at


@dataclass(frozen=True)
class NoticeAddresses:
    """Where a school notice's pages are."""

    live: tuple[str, ...]  # its live page; the main notice has the short address first
    feed: str
    school: str
    summary_pdf: str
    versions: str


def addresses(school_notice: SchoolNotice) -> NoticeAddresses:
    notice_type = school_notice.notice_type
    return _addresses(
        (get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()),
        school_notice.school.slug,
        notice_type.slug,
        notice_type.is_primary,
    )


@lru_cache(maxsize=4096)  # publishing a county's pages asks for each several times
def _addresses(
    urls: tuple[str, str], school_slug: str, type_slug: str, is_primary: bool
) -> NoticeAddresses:
    slugs = {"school_slug": school_slug, "type_slug": type_slug}
    live = [reverse("notices:notice", kwargs=slugs)]
    if is_primary:
        live.insert(0, reverse("notices:privacy_notice", kwargs={"school_slug": school_slug}))
    return NoticeAddresses(
        live=tuple(live),
        feed=reverse("notices:notice_feed", kwargs=slugs),
        school=reverse("notices:school", kwargs={"school_slug": school_slug}),
        summary_pdf=reverse("notices:notice_summary_pdf", kwargs=slugs),
        versions=reverse("notices:versions", kwargs=slugs),
    )


def live_paths(school_notice: SchoolNotice) -> list[str]:
    """Every address of a notice's live page; the main notice also has the short one."""
    return list(addresses(school_notice).live)


def pdf_path(page_path: str) -> str:
    """The PDF's address beside a page's: `…/privacy-notice/` → `…/privacy-notice.pdf`."""
    return page_path.rstrip("/") + ".pdf"


def version_path(publication: Publication) -> str:
    school_notice = publication.school_notice
    return reverse(
        "notices:version",
        kwargs={
            "school_slug": school_notice.school.slug,
            "type_slug": school_notice.notice_type.slug,
            "number": publication.number,
        },
    )


def versions_path(school_notice: SchoolNotice) -> str:
    return addresses(school_notice).versions


class LanguageLink(NamedTuple):
    code: str
    name: str
    url: str
    current: bool


def page_urls(publication: Publication, language: str = "") -> tuple[str, str, list[LanguageLink]]:
    """The page's PDF address and its language switcher: English first, then each translation."""
    english = addresses(publication.school_notice).live[0]
    switcher = [
        LanguageLink(
            SOURCE_LANGUAGE, language_name_local(SOURCE_LANGUAGE), english, current=not language
        )
    ]
    for translation in publication.inputs.get("translations", []):
        code = translation["language"]
        switcher.append(
            LanguageLink(code, language_name_local(code), f"{english}{code}/", code == language)
        )
    pdf = f"{english}{language}.pdf" if language else english.rstrip("/") + ".pdf"
    return english, pdf, switcher


def notice_page_html(
    publication: Publication,
    document: Publication | PublicationTranslation,
    *,
    language: str = "",
    is_archived: bool = False,
) -> str:
    """A notice's page: its stored HTML in the site's chrome, with its PDF, its versions and
    its other languages; in `language` (a translation's code) or English."""
    school_notice = publication.school_notice
    school, notice_type = school_notice.school, school_notice.notice_type
    urls = addresses(school_notice)
    english_url, pdf_url, switcher = page_urls(publication, language)
    names = (school.name, notice_type.title, notice_type.audience)
    for translation in publication.inputs.get("translations", []):
        if translation["language"] == language:
            names = (
                translation["facts"].get("school.name", school.name),
                translation["notice_title"],
                translation["audience"],
            )
    if is_archived:
        pdf_url = reverse(
            "notices:version_pdf",
            kwargs={
                "school_slug": school.slug,
                "type_slug": notice_type.slug,
                "number": publication.number,
            },
        )
        switcher = []
    page_language = language or SOURCE_LANGUAGE
    return render_framed(
        "notices/notice_page.html",
        fixed={
            "page_language": page_language,
            "is_archived": is_archived,
            "languages": tuple(switcher) if len(switcher) > 1 else (),
            "summary_pdf_pages": publication.summary_pdf_pages or 0,
        },
        slots={
            "school_name": names[0],
            "notice_title": names[1],
            "notice_audience": names[2].lower(),
            "number": str(publication.number),
            "feed_url": urls.feed,
            "school_url": urls.school,
            "current_url": english_url,
            "pdf_url": pdf_url,
            "pdf_note": _pdf_note(document),
            "summary_url": ""
            if is_archived or page_language != SOURCE_LANGUAGE
            else urls.summary_pdf,
            "versions_url": urls.versions,
            "document_html": SafeString(document.html),
        },
    )


def _pdf_note(document: Publication | PublicationTranslation) -> str:
    """Beside the PDF link, once the PDF is made: its pages and size."""
    if not document.has_pdf:
        return ""
    pages = ngettext("%(pages)s page", "%(pages)s pages", document.pdf_pages) % {
        "pages": document.pdf_pages
    }
    return f" ({pages}, {filesizeformat(document.pdf_size)})"


def notice_page(*, publication: Publication, path: str, is_archived: bool) -> StoredPage:
    body = notice_page_html(publication, publication, is_archived=is_archived).encode()
    return StoredPage(path, body, HTML, _modified(publication))


def notice_pdf(*, publication: Publication, path: str) -> StoredPage:
    with publication.pdf.open("rb") as stored:
        body = stored.read()
    return StoredPage(path, body, PDF, _modified(publication), publication.pdf_filename)


def versions_page(*, school_notice: SchoolNotice, publications: list[Publication]) -> StoredPage:
    """`publications` newest first, as the page lists them."""
    path = versions_path(school_notice)
    body = _render(
        path,
        "notices/versions.html",
        {
            "school_notice": school_notice,
            "school": school_notice.school,
            "notice_type": school_notice.notice_type,
            "publications": publications,
        },
    )
    return StoredPage(path, body, HTML, _modified(publications[0]))


def live_pages(*, publication: Publication) -> list[StoredPage]:
    """The live page at each of its notice's addresses: one body, rendered once."""
    paths = live_paths(publication.school_notice)
    page = notice_page(publication=publication, path=paths[0], is_archived=False)
    return [StoredPage(path, page.body, page.content_type, page.last_modified) for path in paths]


def publication_pages(
    *, publication: Publication, live: bool, with_pdf: bool = True
) -> Iterable[StoredPage]:
    """The pages a publication is served as: its version's, and the live ones while it is."""
    archived = version_path(publication)
    yield notice_page(publication=publication, path=archived, is_archived=True)
    if live:
        yield from live_pages(publication=publication)
    if with_pdf and publication.has_pdf:
        pdf = notice_pdf(publication=publication, path=pdf_path(archived))
        yield pdf
        if live:
            for path in live_paths(publication.school_notice):
                yield StoredPage(
                    pdf_path(path), pdf.body, pdf.content_type, pdf.last_modified, pdf.filename
                )


def respond(
    request: HttpRequest,
    *,
    etag: str,
    last_modified: datetime | float,
    make_response,  # type: ignore[no-untyped-def]
) -> HttpResponse:
    """Answer a conditional GET with 304, or the response; cacheable by browsers and CDNs."""
    timestamp = int(
        last_modified if isinstance(last_modified, float | int) else last_modified.timestamp()
    )
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = make_response()
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=PUBLIC_CACHE_SECONDS)
    return response


def stored_response(request: HttpRequest, page: StoredPage) -> HttpResponse:
    def make_response() -> HttpResponse:
        response = HttpResponse(page.body, content_type=page.content_type)
        if page.filename:
            response.headers["Content-Disposition"] = f'inline; filename="{page.filename}"'
        return response

    return respond(
        request, etag=page.etag, last_modified=page.last_modified, make_response=make_response
    )
