"""Schools, their local authority, their data protection officer and who they share data with."""

from __future__ import annotations

from typing import TYPE_CHECKING

import reversion
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse

from .search import search_text_for
from .validators import (
    normalise_phone,
    normalise_postcode,
    validate_https_url,
    validate_postcode,
    validate_uk_phone,
    validate_urn,
)

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser, AnonymousUser


class HttpsURLField(models.URLField):
    default_validators = [validate_https_url]

    def formfield(self, **kwargs):  # type: ignore[no-untyped-def]
        # "www.school.org" typed into a form means https://www.school.org.
        return super().formfield(**{"assume_scheme": "https", **kwargs})


@reversion.register()
class LocalAuthority(models.Model):
    name = models.CharField(max_length=120, unique=True)
    code = models.CharField(
        "GIAS LA code",
        max_length=3,
        unique=True,
        validators=[RegexValidator(r"^[0-9]{3}$", "The LA code is 3 digits, e.g. 881.")],
    )
    slug = models.SlugField(max_length=120, unique=True)
    website = HttpsURLField(blank=True)

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "local authorities"

    def __str__(self) -> str:
        return self.name


@reversion.register()
class DataProtectionOfficer(models.Model):
    class Kind(models.TextChoices):
        SERVICE = "service", "In-house DPO service"
        PROVIDER = "provider", "Private DPO provider"
        PERSON = "person", "Named person"

    kind = models.CharField(max_length=20, choices=Kind.choices, default=Kind.SERVICE)
    name = models.CharField(
        max_length=120, help_text="The name people write to, e.g. 'Data Protection Officer'."
    )
    organisation = models.CharField(max_length=160, blank=True)
    email = models.EmailField()
    phone = models.CharField(max_length=30, blank=True, validators=[validate_uk_phone])
    address = models.TextField(max_length=500, blank=True)
    website = HttpsURLField(blank=True)

    class Meta:
        ordering = ["organisation", "name"]
        verbose_name = "data protection officer"

    def __str__(self) -> str:
        return f"{self.name}, {self.organisation}" if self.organisation else self.name

    def save(self, *args, **kwargs) -> None:
        self.phone = normalise_phone(self.phone)
        super().save(*args, **kwargs)


class SchoolQuerySet(models.QuerySet["School"]):
    def editable_by(self, user: AbstractBaseUser | AnonymousUser) -> SchoolQuerySet:
        """Schools whose details this user may change: DPO staff all, office staff their own."""
        if not user.is_authenticated or not user.is_active:
            return self.none()
        if user.has_perm("schools.change_school"):
            return self.all()
        if user.has_perm("schools.edit_own_school_details"):
            return self.filter(memberships__user=user)
        return self.none()

    def open(self) -> SchoolQuerySet:
        return self.filter(is_open=True)


