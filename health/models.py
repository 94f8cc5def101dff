"""The maintained list of outdated law and terms that notices, drafts and partner names are
checked against: data DPO staff keep in the admin, not code."""

from __future__ import annotations

import reversion
from django.core.exceptions import ValidationError
from django.db import models

from .checks.words import folded

TERM_HAS_NO_WORDS = "A term needs at least one letter or digit."


class OutdatedTermQuerySet(models.QuerySet["OutdatedTerm"]):
    def active(self) -> OutdatedTermQuerySet:
        return self.filter(is_active=True)


@reversion.register()
class OutdatedTerm(models.Model):
    class Kind(models.TextChoices):
        LAW = "law", "Repealed or replaced law"
        TERM = "term", "Outdated term"
        BODY = "body", "Renamed or closed organisation"

    term = models.CharField(
        max_length=200,
        unique=True,
        help_text="Matched as whole words, ignoring case, punctuation and plurals, "
        "e.g. 'privacy impact assessment'.",
    )
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.TERM)
    reason = models.TextField(help_text="Why it is outdated, in a sentence a DPO can pass on.")
    replacement = models.CharField(
        max_length=200, blank=True, help_text="What to write instead, if anything."
    )
    outdated_since = models.DateField(null=True, blank=True)
    is_active = models.BooleanField(
        "checked", default=True, help_text="Untick to stop checking for this term."
    )

    objects = OutdatedTermQuerySet.as_manager()

    class Meta:
        ordering = ["term"]

    def __str__(self) -> str:
        return self.term

    def clean(self) -> None:
        if not folded(self.term or ""):
            raise ValidationError({"term": TERM_HAS_NO_WORDS})

    @property
    def severity(self) -> str:
        return "error" if self.kind == self.Kind.LAW else "warning"


class PublicationHealth(models.Model):
    """The health of one publication, kept so the dashboard need not re-read every notice.

    A publication never changes, so its results stay right until the checks or the list of
    terms change: `fingerprint` records both, and a stale row is checked again.
    """

    publication = models.OneToOneField(
        "notices.Publication", on_delete=models.CASCADE, related_name="health"
    )
    fingerprint = models.CharField(max_length=64)
    findings = models.JSONField(default=list)
    coverage = models.JSONField(default=list)
    reading_age = models.PositiveSmallIntegerField(null=True, blank=True)
    longest = models.JSONField(default=list)
    dpo_mentions = models.JSONField(default=list)
    checked_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "publication health"
        verbose_name_plural = "publication health"

    def __str__(self) -> str:
        return f"Health of {self.publication}"
