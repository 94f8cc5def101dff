"""New publications are queued for their health checks once their batch is live."""

from __future__ import annotations

from django.dispatch import receiver

from health.tasks import CHECKED_PER_TASK, check_publications_health
from notices.models import Publication
from notices.publishing.signals import publications_published


@receiver(publications_published)
def _queue_health_checks(
    sender: type, *, publications: list[Publication], **kwargs: object
) -> None:
    ids = [publication.pk for publication in publications]
    for start in range(0, len(ids), CHECKED_PER_TASK):
        check_publications_health.enqueue(ids[start : start + CHECKED_PER_TASK])
