"""Publishing many notices at once: pages first (fast), then PDFs in worker processes."""

from __future__ import annotations

import gc
import math
import multiprocessing
import resource
import time
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from typing import TypeVar

from django.contrib.auth.models import AbstractBaseUser
from django.db import connections, transaction
from django.db.models import QuerySet

from notices.models import Publication, SchoolNotice
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.publishing.services import (
    PublishResult,
    notices_publish_together,
    publication_render_pdf,
)
from notices.publishing.signals import publications_published

Progress = Callable[[int], None]
Chunked = TypeVar("Chunked")


@dataclass
class BatchReport:
    published: list[PublishResult] = field(default_factory=list)
    unchanged: list[PublishResult] = field(default_factory=list)
    failed: list[PublishResult] = field(default_factory=list)
    pdfs_rendered: int = 0
    pdf_failures: list[tuple[int, str]] = field(default_factory=list)
    worker_peak_rss_kb: list[int] = field(default_factory=list)
    # time.monotonic() when every notice's live page was written (the rest comes after)
    pages_live_at: float | None = None

    @property
    def ok(self) -> bool:
        return not self.failed and not self.pdf_failures


# Notices published at a time, their writes in one transaction: small enough for steady
# progress and short locks, large enough that handing them out and writing them cost little.
PAGES_CHUNK = 50
# Heavy fields of a publication its page or PDF are made from: left out of what a publishing
# process sends back (read again from the database if asked for).
_NOT_SENT_BACK = ("html", "inputs")


def notices_publish(
    *,
    school_notices: Iterable[SchoolNotice],
    user: AbstractBaseUser | None = None,
    progress: Progress | None = None,
    report: BatchReport | None = None,
    jobs: int = 1,
) -> BatchReport:
    """Publish each notice whose inputs changed; a failure never stops the others.

    Notices are published a chunk at a time (see `notices_publish_together`). With `jobs` above
    1 and more than one chunk, `jobs` forked processes publish a chunk each at a time: on a
    county of schools the pages are live about `jobs` times sooner.
    """
    report = report or BatchReport()
    published_before = len(report.published)
    builder = InputsBuilder()
    if not isinstance(school_notices, QuerySet):
        school_notices = list(school_notices)
    ids = _ids(school_notices) if jobs > 1 and _other_processes_see_our_data() else []
    in_processes = len(ids) > PAGES_CHUNK
    executor = None
    try:
        if in_processes:
            builder.contacts()  # loaded once here, inherited by every process
            connections.close_all()  # each process opens its own connection
            gc.freeze()  # what the processes inherit, left out of their garbage collections
            executor = ProcessPoolExecutor(
                max_workers=jobs,
                mp_context=multiprocessing.get_context("fork"),
                initializer=_use_builder,
                initargs=(builder,),
            )
            # Each process loads the notices of its chunks itself.
            results: Iterable[list[PublishResult]] = executor.map(
                partial(_publish_chunk, user=user), _chunks(ids, jobs)
            )
        else:
            results = (
                notices_publish_together(chunk, user=user, builder=builder)
                for chunk in _chunks(list(school_notices))
            )
        for chunk_results in results:
            for result in chunk_results:
                getattr(report, result.status).append(result)
            if progress:
                progress(len(chunk_results))
        report.pages_live_at = time.monotonic()  # before the processes exit, which can wait
    finally:
        if executor is not None:
            executor.shutdown()
        if in_processes:
            gc.unfreeze()
    if in_processes:
        _checkpoint()
    publications = [result.publication for result in report.published[published_before:]]
    if publications:  # after each publication's own on-commit work, in a transaction or not
        transaction.on_commit(
            lambda: publications_published.send(sender=Publication, publications=publications)
        )
    return report


def _other_processes_see_our_data() -> bool:
    """Not when the database lives in this process's memory (in-memory SQLite), nor inside a
    transaction not committed yet: then the notices are published here."""
    connection = connections["default"]
    in_memory = connection.vendor == "sqlite" and connection.is_in_memory_db()
    return not in_memory and not connection.in_atomic_block


_process_builder: InputsBuilder | None = None


def _use_builder(builder: InputsBuilder) -> None:
    global _process_builder
    _process_builder = builder
    _defer_checkpoints()


