"""Public pages from stored publications.

The static mirror (the `mirror` app) answers for notice pages, PDFs and versions pages before
these views are reached; they serve what the mirror does not hold yet, from the same renderers.
"""

from __future__ import annotations

from django.db.models.fields.files import FieldFile
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import http_date
from django.utils.translation import override
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from notices.diff import compare_notices
from notices.models import Publication, PublicationTranslation, SchoolNotice
from notices.publishing.inputs import RENDERER_VERSION, school_facts
from notices.publishing.ondemand import (
    publication_pdf_on_demand,
    summary_pdf_on_demand,
    translation_pdf_on_demand,
)
from notices.publishing.rendering import ICO, notice_contacts
from notices.selectors import live_publications, publication_for_page
from notices.site import pages
from schools.models import School

PUBLIC_CACHE_SECONDS = pages.PUBLIC_CACHE_SECONDS
PDF_NOT_READY_RETRY_SECONDS = 10


def _not_found(request: HttpRequest, school_slug: str, type_slug: str | None) -> HttpResponse:
    school = School.objects.filter(slug=school_slug).first()
    return render(
        request, "notices/not_found.html", {"school": school, "type_slug": type_slug}, status=404
    )


def _cacheable(
    request: HttpRequest,
    publication: Publication | PublicationTranslation,
    response_factory,  # type: ignore[no-untyped-def]
) -> HttpResponse:
    etag = f'"{publication.input_hash[:32]}-{RENDERER_VERSION}-{int(publication.has_pdf)}"'
    last_modified = publication.pdf_rendered_at or publication.published_at
    timestamp = int(last_modified.timestamp())
    response = get_conditional_response(request, etag=etag, last_modified=timestamp)
    if response is None:
        response = response_factory()
    response.headers["ETag"] = etag
    response.headers["Last-Modified"] = http_date(timestamp)
    patch_cache_control(response, public=True, max_age=PUBLIC_CACHE_SECONDS)
    return response


@require_safe
@gzip_page
def notice_page(
    request: HttpRequest, school_slug: str, type_slug: str | None = None, number: int | None = None
) -> HttpResponse:
    publication = publication_for_page(school_slug=school_slug, type_slug=type_slug, number=number)
    if publication is None:
        return _not_found(request, school_slug, type_slug)
    page = pages.notice_page(
        publication=publication, path=request.path, is_archived=number is not None
    )
    return pages.stored_response(request, page)


def _translation(
    school_slug: str, type_slug: str | None, language: str
) -> tuple[Publication | None, PublicationTranslation | None]:
    publication = publication_for_page(school_slug=school_slug, type_slug=type_slug)
    if publication is None:
        return None, None
    return publication, publication.translations.filter(language=language).first()


@require_safe
def notice_translation_page(
    request: HttpRequest, school_slug: str, language: str, type_slug: str | None = None
) -> HttpResponse:
    """The live notice in another language, with the page's own words in it too."""
    publication, translation = _translation(school_slug, type_slug, language)
    if publication is None or translation is None:
        return _not_found(request, school_slug, type_slug)

    def page() -> HttpResponse:
        with override(language):
            return HttpResponse(pages.notice_page_html(publication, translation, language=language))

    return _cacheable(request, translation, page)


@require_safe
def notice_translation_pdf(
    request: HttpRequest, school_slug: str, language: str, type_slug: str | None = None
) -> HttpResponse:
    publication, translation = _translation(school_slug, type_slug, language)
    if publication is None or translation is None:
        return _not_found(request, school_slug, type_slug)
    ready = translation_pdf_on_demand(translation=translation)
    if ready is None:
        return _pdf_not_ready(request, publication)
    return _cacheable(
        request,
        ready,
        lambda: _pdf_response(ready.pdf, filename=translation.pdf_filename),
    )


@require_safe
def notice_pdf(
    request: HttpRequest, school_slug: str, type_slug: str | None = None, number: int | None = None
) -> HttpResponse:
    publication = publication_for_page(school_slug=school_slug, type_slug=type_slug, number=number)
    if publication is None:
        return _not_found(request, school_slug, type_slug)
    ready = publication_pdf_on_demand(publication=publication)
    if ready is None:
        return _pdf_not_ready(request, publication)
    return pages.stored_response(request, pages.notice_pdf(publication=ready, path=request.path))


