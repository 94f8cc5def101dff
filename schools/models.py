"""Schools, their local authority, their data protection officer and who they share data with."""

from __future__ import annotations

from typing import TYPE_CHECKING

import reversion
from django.conf import settings
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
    address = models.TextField(blank=True)
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


class SharingPartnerQuerySet(models.QuerySet["SharingPartner"]):
    def for_school(self, school: School) -> SharingPartnerQuerySet:
        return self.filter(
            Q(school=school)
            | Q(school__isnull=True, local_authority=school.local_authority_id)
            | Q(school__isnull=True, local_authority__isnull=True)
        ).order_by("category", "name")


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

    name = models.CharField(max_length=160)
    category = models.CharField(max_length=20, choices=Category.choices)
    purpose = models.TextField(help_text="Why we share with them, in plain words.")
    lawful_basis = models.CharField(max_length=255, blank=True)
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
        blank=True, help_text="The school's own note, shown with this partner."
    )

    objects = SharingPartnerQuerySet.as_manager()

    class Meta:
        ordering = ["category", "name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(local_authority__isnull=True) | Q(school__isnull=True),
                name="partner_scope_is_authority_or_school",
                violation_error_message="A partner belongs to an authority or to one school, "
                "not both.",
            ),
        ]

    def __str__(self) -> str:
        return self.name

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