@reversion.register(follow=["own_partners"])
class School(models.Model):
    class Phase(models.TextChoices):
        NURSERY = "nursery", "Nursery"
        PRIMARY = "primary", "Primary"
        INFANT = "infant", "Infant"
        JUNIOR = "junior", "Junior"
        MIDDLE = "middle", "Middle"
        SECONDARY = "secondary", "Secondary"
        ALL_THROUGH = "all-through", "All-through"
        SIXTH_FORM = "16-plus", "16 plus"
        SPECIAL = "special", "Special"
        ALTERNATIVE = "alternative", "Alternative provision"
        OTHER = "other", "Other"

    urn = models.CharField("URN", max_length=6, unique=True, validators=[validate_urn])
    name = models.CharField(max_length=160)
    name_cy = models.CharField(
        "Welsh name",
        max_length=160,
        blank=True,
        help_text="The school's name in Welsh, where it has one: used in Welsh notices.",
    )
    slug = models.SlugField(max_length=160, unique=True)
    local_authority = models.ForeignKey(
        LocalAuthority, on_delete=models.PROTECT, related_name="schools"
    )
    phase = models.CharField(max_length=20, choices=Phase.choices, default=Phase.PRIMARY)
    establishment_type = models.CharField(
        max_length=120, blank=True, help_text="As GIAS names it, e.g. 'Community school'."
    )
    is_open = models.BooleanField(
        default=True, help_text="Only open schools' notices are published."
    )
    establishment_status = models.CharField(
        max_length=60, blank=True, help_text="As GIAS gives it, e.g. 'Open' or 'Proposed to open'."
    )
    street = models.CharField(max_length=120, blank=True)
    locality = models.CharField(max_length=120, blank=True)
    town = models.CharField(max_length=80, blank=True)
    postcode = models.CharField(max_length=10, blank=True, validators=[validate_postcode])
    phone = models.CharField(max_length=30, blank=True, validators=[validate_uk_phone])
    email = models.EmailField(blank=True)
    website = HttpsURLField(blank=True)
    headteacher = models.CharField(max_length=120, blank=True)
    data_request_contact = models.CharField(
        max_length=120,
        blank=True,
        help_text="Who handles requests for personal data, e.g. 'the School Business Manager'.",
    )
    data_request_email = models.EmailField(blank=True)
    ico_registration_number = models.CharField(
        "ICO registration number",
        max_length=12,
        blank=True,
        validators=[
            RegexValidator(
                r"^Z[A-Z0-9]{7}$|^ZA[0-9]{6}$|^ZB[0-9]{6}$",
                "An ICO registration number looks like Z1234567 or ZA123456.",
            )
        ],
    )
    dpo = models.ForeignKey(
        DataProtectionOfficer,
        on_delete=models.PROTECT,
        related_name="schools",
        null=True,
        blank=True,
        verbose_name="DPO",
    )
    transfers_to = models.CharField(
        "usually transfers pupils to",
        max_length=160,
        blank=True,
        help_text="The school most pupils move on to, where there is one.",
    )
    search_text = models.TextField(editable=False, default="", db_index=False)
    updated_at = models.DateTimeField(auto_now=True)

    objects = SchoolQuerySet.as_manager()

    class Meta:
        ordering = ["name"]
        indexes = [models.Index(fields=["local_authority", "name"])]
        permissions = [
            ("edit_own_school_details", "Can update the contact details of their own schools"),
        ]

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs) -> None:
        self.postcode = normalise_postcode(self.postcode)
        self.phone = normalise_phone(self.phone)
        self.search_text = search_text_for(
            name=self.name,
            town=self.town,
            locality=self.locality,
            postcode=self.postcode,
            urn=self.urn,
        )
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("notices:school", kwargs={"school_slug": self.slug})

    @property
    def address(self) -> str:
        parts = [self.street, self.locality, self.town, self.postcode]
        return ", ".join(part for part in parts if part)

    def partners(self) -> models.QuerySet[SharingPartner]:
        """Every partner this school shares with: national, its authority's, and its own."""
        return SharingPartner.objects.for_school(self)


PARTNER_CHANGE_NEEDS_DATE = "Give the date it was renamed, merged or closed."
PARTNER_NEEDS_SUCCESSOR = "Choose the partner it became or merged into."
PARTNER_NOT_OWN_SUCCESSOR = "A partner cannot be its own successor."


class SharingPartnerQuerySet(models.QuerySet["SharingPartner"]):
    def for_school(self, school: School) -> SharingPartnerQuerySet:
        return self.filter(
            Q(school=school)
            | Q(school__isnull=True, local_authority=school.local_authority_id)
            | Q(school__isnull=True, local_authority__isnull=True)
        ).order_by("category", "name")

    def no_longer_active(self) -> SharingPartnerQuerySet:
        return self.exclude(status=SharingPartner.Status.ACTIVE)


