"""A PDF asked for before the worker made it (a notice's, its summary's, a translation's):
queued first, rendered here only when it is cheap.

A web process renders at most one PDF at a time, in a helper thread it waits on for a bounded
time (the render itself is a child process with its own time and memory limits); while that
slot is busy (under load), a request waits a moment for the worker instead and otherwise
answers "try again shortly". Rendering never holds a web process for long.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, TypeVar

from django.conf import settings

from notices.models import Publication, PublicationTranslation
from notices.publishing.limits import RenderRefused, render_pdf_limited
from notices.publishing.services import (
    publication_cover,
    store_pdf,
    store_summary_pdf,
    translation_cover,
)
from notices.publishing.tasks import render_publication_pdf

if TYPE_CHECKING:
    from notices.publishing.pdf import RenderedPDF

logger = logging.getLogger(__name__)

_render_slot = threading.BoundedSemaphore(1)
# Publications this process queued for the worker, and when: asked for again within a minute,
# not queued twice; after that (the task may have been lost with its worker), queued again.
_queued: dict[int, float] = {}
REQUEUE_AFTER_SECONDS = 60.0
POLL_SECONDS = 0.25


Stored = TypeVar("Stored", Publication, PublicationTranslation)


def publication_pdf_on_demand(*, publication: Publication) -> Publication | None:
    """The publication with its PDF stored, or None if it is not ready yet (it is queued)."""
    return _on_demand(
        publication,
        publication_id=publication.pk,
        is_ready=lambda found: found.has_pdf,
        to_render=lambda: {
            "notice_html": publication.html,
            "cover": publication_cover(publication),
        },
        store=lambda rendered: store_pdf(publication, rendered.content, rendered.pages),
        reload=lambda: _publication(publication.pk),
    )


def summary_pdf_on_demand(*, publication: Publication) -> Publication | None:
    """The publication with its summary PDF stored, or None if it is not ready yet."""
    return _on_demand(
        publication,
        publication_id=publication.pk,
        is_ready=lambda found: bool(found.summary_pdf),
        to_render=lambda: {
            "notice_html": publication.html,
            "cover": publication_cover(publication),
            "summary_only": True,
        },
        store=lambda rendered: store_summary_pdf(publication, rendered.content, rendered.pages),
        reload=lambda: _publication(publication.pk),
    )


def translation_pdf_on_demand(
    *, translation: PublicationTranslation
) -> PublicationTranslation | None:
    """The translation with its PDF stored, or None if it is not ready yet."""
    return _on_demand(
        translation,
        publication_id=translation.publication_id,
        is_ready=lambda found: found.has_pdf,
        to_render=lambda: {
            "notice_html": translation.html,
            "cover": translation_cover(translation),
        },
        store=lambda rendered: store_pdf(translation, rendered.content, rendered.pages),
        reload=lambda: PublicationTranslation.objects.select_related(
            "publication__school_notice__school", "publication__school_notice__notice_type"
        ).get(pk=translation.pk),
    )


def _publication(pk: int) -> Publication:
    return Publication.objects.select_related(
        "school_notice__school", "school_notice__notice_type"
    ).get(pk=pk)


def _on_demand(
    document: Stored,
    *,
    publication_id: int,
    is_ready: Callable[[Stored], bool],
    to_render: Callable[[], dict[str, Any]],
    store: Callable[[RenderedPDF], Stored],
    reload: Callable[[], Stored],
) -> Stored | None:
    """Queue the publication's PDFs for the worker (it makes all of them: the notice, its
    summary, its translations), then render this one here if the slot is free, or wait a
    moment for the worker. What to render (`render_pdf_limited`'s arguments) is read here, in
    the request, so the helper thread only renders."""
    if is_ready(document):
        return document
    _queue(publication_id)
    if _render_slot.acquire(blocking=False):
        try:
            kwargs = to_render()
        except BaseException:
            _render_slot.release()
            raise
        rendered = _render_here(kwargs, label=f"publication {publication_id}")
        return store(rendered) if rendered is not None else None
    return _wait_for_worker(is_ready, reload, seconds=settings.PDF_ON_DEMAND_WAIT_SECONDS)


def _queue(publication_id: int) -> None:
    now = time.monotonic()
    if now - _queued.get(publication_id, -REQUEUE_AFTER_SECONDS) < REQUEUE_AFTER_SECONDS:
        return
    for pk, queued_at in list(_queued.items()):  # forget the old ones: bounded by a minute's asks
        if now - queued_at >= REQUEUE_AFTER_SECONDS:
            del _queued[pk]
    render_publication_pdf.enqueue(publication_id)
    _queued[publication_id] = now


def _render_here(kwargs: dict[str, Any], *, label: str) -> RenderedPDF | None:
    """Render in a helper thread (which frees the slot when done) and return the PDF if it is
    made in time; the request stores it (the thread never touches the database)."""
    outcome: dict[str, RenderedPDF] = {}

    def work() -> None:
        try:
            outcome["pdf"] = render_pdf_limited(**kwargs)
        except RenderRefused as refused:
            logger.warning("The PDF of %s was not made: %s", label, refused)
        except Exception:
            logger.exception("Rendering the PDF of %s on demand failed", label)
        finally:
            _render_slot.release()

    thread = threading.Thread(target=work, name=f"pdf-{label}", daemon=True)
    thread.start()
    thread.join(settings.PDF_ON_DEMAND_TIMEOUT_SECONDS)
    return outcome.get("pdf")  # None when too slow or failed: the queued task will make it


def _wait_for_worker(
    is_ready: Callable[[Stored], bool], reload: Callable[[], Stored], *, seconds: float
) -> Stored | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        fresh = reload()
        if is_ready(fresh):
            return fresh
    return None
