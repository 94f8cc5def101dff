"""Clauses and their versions: the one library every school's notice is built from."""

from __future__ import annotations

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q

from .markup import SUMMARY_MAX_LENGTH, placeholders_in, validate_body, validate_summary


class Art13Item(models.TextChoices):
    """What UK GDPR Art. 13 (and 14) says privacy information must contain (the ICO's list)."""

    CONTROLLER = "controller", "Name and contact details of the organisation"
    REPRESENTATIVE = "representative", "Name and contact details of a representative"
    DPO = "dpo", "Contact details of the data protection officer"
    PURPOSES = "purposes", "Purposes of the processing"
    LAWFUL_BASIS = "lawful-basis", "Lawful basis for the processing"
    LEGITIMATE_INTERESTS = "legitimate-interests", "Legitimate interests for the processing"
    CATEGORIES = "categories", "Categories of personal data obtained"
    RECIPIENTS = "recipients", "Recipients or categories of recipients"
    TRANSFERS = "transfers", "Transfers to third countries or international organisations"
    RETENTION = "retention", "Retention periods"
    RIGHTS = "rights", "Rights available to individuals"
    WITHDRAW_CONSENT = "withdraw-consent", "Right to withdraw consent"
    COMPLAINT = "complaint", "Right to lodge a complaint with the ICO"
    SOURCE = "source", "Source of the personal data"
    STATUTORY = "statutory", "Whether providing the data is a statutory or contractual requirement"
    AUTOMATED = "automated-decisions", "Automated decision-making, including profiling"


# Items the ICO marks "if applicable": a notice type may record that one does not apply.
ART13_IF_APPLICABLE = frozenset(
    {
        Art13Item.REPRESENTATIVE,
        Art13Item.LEGITIMATE_INTERESTS,
        Art13Item.CATEGORIES,
        Art13Item.TRANSFERS,
        Art13Item.WITHDRAW_CONSENT,
        Art13Item.SOURCE,
        Art13Item.STATUTORY,
        Art13Item.AUTOMATED,
    }
)


def validate_art13_items(value: list[str]) -> None:
    unknown = sorted(set(value or []) - set(Art13Item.values))
    if unknown:
        raise ValidationError(f"Unknown Art. 13 items: {', '.join(unknown)}.")


@reversion.register(follow=["versions"])
class Clause(models.Model):
    key = models.SlugField(
        max_length=80, unique=True, help_text="A stable name, e.g. 'how-to-complain'."
    )
    heading = models.CharField(max_length=200)
    art13_items = models.JSONField(
        "Art. 13 items covered",
        default=list,
        blank=True,
        validators=[validate_art13_items],
    )
    required = models.BooleanField(
        default=True, help_text="Optional clauses can be left out by a school's notice."
    )
    guidance = models.TextField(blank=True, help_text="Notes for DPO staff; never published.")

    class Meta:
        ordering = ["key"]

    def __str__(self) -> str:
        return self.heading

    def art13_labels(self) -> list[str]:
        return [Art13Item(item).label for item in self.art13_items]

    def live_version(self) -> ClauseVersion | None:
        return self.versions.filter(status=ClauseVersion.Status.PUBLISHED).first()

    def draft_version(self) -> ClauseVersion | None:
        return self.versions.filter(status=ClauseVersion.Status.DRAFT).first()


class ClauseVersionQuerySet(models.QuerySet["ClauseVersion"]):
    def published(self) -> ClauseVersionQuerySet:
        return self.filter(status=ClauseVersion.Status.PUBLISHED)


IMMUTABLE_VERSION = (
    "Version {number} of “{clause}” is {status} and cannot be changed: start a new draft instead."
)
ONLY_DRAFTS_DELETED = "Only a draft version can be deleted."


