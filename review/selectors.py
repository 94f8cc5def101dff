"""What the DPO sees of the wording waiting for review."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from notices.diff import word_diff
from review.models import Suggestion
from schools.models import LawfulBasis, SharingPartner

DASHBOARD_SHOWN = 10


@dataclass(frozen=True)
class PendingSuggestion:
    suggestion: Suggestion
    diff: list[tuple[str, str]]  # ("equal" | "insert" | "delete", words)


def pending_suggestion(suggestion: Suggestion) -> PendingSuggestion:
    return PendingSuggestion(suggestion, word_diff(suggestion.old_text, suggestion.new_text))


def pending_suggestions(limit: int | None = None) -> tuple[int, list[PendingSuggestion]]:
    """How many suggestions wait for the DPO, and the oldest of them with their word diffs."""
    pending = Suggestion.objects.pending().select_related("school", "suggested_by")
    shown = pending[:limit] if limit else pending
    return pending.count(), [pending_suggestion(s) for s in shown]


def partners_without_a_chosen_basis() -> QuerySet[SharingPartner]:
    """Partners whose lawful basis was typed before the choices existed: the DPO chooses."""
    return (
        SharingPartner.objects.exclude(lawful_basis="")
        .exclude(lawful_basis__in=LawfulBasis.values)
        .select_related("school", "local_authority")
    )
