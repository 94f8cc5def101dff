"""Notice types, each school's notice, and the immutable publications rendered from them."""

from __future__ import annotations

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse

from clauses.models import Clause, ClauseVersion, validate_art13_items, validate_language_code
from schools.models import School


@reversion.register(follow=["items", "translations"])
class NoticeType(models.Model):
    slug = models.SlugField(max_length=80, unique=True)
    title = models.CharField(max_length=200, help_text="e.g. 'How we use pupil information'.")
    audience = models.CharField(max_length=200, help_text="e.g. 'Parents, carers and pupils'.")
    is_primary = models.BooleanField(
        "main notice",
        default=False,
        help_text="The notice every school also serves at /schools/<school>/privacy-notice/.",
    )
    not_applicable_items = models.JSONField(
        "Art. 13 items that do not apply",
        default=list,
        blank=True,
        validators=[validate_art13_items],
        help_text="'If applicable' items this kind of notice need not cover.",
    )
    clauses = models.ManyToManyField(Clause, through="NoticeTypeClause", related_name="+")

    class Meta:
        ordering = ["-is_primary", "title"]
        constraints = [
            models.UniqueConstraint(
                fields=["is_primary"],
                condition=Q(is_primary=True),
                name="one_main_notice_type",
                violation_error_message="Only one notice type can be the main notice.",
            )
        ]

    def __str__(self) -> str:
        return self.title

    def languages(self) -> list[str]:
        """The languages besides English this notice is offered in (its translations' codes)."""
        return [t.language for t in self.translations.all()]


@reversion.register()
class NoticeTypeTranslation(models.Model):
    """A notice type offered in another language: its title and audience in that language.

    Adding one makes the notice type's clauses count as needing that translation.
    """

    notice_type = models.ForeignKey(
        NoticeType, on_delete=models.CASCADE, related_name="translations"
    )
    language = models.CharField(
        max_length=15, validators=[validate_language_code], help_text="e.g. cy for Welsh."
    )
    title = models.CharField(max_length=200)
    audience = models.CharField(max_length=200)

    class Meta:
        ordering = ["notice_type", "language"]
        verbose_name = "language offered"
        constraints = [
            models.UniqueConstraint(
                fields=["notice_type", "language"], name="one_translation_per_notice_type"
            )
        ]

    def __str__(self) -> str:
        return f"{self.notice_type} ({self.language})"


NOT_OFFERED = "“{notice_type}” is not offered in {languages}: add the language to it first."


@reversion.register()
class NoticeTypeClause(models.Model):
    notice_type = models.ForeignKey(NoticeType, on_delete=models.CASCADE, related_name="items")
    clause = models.ForeignKey(Clause, on_delete=models.PROTECT, related_name="notice_items")
    position = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["notice_type", "position", "id"]
        verbose_name = "clause in this notice"
        constraints = [
            models.UniqueConstraint(fields=["notice_type", "clause"], name="clause_once_per_type")
        ]

    def __str__(self) -> str:
        return f"{self.position}. {self.clause}"


