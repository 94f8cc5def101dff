"""A PDF asked for before the worker made it: queued first, rendered here only when it is cheap.

A web process renders at most one PDF at a time, in a helper thread it waits on for a bounded
time (the render itself is a child process with its own time and memory limits); while that
slot is busy (under load), a request waits a moment for the worker instead and otherwise
answers "try again shortly". Rendering never holds a web process for long.
"""

from __future__ import annotations

import logging
import threading
import time

from django.conf import settings

from notices.models import Publication
from notices.publishing.limits import RenderRefused, render_pdf_limited
from notices.publishing.services import publication_cover, store_pdf
from notices.publishing.tasks import render_publication_pdf

logger = logging.getLogger(__name__)

_render_slot = threading.BoundedSemaphore(1)
# Publications this process queued for the worker, and when: asked for again within a minute,
# not queued twice; after that (the task may have been lost with its worker), queued again.
_queued: dict[int, float] = {}
REQUEUE_AFTER_SECONDS = 60.0
POLL_SECONDS = 0.25


def publication_pdf_on_demand(*, publication: Publication) -> Publication | None:
    """The publication with its PDF stored, or None if it is not ready yet (it is queued)."""
    if publication.has_pdf:
        return publication
    _queue(publication)
    if _render_slot.acquire(blocking=False):
        return _render_here(publication)
    return _wait_for_worker(publication, seconds=settings.PDF_ON_DEMAND_WAIT_SECONDS)


def _queue(publication: Publication) -> None:
    now = time.monotonic()
    if now - _queued.get(publication.pk, -REQUEUE_AFTER_SECONDS) < REQUEUE_AFTER_SECONDS:
        return
    for pk, queued_at in list(_queued.items()):  # forget the old ones: bounded by a minute's asks
        if now - queued_at >= REQUEUE_AFTER_SECONDS:
            del _queued[pk]
    render_publication_pdf.enqueue(publication.pk)
    _queued[publication.pk] = now


def _render_here(publication: Publication) -> Publication | None:
    """Render in a helper thread (which frees the slot when done); store it if it is in time."""
    html, cover = publication.html, publication_cover(publication)
    outcome: dict = {}

    def work() -> None:
        try:
            outcome["pdf"] = render_pdf_limited(notice_html=html, cover=cover)
        except RenderRefused as refused:
            logger.warning("The PDF of publication %s was not made: %s", publication.pk, refused)
        except Exception:
            logger.exception("Rendering the PDF of publication %s on demand failed", publication.pk)
        finally:
            _render_slot.release()

    thread = threading.Thread(target=work, name=f"pdf-{publication.pk}", daemon=True)
    thread.start()
    thread.join(settings.PDF_ON_DEMAND_TIMEOUT_SECONDS)
    rendered = outcome.get("pdf")
    if rendered is None:  # too slow or failed: the queued task will make it
        return None
    return store_pdf(publication, rendered.content, rendered.pages)


def _wait_for_worker(publication: Publication, *, seconds: float) -> Publication | None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        fresh = Publication.objects.select_related(
            "school_notice__school", "school_notice__notice_type"
        ).get(pk=publication.pk)
        if fresh.has_pdf:
            return fresh
    return None
