"""Wording office staff suggest for their notices, which the DPO approves or returns."""

from __future__ import annotations

import reversion
from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils import timezone

from schools.models import School, SharingPartner

RETURN_NEEDS_REASON = "Say why the wording is returned, so the school can put it right."


class SuggestionQuerySet(models.QuerySet["Suggestion"]):
    def pending(self) -> SuggestionQuerySet:
        return self.filter(status=Suggestion.Status.PENDING)


@reversion.register()
class Suggestion(models.Model):
    """A change to wording that becomes notice prose, waiting for the DPO.

    Contact facts publish directly; a partner's purpose and note, and a whole new partner, are
    suggested here. `old_text` is the wording on the notice when the suggestion was made, kept
    so the DPO sees what would change even after it was applied.
    """

    class Field(models.TextChoices):
        PURPOSE = "purpose", "Why the school shares with them"
        SCHOOL_NOTE = "school_note", "The school's note"
        NEW_PARTNER = "new-partner", "A new organisation"

    class Status(models.TextChoices):
        PENDING = "pending", "Waiting for the DPO"
        APPROVED = "approved", "Approved"
        RETURNED = "returned", "Returned to the school"
        WITHDRAWN = "withdrawn", "Withdrawn"

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="suggestions")
    partner = models.ForeignKey(
        SharingPartner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="suggestions",
        help_text="Empty for a new organisation until it is approved.",
    )
    field = models.CharField(max_length=20, choices=Field.choices)
    partner_name = models.CharField(max_length=160)
    old_text = models.TextField(max_length=2000, blank=True)
    new_text = models.TextField(max_length=2000, blank=True)
    proposed = models.JSONField(
        default=dict, blank=True, help_text="A new organisation's details, as the school gave them."
    )
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    suggested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    suggested_at = models.DateTimeField(default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    decided_at = models.DateTimeField(null=True, blank=True)
    reason = models.TextField(
        max_length=1000, blank=True, help_text="Why it was returned, for the school to read."
    )

    objects = SuggestionQuerySet.as_manager()

    class Meta:
        ordering = ["suggested_at", "pk"]
        constraints = [
            models.CheckConstraint(
                condition=~Q(status="returned") | ~Q(reason=""),
                name="returned_suggestion_has_reason",
                violation_error_message=RETURN_NEEDS_REASON,
            ),
            models.UniqueConstraint(
                fields=["partner", "field"],
                condition=Q(status="pending", partner__isnull=False),
                name="one_pending_suggestion_per_partner_field",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_field_display()}: {self.partner_name} ({self.school})"

    @property
    def is_pending(self) -> bool:
        return self.status == self.Status.PENDING