# The last error is the renderer's note to DPO staff, not an edit: it has no revision history.
@reversion.register(exclude=["last_error", "last_error_at"])
class SchoolNotice(models.Model):
    """One school's copy of a notice type: which optional clauses it leaves out, when to review."""

    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="notices")
    notice_type = models.ForeignKey(
        NoticeType, on_delete=models.PROTECT, related_name="school_notices"
    )
    omitted_clauses = models.ManyToManyField(
        Clause,
        blank=True,
        related_name="+",
        help_text="Optional clauses this school leaves out of its notice.",
    )
    review_date = models.DateField(null=True, blank=True)
    languages = models.JSONField(
        "languages besides English",
        default=list,
        blank=True,
        help_text='Language codes this school also publishes the notice in, e.g. ["cy"]: '
        "only languages the notice type is offered in.",
    )
    last_error = models.TextField(blank=True, editable=False)
    last_error_at = models.DateTimeField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["school__name", "notice_type"]
        constraints = [
            models.UniqueConstraint(fields=["school", "notice_type"], name="one_notice_per_type")
        ]

    def __str__(self) -> str:
        return f"{self.school}: {self.notice_type}"

    def get_absolute_url(self) -> str:
        return notice_url(school_slug=self.school.slug, notice_type=self.notice_type)

    def clean(self) -> None:
        if self.pk:
            required = [c for c in self.omitted_clauses.all() if c.required]
            if required:
                raise ValidationError(f"“{required[0]}” is required and cannot be left out.")
        if not isinstance(self.languages, list) or not all(
            isinstance(code, str) for code in self.languages
        ):
            raise ValidationError({"languages": 'Give a list of language codes, e.g. ["cy"].'})
        if self.notice_type_id is not None:
            offered = set(self.notice_type.languages())
            unknown = [code for code in self.languages if code not in offered]
            if unknown:
                raise ValidationError(
                    {
                        "languages": NOT_OFFERED.format(
                            notice_type=self.notice_type, languages=", ".join(unknown)
                        )
                    }
                )

    def live_publication(self) -> Publication | None:
        return self.publications.order_by("-number").first()


def notice_url(*, school_slug: str, notice_type: NoticeType) -> str:
    """The public address of a notice; the main notice has the short one."""
    if notice_type.is_primary:
        return reverse("notices:privacy_notice", kwargs={"school_slug": school_slug})
    return reverse(
        "notices:notice", kwargs={"school_slug": school_slug, "type_slug": notice_type.slug}
    )


def publication_pdf_path(publication: Publication, filename: str) -> str:
    school_notice = publication.school_notice
    return (
        f"publications/{school_notice.school.slug}/{school_notice.notice_type.slug}/"
        f"v{publication.number}-{publication.input_hash[:12]}.pdf"
    )


def publication_summary_path(publication: Publication, filename: str) -> str:
    return publication_pdf_path(publication, filename).replace(".pdf", "-summary.pdf")


IMMUTABLE_PUBLICATION = "A publication is a record of what was published and never changes."
# The PDF is rendered after the HTML goes live, so these may be filled in once, later.
PDF_FIELDS = frozenset(
    {
        "pdf",
        "pdf_size",
        "pdf_sha256",
        "pdf_pages",
        "pdf_rendered_at",
        "summary_pdf",
        "summary_pdf_pages",
    }
)


