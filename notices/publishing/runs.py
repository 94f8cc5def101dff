"""Background publishing: what to re-publish after a change, and the bookkeeping of a run.

The work itself runs in the task worker (`tasks.py`, which this module enqueues; the counters the
tasks write are in `progress.py`): pages first, for every notice of
the run, then one task per PDF, so a clause change reaches every school's page in seconds while
PDFs catch up behind it.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone

from clauses.models import Clause
from notices.models import Publication, PublishRun, SchoolNotice
from notices.publishing.tasks import publish_run_pages
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
    return clauses_republish(clauses=[clause], user=user)


def clauses_republish(*, clauses: Sequence[Clause], user: AbstractBaseUser | None) -> PublishRun:
    """One run for every notice that uses any of the clauses, after their versions changed."""
    ids: set[int] = set()
    for clause in clauses:
        ids.update(school_notices_using(clause).values_list("pk", flat=True))
    names = ", ".join(f"“{clause}”" for clause in clauses)
    return publish_run_start(
        school_notices=SchoolNotice.objects.filter(pk__in=ids),
        reason=f"Published a new version of {names}"
        if len(clauses) == 1
        else f"Published new versions of {names}",
        user=user,
    )


def latest_run_for_school(school: School) -> PublishRun | None:
    return PublishRun.objects.filter(school_notices__school=school).distinct().first()


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