class LawfulBasis(models.TextChoices):
    """UK GDPR Article 6(1): why the law allows the sharing, in plain words."""

    CONSENT = "consent", "Consent: the person (or their parent) has agreed to it (Article 6(1)(a))"
    CONTRACT = "contract", "Contract: it is needed for a contract with the person (Article 6(1)(b))"
    LEGAL_OBLIGATION = (
        "legal-obligation",
        "Legal obligation: a law says we must share it (Article 6(1)(c))",
    )
    VITAL_INTERESTS = (
        "vital-interests",
        "Vital interests: to protect someone's life (Article 6(1)(d))",
    )
    PUBLIC_TASK = (
        "public-task",
        "Public task: it is needed to run the school, a task the law gives us (Article 6(1)(e))",
    )
    LEGITIMATE_INTERESTS = (
        "legitimate-interests",
        "Legitimate interests: a genuine need that does not override people's rights "
        "(Article 6(1)(f))",
    )


# How each basis reads on the notice.
LAWFUL_BASIS_NOTICE_TEXT = {
    LawfulBasis.CONSENT: "Consent (UK GDPR Article 6(1)(a))",
    LawfulBasis.CONTRACT: "Contract (UK GDPR Article 6(1)(b))",
    LawfulBasis.LEGAL_OBLIGATION: "Legal obligation (UK GDPR Article 6(1)(c))",
    LawfulBasis.VITAL_INTERESTS: "Vital interests (UK GDPR Article 6(1)(d))",
    LawfulBasis.PUBLIC_TASK: "Public task (UK GDPR Article 6(1)(e))",
    LawfulBasis.LEGITIMATE_INTERESTS: "Legitimate interests (UK GDPR Article 6(1)(f))",
}


class SpecialCategoryCondition(models.TextChoices):
    """UK GDPR Article 9(2): the extra condition for health, ethnicity, religion and the like."""

    EXPLICIT_CONSENT = "explicit-consent", "Explicit consent (Article 9(2)(a))"
    EMPLOYMENT = (
        "employment",
        "Employment, social security or social protection law (Article 9(2)(b))",
    )
    VITAL_INTERESTS = (
        "vital-interests",
        "To protect someone's life when they cannot consent (Article 9(2)(c))",
    )
    NOT_FOR_PROFIT = "not-for-profit", "A not-for-profit body's own members (Article 9(2)(d))"
    MADE_PUBLIC = "made-public", "The person made it public themselves (Article 9(2)(e))"
    LEGAL_CLAIMS = "legal-claims", "Legal claims or courts (Article 9(2)(f))"
    SUBSTANTIAL_PUBLIC_INTEREST = (
        "substantial-public-interest",
        "Substantial public interest, such as safeguarding children (Article 9(2)(g))",
    )
    HEALTH_OR_SOCIAL_CARE = (
        "health-or-social-care",
        "Health or social care (Article 9(2)(h))",
    )
    PUBLIC_HEALTH = "public-health", "Public health (Article 9(2)(i))"
    ARCHIVING_OR_RESEARCH = (
        "archiving-or-research",
        "Archiving, research or statistics in the public interest (Article 9(2)(j))",
    )