def _defer_checkpoints() -> None:
    """In a publishing process on SQLite: leave copying the write-ahead log into the database to
    `_checkpoint`, once every page is live. Otherwise every few chunks one process stops to
    copy and flush megabytes (20 ms each time) while its pages wait."""
    connection = connections["default"]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_autocheckpoint=0")


def _checkpoint() -> None:
    """Copy what the publishing processes wrote to SQLite's log into the database, without
    waiting for readers (the next writer finishes what a reader holds up)."""
    connection = connections["default"]
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA wal_checkpoint(PASSIVE)")


def _ids(school_notices: QuerySet | list[SchoolNotice]) -> list[int]:
    if isinstance(school_notices, QuerySet):
        return list(school_notices.values_list("pk", flat=True))
    return [school_notice.pk for school_notice in school_notices]


def _chunks(items: list[Chunked], jobs: int = 1) -> list[list[Chunked]]:
    """At most `PAGES_CHUNK` each, in a multiple of `jobs` chunks of even sizes, so the
    processes finish together instead of one waiting on another's last chunk."""
    if not items:
        return []
    rounds = math.ceil(len(items) / (PAGES_CHUNK * jobs))
    count = rounds * jobs
    size, larger = divmod(len(items), count)
    chunks, start = [], 0
    for number in range(count):
        end = start + size + (1 if number < larger else 0)
        if end > start:
            chunks.append(items[start:end])
        start = end
    return chunks


def _publish_chunk(ids: list[int], user: AbstractBaseUser | None) -> list[PublishResult]:
    """In a publishing process: publish each notice, send back the results, light."""
    school_notices = list(school_notices_for_publishing(ids))
    results = notices_publish_together(school_notices, user=user, builder=_process_builder)
    for result in results:
        if result.publication is not None:
            for name in _NOT_SENT_BACK:
                result.publication.__dict__.pop(name, None)
    return results


def select_school_notices(
    *, school_slugs: list[str] | None = None, authority_code: str | None = None
):  # type: ignore[no-untyped-def]
    queryset = school_notices_for_publishing().filter(school__is_open=True)
    if school_slugs:
        queryset = queryset.filter(school__slug__in=school_slugs)
    if authority_code:
        queryset = queryset.filter(school__local_authority__code=authority_code)
    return queryset


def live_publications_without_pdf(school_notice_ids: Iterable[int]) -> list[int]:
    """The live publication of each notice, where its PDF is still to be rendered."""
    latest: dict[int, tuple[int, int, bool]] = {}
    rows = Publication.objects.filter(school_notice_id__in=list(school_notice_ids)).values_list(
        "school_notice_id", "number", "pk", "pdf"
    )
    for school_notice_id, number, pk, pdf in rows:
        if school_notice_id not in latest or number > latest[school_notice_id][0]:
            latest[school_notice_id] = (number, pk, bool(pdf))
    return sorted(pk for _number, pk, has_pdf in latest.values() if not has_pdf)


def _render_one(publication_id: int) -> tuple[int, str, int]:
    try:
        publication = Publication.objects.select_related(
            "school_notice__school", "school_notice__notice_type"
        ).get(pk=publication_id)
        publication_render_pdf(publication=publication)
        error = ""
    except Exception as exc:  # reported per publication; the batch goes on
        error = f"{type(exc).__name__}: {exc}"
    return publication_id, error, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def pdfs_render(
    *,
    publication_ids: list[int],
    jobs: int = 1,
    progress: Progress | None = None,
    report: BatchReport | None = None,
) -> BatchReport:
    """Render PDFs in `jobs` worker processes (in this process when jobs is 1)."""
    report = report or BatchReport()
    if jobs <= 1 or len(publication_ids) <= 1:
        results: Iterable[tuple[int, str, int]] = map(_render_one, publication_ids)
        executor = None
    else:
        # Children must open their own database connections, never share the parent's.
        connections.close_all()
        executor = ProcessPoolExecutor(
            max_workers=jobs, mp_context=multiprocessing.get_context("fork")
        )
        results = executor.map(_render_one, publication_ids, chunksize=2)
    try:
        for publication_id, error, peak_kb in results:
            if error:
                report.pdf_failures.append((publication_id, error))
            else:
                report.pdfs_rendered += 1
            report.worker_peak_rss_kb.append(peak_kb)
            if progress:
                progress(1)
    finally:
        if executor is not None:
            executor.shutdown()
            gc.unfreeze()
    return report
