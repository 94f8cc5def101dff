"""A publish run's counters, written by the workers as they go (several at once)."""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone

from notices.models import PublishRun


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