@reversion.register()
class SharingPartner(models.Model):
    """Someone a school shares personal data with.

    National when neither authority nor school is set (the DfE), authority-wide when the
    authority is set (its admissions team), or one school's own when the school is set.
    """

    class Category(models.TextChoices):
        GOVERNMENT = "government", "Central government"
        LOCAL_AUTHORITY = "local-authority", "Local authority"
        REGULATOR = "regulator", "Regulator or inspectorate"
        HEALTH = "health", "Health and care"
        EDUCATION = "education", "Other schools and education"
        SUPPLIER = "supplier", "Supplier"
        OTHER = "other", "Other"

    class Status(models.TextChoices):
        ACTIVE = "active", "Active"
        RENAMED = "renamed", "Renamed"
        MERGED = "merged", "Merged into another"
        CLOSED = "closed", "Closed"

    name = models.CharField(max_length=160)
    category = models.CharField(max_length=20, choices=Category.choices)
    purpose = models.TextField(max_length=1000, help_text="Why we share with them, in plain words.")
    lawful_basis = models.CharField(
        "lawful basis",
        max_length=255,
        blank=True,
        choices=LawfulBasis.choices,
        help_text="UK GDPR Article 6. A value that is not one of the choices was written before "
        "the choices existed: choose one.",
    )
    lawful_basis_detail = models.CharField(
        "law or duty",
        max_length=255,
        blank=True,
        help_text="Which law or duty, where it helps: e.g. the Education Act 1996.",
    )
    special_category_condition = models.CharField(
        "condition for special category data",
        max_length=40,
        blank=True,
        choices=SpecialCategoryCondition.choices,
        help_text="UK GDPR Article 9, when health, ethnicity, religion or similar data is shared.",
    )
    privacy_notice_url = HttpsURLField("their privacy notice", blank=True)
    local_authority = models.ForeignKey(
        LocalAuthority,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="partners",
        help_text="Set for a partner every school of this authority shares with.",
    )
    school = models.ForeignKey(
        School,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="own_partners",
        help_text="Set for a partner only this school shares with.",
    )
    school_note = models.TextField(
        max_length=500, blank=True, help_text="The school's own note, shown with this partner."
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.ACTIVE,
        help_text="Renamed, merged or closed: notices still naming it are listed on the dashboard.",
    )
    status_date = models.DateField(
        "since", null=True, blank=True, help_text="When it was renamed, merged or closed."
    )
    successor = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="predecessors",
        help_text="Who took on its work (its new name, or the body it merged into).",
    )

    objects = SharingPartnerQuerySet.as_manager()

    class Meta:
        ordering = ["category", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(status="active") | Q(status_date__isnull=False),
                name="partner_change_has_a_date",
                violation_error_message=PARTNER_CHANGE_NEEDS_DATE,
            ),
            models.CheckConstraint(
                condition=Q(local_authority__isnull=True) | Q(school__isnull=True),
                name="partner_scope_is_authority_or_school",
                violation_error_message="A partner belongs to an authority or to one school, "
                "not both.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def clean(self) -> None:
        super().clean()
        errors: dict[str, str] = {}
        if self.status != self.Status.ACTIVE and not self.status_date:
            errors["status_date"] = PARTNER_CHANGE_NEEDS_DATE
        if self.status in (self.Status.RENAMED, self.Status.MERGED) and not self.successor_id:
            errors["successor"] = PARTNER_NEEDS_SUCCESSOR
        if self.successor_id and self.successor_id == self.pk:
            errors["successor"] = PARTNER_NOT_OWN_SUCCESSOR
        if errors:
            raise ValidationError(errors)

    @property
    def is_active(self) -> bool:
        return self.status == self.Status.ACTIVE

    @property
    def lawful_basis_chosen(self) -> bool:
        return not self.lawful_basis or self.lawful_basis in LawfulBasis.values

    def lawful_basis_text(self) -> str:
        """How the lawful basis reads on the notice: basis, its law, the Article 9 condition."""
        if not self.lawful_basis_chosen:
            return self.lawful_basis  # written before the choices: shown as written until chosen
        parts = []
        if self.lawful_basis:
            basis = LAWFUL_BASIS_NOTICE_TEXT[LawfulBasis(self.lawful_basis)]
            detail = self.lawful_basis_detail
            parts.append(f"{basis}: {detail}" if detail else basis)
        if self.special_category_condition:
            label = SpecialCategoryCondition(self.special_category_condition).label
            words, article = label.removesuffix(")").rsplit(" (", 1)
            parts.append(f"for special category data, {words.lower()} (UK GDPR {article})")
        return "; ".join(parts)

    @property
    def scope(self) -> str:
        if self.school_id:
            return "school"
        return "authority" if self.local_authority_id else "national"


@reversion.register()
class SchoolMembership(models.Model):
    """Links an office user to a school whose details they may keep up to date."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="school_memberships"
    )
    school = models.ForeignKey(School, on_delete=models.CASCADE, related_name="memberships")
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "school"], name="one_membership_per_school")
        ]

    def __str__(self) -> str:
        return f"{self.user} at {self.school}"
