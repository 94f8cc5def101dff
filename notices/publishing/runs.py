"""Background publishing: what to re-publish after a change, and the bookkeeping of a run.

The work itself runs in the task worker (`notices/tasks.py`): pages first, for every notice of
the run, then one task per PDF, so a clause change reaches every school's page in seconds while
PDFs catch up behind it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from clauses.models import Clause, ClauseVersion
from clauses.services import clause_version_publish
from notices.models import NoticeType, Publication, PublishRun, SchoolNotice
from schools.models import School


def school_notices_using(clause: Clause) -> QuerySet[SchoolNotice]:
    """Open schools' notices whose type includes the clause and that do not leave it out."""
    return (
        SchoolNotice.objects.filter(notice_type__items__clause=clause, school__is_open=True)
        .exclude(omitted_clauses=clause)
        .distinct()
    )


@transaction.atomic
def publish_run_start(
    *,
    school_notices: Iterable[SchoolNotice],
    reason: str,
    user: AbstractBaseUser | None = None,
) -> PublishRun:
    """Record a run and hand it to the worker once this transaction commits."""
    from notices.publishing.tasks import publish_run_pages  # the task module imports this one

    ids = sorted({school_notice.pk for school_notice in school_notices})
    run = PublishRun.objects.create(
        reason=reason[:255],
        requested_by=user if user is not None and user.is_authenticated else None,
        total=len(ids),
    )
    run.school_notices.set(ids)
    if not ids:
        run.finished_at = run.pages_finished_at = timezone.now()
        run.save(update_fields=["finished_at", "pages_finished_at"])
        return run
    transaction.on_commit(lambda: publish_run_pages.enqueue(run.pk))
    return run


def school_republish(*, school: School, user: AbstractBaseUser | None, reason: str) -> PublishRun:
    """Re-publish every notice of one school, e.g. after its office changed its details."""
    return publish_run_start(school_notices=school.notices.all(), reason=reason, user=user)


def clause_republish(*, clause: Clause, user: AbstractBaseUser | None) -> PublishRun:
    return publish_run_start(
        school_notices=school_notices_using(clause),
        reason=f"Published a new version of “{clause}”",
        user=user,
    )


def publish_run_count(run_id: int, **increments: int) -> None:
    """Add to a run's counters atomically (several workers count at once)."""
    PublishRun.objects.filter(pk=run_id).update(
        **{name: F(name) + amount for name, amount in increments.items()}
    )


def publish_run_finish_if_done(run_id: int) -> None:
    PublishRun.objects.filter(
        pk=run_id,
        finished_at__isnull=True,
        pages_finished_at__isnull=False,
        pdfs_total__lte=F("pdfs_done") + F("pdfs_failed"),
    ).update(finished_at=timezone.now())


def latest_run_for_school(school: School) -> PublishRun | None:
    return PublishRun.objects.filter(school_notices__school=school).distinct().first()


@dataclass(frozen=True)
class ClausePublished:
    version: ClauseVersion
    run: PublishRun
    warnings: list[str]


@transaction.atomic
def clause_version_publish_everywhere(
    *, version: ClauseVersion, user: AbstractBaseUser | None
) -> ClausePublished:
    """Publish a draft and re-publish, in the background, every notice that uses its clause."""
    from health.coverage import gap_message, notice_type_gaps

    version = clause_version_publish(version=version, user=user)
    run = clause_republish(clause=version.clause, user=user)
    warnings = []
    for notice_type in NoticeType.objects.filter(items__clause=version.clause).distinct():
        gaps = notice_type_gaps(notice_type)
        if gaps:
            warnings.append(gap_message(notice_type, gaps))
    return ClausePublished(version=version, run=run, warnings=warnings)


def publish_run_retry(*, run: PublishRun, user: AbstractBaseUser | None) -> PublishRun:
    """Start a new run for the notices that failed in this one (and missing PDFs)."""
    failed_ids = {error["school_notice"] for error in run.errors if "school_notice" in error}
    failed_pdf_notices = Publication.objects.filter(
        pk__in=[error["publication"] for error in run.errors if "publication" in error]
    ).values_list("school_notice_id", flat=True)
    return publish_run_start(
        school_notices=SchoolNotice.objects.filter(pk__in=failed_ids | set(failed_pdf_notices)),
        reason=f"Retry of: {run.reason}",
        user=user,
    )
