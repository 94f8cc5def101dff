"""Tasks run by the worker (`manage.py run_worker`), through Django's tasks API.

Failures are retried a bounded number of times; a task whose worker died is found by
`requeue_stale_tasks` and run again. Both steps are idempotent: publishing the same inputs twice
creates nothing, and a PDF already stored is not rendered again.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import send_mass_mail
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from notices.models import Publication, PublishRun
from notices.publishing.batch import BatchReport, live_publications_without_pdf, notices_publish
from notices.publishing.inputs import school_notices_for_publishing
from notices.publishing.limits import RenderRefused
from notices.publishing.progress import publish_run_count, publish_run_finish_if_done
from notices.publishing.services import (
    PublishResult,
    publication_public_url,
    publication_render_pdf,
)

logger = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
PAGES_PRIORITY = 10  # pages before PDFs: a new change goes live before old PDFs catch up
PDF_PRIORITY = 0


@task(priority=PAGES_PRIORITY)
def publish_run_pages(run_id: int, attempt: int = 1) -> dict:
    """Publish the pages of every notice in the run, then queue their PDFs."""
    run = PublishRun.objects.select_related("requested_by").get(pk=run_id)
    if run.pages_finished_at is not None:
        return {"already": True}  # a re-run after a worker died: nothing left to do
    try:
        school_notices = school_notices_for_publishing(
            run.school_notices.values_list("pk", flat=True)
        )
        report = BatchReport()
        progress = _Progress(run_id)
        notices_publish(
            school_notices=school_notices,
            user=run.requested_by,
            report=report,
            progress=progress,
            jobs=settings.PUBLISH_PAGE_JOBS,
        )
        progress.flush()
    except Exception:
        _retry(publish_run_pages, run_id, attempt=attempt)
        raise
    pending = live_publications_without_pdf(run.school_notices.values_list("pk", flat=True))
    with transaction.atomic():
        PublishRun.objects.filter(pk=run_id).update(
            published=len(report.published),
            failed=len(report.failed),
            errors=[_error(result) for result in report.failed],
            pdfs_total=len(pending),
            pages_finished_at=timezone.now(),
        )
        publish_run_finish_if_done(run_id)
        for publication_id in pending:
            transaction.on_commit(
                lambda pk=publication_id: render_publication_pdf.enqueue(pk, run_id)
            )
    notify_offices(report.published)
    return {"published": len(report.published), "failed": len(report.failed)}


@task(priority=PDF_PRIORITY)
def render_publication_pdf(publication_id: int, run_id: int | None = None, attempt: int = 1) -> int:
    """Render and store one publication's PDF; returns its size in bytes."""
    try:
        publication = Publication.objects.select_related(
            "school_notice__school", "school_notice__notice_type"
        ).get(pk=publication_id)
        publication = publication_render_pdf(publication=publication)
    except Exception as error:
        # A render stopped by a limit would only be stopped again: record it, do not retry.
        retried = not isinstance(error, RenderRefused) and _retry(
            render_publication_pdf, publication_id, run_id, attempt=attempt
        )
        if not retried and run_id is not None:
            _record_pdf_failure(run_id, publication_id, error)
        raise
    if run_id is not None:
        publish_run_count(run_id, pdfs_done=1)
        publish_run_finish_if_done(run_id)
    return publication.pdf_size or 0


class _Progress:
    """Counts pages done into the run every few notices, not on every one."""

    EVERY = 20

    def __init__(self, run_id: int) -> None:
        self.run_id, self.pending = run_id, 0

    def __call__(self, done: int) -> None:
        self.pending += done
        if self.pending >= self.EVERY:
            self.flush()

    def flush(self) -> None:
        if self.pending:
            publish_run_count(self.run_id, pages_done=self.pending)
            self.pending = 0


def requeue_stale_tasks(*, now=None) -> int:  # type: ignore[no-untyped-def]
    """Run again the tasks whose worker died mid-task (still "running" long after it began)."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    now = now or timezone.now()
    cutoff = now - timedelta(seconds=settings.TASK_STALE_AFTER_SECONDS)
    requeued = 0
    for stale in DBTaskResult.objects.running().filter(started_at__lt=cutoff):
        with transaction.atomic():
            claimed = DBTaskResult.objects.filter(
                pk=stale.pk, status=TaskResultStatus.RUNNING
            ).update(status=TaskResultStatus.FAILED, finished_at=now)
            if claimed:
                stale.task.enqueue(*stale.args_kwargs["args"], **stale.args_kwargs["kwargs"])
                requeued += 1
                logger.warning("Re-queued %s: its worker stopped mid-task", stale.task_path)
    return requeued


def _retry(task_function, *args, attempt: int) -> bool:  # type: ignore[no-untyped-def]
    """Queue the task again, a little later, unless it has had its attempts."""
    if attempt >= MAX_ATTEMPTS:
        return False
    delay = timedelta(seconds=settings.TASK_RETRY_DELAY_SECONDS * attempt)
    transaction.on_commit(
        lambda: task_function.using(run_after=timezone.now() + delay).enqueue(
            *args, attempt=attempt + 1
        )
    )
    logger.warning("Retrying %s%r (attempt %d)", task_function.name, args, attempt + 1)
    return True


def _record_pdf_failure(run_id: int, publication_id: int, error: Exception) -> None:
    with transaction.atomic():
        run = PublishRun.objects.select_for_update().get(pk=run_id)
        run.errors = [*run.errors, {"publication": publication_id, "error": str(error)[:500]}]
        run.pdfs_failed += 1
        run.save(update_fields=["errors", "pdfs_failed"])
    publish_run_finish_if_done(run_id)


def _error(result: PublishResult) -> dict:
    school_notice = result.school_notice
    return {
        "school_notice": school_notice.pk,
        "school": school_notice.school.name,
        "notice": school_notice.notice_type.title,
        "error": " ".join(result.errors),
    }


def notify_offices(results: list[PublishResult]) -> int:
    """Tell each school's office staff that their notice was re-published, and what changed."""
    messages = []
    for result in results:
        publication = result.publication
        if publication is None or publication.number == 1:
            continue
        school = result.school_notice.school
        recipients = sorted(
            {
                member.user.email
                for member in school.memberships.select_related("user")
                if member.user.email and member.user.is_active
            }
        )
        if not recipients:
            continue
        changes = "\n".join(f"- {line}" for line in publication.change_summary)
        messages.append(
            (
                f"{school.name}: {result.school_notice.notice_type.title} updated "
                f"(version {publication.number})",
                f"Your school's privacy notice has been re-published as version "
                f"{publication.number}.\n\nWhat changed:\n{changes}\n\n"
                f"Read it at {publication_public_url(publication)}\n",
                settings.DEFAULT_FROM_EMAIL,
                recipients,
            )
        )
    return send_mass_mail(messages, fail_silently=True) if messages else 0
