"""Checking newly published notices in the worker, so the dashboard reads stored results."""

from __future__ import annotations

from django_tasks import task

from health.services import publications_health
from notices.models import Publication

HEALTH_PRIORITY = -10  # after the pages and the PDFs
CHECKED_PER_TASK = 100


@task(priority=HEALTH_PRIORITY)
def check_publications_health(publication_ids: list[int]) -> int:
    """Check each publication not checked yet against today's terms; how many were checked."""
    publications = list(
        Publication.objects.filter(pk__in=publication_ids).select_related(
            "school_notice__school", "school_notice__notice_type"
        )
    )
    rows, _waiting = publications_health(publications=publications)
    return len(rows)
