"""Background publishing: what to re-publish after a change, and the bookkeeping of a run.

The work itself runs in the task worker (`notices/tasks.py`): pages first, for every notice of
the run, then one task per PDF, so a clause change reaches every school's page in seconds while
PDFs catch up behind it.
"""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import F, QuerySet
from django.utils import timezone

from clauses.models import Clause
from schools.models import School

from .models import PublishRun, SchoolNotice


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
    from .tasks import publish_run_pages  # the task module imports this one

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