@reversion.register()
class ClauseVersion(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", "Draft"
        PUBLISHED = "published", "Published"
        RETIRED = "retired", "Retired"

    # A clause that ever had a version stays: publications refer to its versions.
    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="versions")
    number = models.PositiveIntegerField(editable=False)
    body = models.TextField(
        help_text="Markdown: paragraphs, lists, *emphasis*, [links](https://…) and "
        "placeholders such as {{ school.name }}."
    )
    summary = models.TextField(
        "summary (at a glance)",
        max_length=SUMMARY_MAX_LENGTH,
        blank=True,
        help_text="One or two plain sentences a parent reads first, above the full notice. "
        "The same placeholders work here, except {{ partners }}.",
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)
    effective_date = models.DateField(null=True, blank=True)
    change_summary = models.CharField(
        max_length=255, blank=True, help_text="What changed and why, in a sentence."
    )
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    published_at = models.DateTimeField(null=True, blank=True)

    objects = ClauseVersionQuerySet.as_manager()

    class Meta:
        ordering = ["clause", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(fields=["clause", "number"], name="one_number_per_clause"),
            models.UniqueConstraint(
                fields=["clause"],
                condition=Q(status="published"),
                name="one_published_version_per_clause",
                violation_error_message="A clause has one published version at a time.",
            ),
            models.UniqueConstraint(
                fields=["clause"],
                condition=Q(status="draft"),
                name="one_draft_per_clause",
                violation_error_message="This clause already has a draft: edit that one.",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.clause} v{self.number} ({self.get_status_display().lower()})"

    def save(self, *args, **kwargs) -> None:
        if self.number is None:
            latest = self.clause.versions.aggregate(models.Max("number"))["number__max"]
            self.number = (latest or 0) + 1
        stored = self._stored()
        if stored is not None and stored.status != self.Status.DRAFT:
            retiring = stored.status == self.Status.PUBLISHED and self.status == self.Status.RETIRED
            content_same = all(
                getattr(stored, field) == getattr(self, field)
                for field in (
                    "clause_id",
                    "number",
                    "body",
                    "summary",
                    "effective_date",
                    "change_summary",
                )
            )
            if not (retiring and content_same):
                raise ValidationError(
                    IMMUTABLE_VERSION.format(
                        number=stored.number, clause=stored.clause, status=stored.status
                    )
                )
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        stored = self._stored()
        if stored is not None and stored.status != self.Status.DRAFT:
            raise ValidationError(ONLY_DRAFTS_DELETED)
        return super().delete(*args, **kwargs)

    def clean(self) -> None:
        errors = {}
        if body_errors := validate_body(self.body or ""):
            errors["body"] = body_errors
        if summary_errors := validate_summary(self.summary or ""):
            errors["summary"] = summary_errors
        if errors:
            raise ValidationError(errors)

    def _stored(self) -> ClauseVersion | None:
        if self.pk is None:
            return None
        return type(self).objects.filter(pk=self.pk).first()

    @property
    def is_editable(self) -> bool:
        return self.status == self.Status.DRAFT


LANGUAGE_CODE_ERROR = "Enter a language code such as cy (Welsh), pl (Polish) or pt-br."
TRANSLATION_PLACEHOLDERS = (
    "The translation must use the same placeholders as version {number}: {details}."
)


def validate_language_code(value: str) -> None:
    """A BCP 47 language tag in the form Django uses: 'cy', 'pl', 'pt-br', 'zh-hans'."""
    parts = (value or "").split("-")
    first_ok = 2 <= len(parts[0]) <= 3 and parts[0].isascii() and parts[0].isalpha()
    rest_ok = all(1 <= len(p) <= 8 and p.isascii() and p.isalnum() for p in parts[1:])
    if not (first_ok and rest_ok and value == value.lower()):
        raise ValidationError(LANGUAGE_CODE_ERROR, code="invalid_language")


@reversion.register()
class ClauseVersionTranslation(models.Model):
    """A clause version in another language, written by DPO staff beside the English.

    It translates one source version. When the clause gets a newer published version, the
    translation of the older one is stale until someone translates the new one: publishing
    keeps using the old translation and says plainly that the English is newer.
    """

    version = models.ForeignKey(
        ClauseVersion,
        on_delete=models.CASCADE,
        related_name="translations",
        help_text="The English version this translates.",
    )
    language = models.CharField(
        max_length=15, validators=[validate_language_code], help_text="e.g. cy for Welsh."
    )
    heading = models.CharField(max_length=200)
    body = models.TextField(
        help_text="Markdown, with the same placeholders as the English text, e.g. "
        "{{ school.name }}."
    )
    summary = models.TextField(max_length=SUMMARY_MAX_LENGTH, blank=True)
    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["version__clause", "language", "-version__number"]
        constraints = [
            models.UniqueConstraint(
                fields=["version", "language"],
                name="one_translation_per_version_and_language",
                violation_error_message="This version already has a translation in that "
                "language: edit that one.",
            )
        ]

    def __str__(self) -> str:
        return f"{self.version.clause} v{self.version.number} ({self.language})"

    def clean(self) -> None:
        errors: dict[str, list[str]] = {}
        if body_errors := validate_body(self.body or ""):
            errors["body"] = body_errors
        if summary_errors := validate_summary(self.summary or ""):
            errors["summary"] = summary_errors
        if self.version_id is not None and "body" not in errors:
            mismatch = _placeholder_mismatch(
                (self.version.body, self.version.summary), (self.body, self.summary or "")
            )
            if mismatch:
                errors["body"] = [
                    TRANSLATION_PLACEHOLDERS.format(number=self.version.number, details=mismatch)
                ]
        if errors:
            raise ValidationError(errors)


def _placeholder_mismatch(source: tuple[str, ...], translation: tuple[str, ...]) -> str:
    used = {name for text in source for name in placeholders_in(text)}
    written = {name for text in translation for name in placeholders_in(text)}
    details = []
    if missing := sorted(used - written):
        details.append("missing " + ", ".join(f"{{{{ {n} }}}}" for n in missing))
    if extra := sorted(written - used):
        details.append("not in the English " + ", ".join(f"{{{{ {n} }}}}" for n in extra))
    return "; ".join(details)
