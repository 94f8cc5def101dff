"""Keeping the mirror equal to what the app would serve: on publishing, and on deploy."""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from itertools import chain

from mirror import store
from notices.models import Publication, SchoolNotice
from notices.site import pages

logger = logging.getLogger(__name__)

PUBLICATION_FIELDS = ("school_notice__school", "school_notice__notice_type")


def _publications(school_notice: SchoolNotice) -> list[Publication]:
    """Newest first, with what the pages need and the PDF fields (but not the inputs)."""
    return list(
        Publication.objects.select_related(*PUBLICATION_FIELDS)
        .filter(school_notice=school_notice)
        .defer("inputs")
        .order_by("-number")
    )


def _notice_pages(
    school_notice: SchoolNotice, publications: list[Publication]
) -> Iterable[pages.StoredPage]:
    """Every page of a notice: the live ones, each version's and the versions page."""
    for publication in publications:
        yield from pages.publication_pages(
            publication=publication, live=publication is publications[0]
        )
    yield pages.versions_page(school_notice=school_notice, publications=publications)


def mirror_publication(*, publication: Publication, live_written: bool = False) -> int:
    """Write a publication's pages (and the notice's live and versions pages); files written.

    A new live publication without a PDF yet takes the old live PDF off the mirror, so the app
    answers for it (and has it made) instead of the mirror serving the previous version's.
    `live_written`: its live pages are already written (by `mirror_live_pages`).
    """
    school_notice = publication.school_notice  # publishing loaded its school and notice type
    listing = list(school_notice.publications.only(*pages.VERSIONS_PAGE_FIELDS).order_by("-number"))
    is_live = listing[0].pk == publication.pk
    if is_live and not publication.has_pdf:
        for path in pages.live_paths(school_notice):
            store.remove(pages.pdf_path(path))
    written = store.write_all(
        chain(
            pages.publication_pages(publication=publication, live=is_live and not live_written),
            [pages.versions_page(school_notice=school_notice, publications=listing)],
        )
    )
    return len(written)


def mirror_live_pages(*, publication: Publication) -> int:
    """A new live publication's page, at once, and nothing that can wait; files written.

    Its notice's versions page and old live PDF are taken off, so until `mirror_publication`
    writes them (after its batch, or when the PDF is stored) the app answers for them. The
    files it replaces stay in the trash until then too.
    """
    school_notice = publication.school_notice
    for path in pages.live_paths(school_notice):
        store.remove(pages.pdf_path(path))
    store.remove(pages.versions_path(school_notice))
    return len(store.write_all(pages.live_pages(publication=publication)))


def mirror_forget(*, publication: Publication) -> None:
    """Take a notice's live addresses off the mirror, so the app answers for them."""
    school_notice = SchoolNotice.objects.select_related("school", "notice_type").get(
        pk=publication.school_notice_id
    )
    for path in pages.live_paths(school_notice):
        store.remove(path)
        store.remove(pages.pdf_path(path))
    store.remove(pages.versions_path(school_notice))
    store.empty_trash()


@dataclass
class RebuildReport:
    notices: int = 0
    files: int = 0
    removed: int = 0


def mirror_rebuild(*, progress: Callable[[int], None] | None = None) -> RebuildReport:
    """Render every published page again (after the site's templates changed), drop the rest."""
    report = RebuildReport()
    before = store.all_files()
    written: set[str] = set()
    school_notices = (
        SchoolNotice.objects.select_related("school", "notice_type")
        .filter(publications__isnull=False)
        .distinct()
        .order_by("pk")
    )
    for school_notice in school_notices.iterator(chunk_size=200):
        publications = _publications(school_notice)
        written.update(store.write_all(_notice_pages(school_notice, publications)))
        report.notices += 1
        if progress:
            progress(1)
    for stale in before - written:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(stale)
        report.removed += 1
    store.empty_trash()
    report.files = len(written)
    return report