class ImmutableRecord(models.Model):
    """Written once; afterwards only its PDF fields may be filled in, and it is never deleted."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs) -> None:
        if self.pk is not None:
            fields = set(kwargs.get("update_fields") or ())
            if not fields or not fields <= PDF_FIELDS:
                raise ValidationError(IMMUTABLE_PUBLICATION)
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):  # type: ignore[no-untyped-def]
        raise ValidationError(IMMUTABLE_PUBLICATION)

    @property
    def has_pdf(self) -> bool:
        return bool(self.pdf)  # type: ignore[attr-defined]


class Publication(ImmutableRecord):
    """What one school notice said at one moment: HTML, PDF and the inputs that made them."""

    school_notice = models.ForeignKey(
        SchoolNotice, on_delete=models.PROTECT, related_name="publications"
    )
    number = models.PositiveIntegerField()
    html = models.TextField(help_text="The sanitised notice, as served on the web.")
    input_hash = models.CharField(max_length=64, db_index=True)
    inputs = models.JSONField(help_text="The school facts and clause versions rendered.")
    clause_versions = models.ManyToManyField(ClauseVersion, related_name="publications")
    change_summary = models.JSONField(default=list)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    published_at = models.DateTimeField()
    pdf = models.FileField(upload_to=publication_pdf_path, blank=True, max_length=255)
    pdf_size = models.PositiveIntegerField(null=True, blank=True)
    pdf_sha256 = models.CharField(
        max_length=64, blank=True, help_text="SHA-256 of the stored PDF, to check a restore."
    )
    pdf_pages = models.PositiveIntegerField(null=True, blank=True)
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)
    # The short paper copy handed out at admission: the cover, the contacts and "At a glance".
    summary_pdf = models.FileField(upload_to=publication_summary_path, blank=True, max_length=255)
    summary_pdf_pages = models.PositiveIntegerField(null=True, blank=True)

    class Meta:
        ordering = ["school_notice", "-number"]
        get_latest_by = "number"
        constraints = [
            models.UniqueConstraint(
                fields=["school_notice", "number"], name="one_number_per_school_notice"
            ),
            models.CheckConstraint(condition=Q(number__gte=1), name="publication_number_from_1"),
        ]

    def __str__(self) -> str:
        return f"{self.school_notice} v{self.number}"

    @property
    def pdf_filename(self) -> str:
        school_notice = self.school_notice
        stem = (
            "privacy-notice"
            if school_notice.notice_type.is_primary
            else school_notice.notice_type.slug
        )
        return f"{school_notice.school.slug}-{stem}-v{self.number}.pdf"


def translation_pdf_path(translation: PublicationTranslation, filename: str) -> str:
    publication = translation.publication
    return publication_pdf_path(publication, filename).replace(
        ".pdf", f".{translation.language}.pdf"
    )


class PublicationTranslation(ImmutableRecord):
    """The same publication in another language: made with it, as immutable as it.

    `behind` names the sections whose English is newer than their translation (or that have
    no translation yet and are shown in English), so the page can say so plainly.
    """

    publication = models.ForeignKey(
        Publication, on_delete=models.PROTECT, related_name="translations"
    )
    language = models.CharField(max_length=15)
    html = models.TextField()
    behind = models.JSONField(default=list)
    pdf = models.FileField(upload_to=translation_pdf_path, blank=True, max_length=255)
    pdf_size = models.PositiveIntegerField(null=True, blank=True)
    pdf_sha256 = models.CharField(
        max_length=64, blank=True, help_text="SHA-256 of the stored PDF, to check a restore."
    )
    pdf_pages = models.PositiveIntegerField(null=True, blank=True)
    pdf_rendered_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["publication", "language"]
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "language"], name="one_language_per_publication"
            )
        ]

    def __str__(self) -> str:
        return f"{self.publication} ({self.language})"

    @property
    def is_behind(self) -> bool:
        return bool(self.behind)

    @property
    def pdf_filename(self) -> str:
        return self.publication.pdf_filename.replace(".pdf", f"-{self.language}.pdf")

    # What the PDF renderer and the page's cache headers read, as on a publication.
    @property
    def input_hash(self) -> str:
        return f"{self.publication.input_hash[:24]}{self.language}"

    @property
    def published_at(self):  # type: ignore[no-untyped-def]
        return self.publication.published_at


class PublishRun(models.Model):
    """One request to bring some notices up to date, carried out in the background.

    Made when a clause version is published, a school's details change or DPO staff publish by
    hand. Workers count their progress here so staff can watch it (n of m) and see failures.
    """

    reason = models.CharField(max_length=255)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    school_notices = models.ManyToManyField(SchoolNotice, related_name="publish_runs")
    total = models.PositiveIntegerField(default=0)
    pages_done = models.PositiveIntegerField(default=0)
    published = models.PositiveIntegerField(default=0)
    failed = models.PositiveIntegerField(default=0)
    pdfs_total = models.PositiveIntegerField(default=0)
    pdfs_done = models.PositiveIntegerField(default=0)
    pdfs_failed = models.PositiveIntegerField(default=0)
    errors = models.JSONField(default=list)
    pages_finished_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["finished_at"])]

    def __str__(self) -> str:
        return f"{self.reason} ({self.created_at:%d %b %Y %H:%M})"

    @property
    def status(self) -> str:
        if self.finished_at is None:
            return "running" if self.pages_done or self.pdfs_done else "waiting"
        return "failed" if self.failed or self.pdfs_failed else "done"