@require_safe
def notice_summary_pdf(
    request: HttpRequest, school_slug: str, type_slug: str | None = None
) -> HttpResponse:
    """The short copy for paper: cover, contacts and "At a glance"."""
    publication = publication_for_page(school_slug=school_slug, type_slug=type_slug)
    if publication is None:
        return _not_found(request, school_slug, type_slug)
    ready = summary_pdf_on_demand(publication=publication)
    if ready is None:
        return _pdf_not_ready(request, publication)
    return _cacheable(
        request,
        ready,
        lambda: _pdf_response(
            ready.summary_pdf, filename=publication.pdf_filename.replace(".pdf", "-summary.pdf")
        ),
    )


def _pdf_response(stored: FieldFile, *, filename: str) -> FileResponse:
    return FileResponse(
        stored.open("rb"), content_type="application/pdf", as_attachment=False, filename=filename
    )


def _pdf_not_ready(request: HttpRequest, publication: Publication) -> HttpResponse:
    """503 with Retry-After: the PDF is queued for the worker and not made yet."""
    page_url = request.path.removesuffix(".pdf").removesuffix("/summary") + "/"
    response = render(
        request,
        "notices/pdf_not_ready.html",
        {
            "publication": publication,
            "school": publication.school_notice.school,
            "notice_type": publication.school_notice.notice_type,
            "page_url": page_url,
            "retry_seconds": PDF_NOT_READY_RETRY_SECONDS,
        },
        status=503,
    )
    response.headers["Retry-After"] = str(PDF_NOT_READY_RETRY_SECONDS)
    response.headers["Cache-Control"] = "no-store"
    return response


@require_safe
@gzip_page
def notice_versions(request: HttpRequest, school_slug: str, type_slug: str) -> HttpResponse:
    school_notice = (
        SchoolNotice.objects.select_related("school", "notice_type")
        .filter(school__slug=school_slug, notice_type__slug=type_slug)
        .first()
    )
    if school_notice is None:
        return _not_found(request, school_slug, type_slug)
    publications = list(
        school_notice.publications.only(*pages.VERSIONS_PAGE_FIELDS).order_by("-number")
    )
    if not publications:
        return _not_found(request, school_slug, type_slug)
    page = pages.versions_page(school_notice=school_notice, publications=publications)
    return pages.stored_response(request, page)


@require_safe
@gzip_page
def notice_changes(
    request: HttpRequest, school_slug: str, type_slug: str, number: int
) -> HttpResponse:
    """What changed in version `number` since the one before it, word by word."""
    pair = list(
        Publication.objects.select_related("school_notice__school", "school_notice__notice_type")
        .filter(
            school_notice__school__slug=school_slug,
            school_notice__notice_type__slug=type_slug,
            number__in=[number, number - 1],
        )
        .order_by("-number")
    )
    if not pair or pair[0].number != number:
        return _not_found(request, school_slug, type_slug)
    publication = pair[0]
    previous = pair[1] if len(pair) > 1 else None
    return _cacheable(
        request,
        publication,
        lambda: render(
            request,
            "notices/changes.html",
            {
                "publication": publication,
                "previous": previous,
                "school": publication.school_notice.school,
                "notice_type": publication.school_notice.notice_type,
                "school_notice": publication.school_notice,
                "sections": compare_notices(previous.html, publication.html) if previous else [],
            },
        ),
    )


@require_safe
@gzip_page
@cache_control(public=True, max_age=PUBLIC_CACHE_SECONDS)
def school_detail(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = get_object_or_404(
        School.objects.select_related("local_authority", "dpo"), slug=school_slug
    )
    notices = list(
        school.notices.select_related("notice_type")
        .filter(publications__isnull=False)
        .distinct()
        .order_by("-notice_type__is_primary", "notice_type__title")
    )
    live = live_publications([n.pk for n in notices])
    main_notice = next((n for n in notices if n.notice_type.is_primary and n.pk in live), None)
    complaint_key = live[main_notice.pk].inputs.get("complaint_key", "") if main_notice else ""
    return render(
        request,
        "notices/school.html",
        {
            "school": school,
            "school_notices": [(n, live[n.pk]) for n in notices if n.pk in live],
            "contacts": notice_contacts(school_facts(school)),
            "complaint_url": f"{main_notice.get_absolute_url()}#{complaint_key}"
            if main_notice and complaint_key
            else "",
            "ico": ICO,
        },
    )
