"""Factories for valid, fictional records: every object they make passes full_clean()."""

from __future__ import annotations

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone
from django.utils.text import slugify
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from factory.django import DjangoModelFactory, Password

from clauses.models import Clause, ClauseVersion
from notices.models import NoticeType, NoticeTypeClause, SchoolNotice
from schools.models import (
    DataProtectionOfficer,
    LocalAuthority,
    School,
    SchoolMembership,
    SharingPartner,
)

PASSWORD = "a-long-test-password-42"

# Ofcom's drama range for London, 020 7946 0000 to 0999: valid to libphonenumber, never in use.
DRAMA_PHONE = "020 7946 0{:03d}"


class UserFactory(DjangoModelFactory):
    class Meta:
        model = get_user_model()
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.org")
    password = Password(PASSWORD)
    is_staff = False

    @factory.post_generation
    def groups(self, create: bool, extracted, **kwargs) -> None:  # type: ignore[no-untyped-def]
        """UserFactory(groups=["DPO staff"]) adds the user to those groups, by name or object."""
        if not create or not extracted:
            return
        self.groups.add(
            *[Group.objects.get(name=g) if isinstance(g, str) else g for g in extracted]
        )


class LocalAuthorityFactory(DjangoModelFactory):
    class Meta:
        model = LocalAuthority

    name = factory.Sequence(lambda n: f"Testshire County Council {n}")
    code = factory.Sequence(lambda n: f"{n % 1000:03d}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    website = factory.LazyAttribute(lambda o: f"https://{o.slug}.example.org/")


class DataProtectionOfficerFactory(DjangoModelFactory):
    class Meta:
        model = DataProtectionOfficer

    kind = DataProtectionOfficer.Kind.SERVICE
    name = "Data Protection Officer"
    organisation = factory.Sequence(lambda n: f"Testshire DPO Service {n}")
    email = factory.Sequence(lambda n: f"dpo{n}@example.org")
    phone = factory.Sequence(lambda n: DRAMA_PHONE.format(n % 1000))
    address = "County Hall, Market Road, Chelmsford CM1 1AA"
    website = "https://dpo.example.org/"


class SchoolFactory(DjangoModelFactory):
    class Meta:
        model = School

    urn = factory.Sequence(lambda n: f"{100000 + n % 900000}")
    name = factory.Sequence(lambda n: f"Oakfield Primary School {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    local_authority = factory.SubFactory(LocalAuthorityFactory)
    phase = School.Phase.PRIMARY
    establishment_type = "Community school"
    street = "1 High Street"
    town = "Chelmsford"
    postcode = "CM1 1AA"
    phone = factory.Sequence(lambda n: DRAMA_PHONE.format(n % 1000))
    email = factory.LazyAttribute(lambda o: f"office.{o.slug}@example.org")
    website = factory.LazyAttribute(lambda o: f"https://{o.slug}.example.org/")
    headteacher = "Ms A. Example"
    data_request_contact = "the School Business Manager"
    data_request_email = factory.LazyAttribute(lambda o: f"data.{o.slug}@example.org")
    ico_registration_number = "ZA123456"
    dpo = factory.SubFactory(DataProtectionOfficerFactory)


class SharingPartnerFactory(DjangoModelFactory):
    """National by default; pass local_authority= or school= (not both) to narrow it."""

    class Meta:
        model = SharingPartner

    name = factory.Sequence(lambda n: f"Partner {n}")
    category = SharingPartner.Category.GOVERNMENT
    purpose = "To meet our legal duties to report on pupils."
    lawful_basis = "legal-obligation"
    privacy_notice_url = "https://partner.example.org/privacy"
    local_authority = None
    school = None


class SchoolMembershipFactory(DjangoModelFactory):
    class Meta:
        model = SchoolMembership

    user = factory.SubFactory(UserFactory)
    school = factory.SubFactory(SchoolFactory)


class ClauseFactory(DjangoModelFactory):
    class Meta:
        model = Clause

    key = factory.Sequence(lambda n: f"clause-{n}")
    heading = factory.Sequence(lambda n: f"Clause {n}")
    art13_items = factory.LazyFunction(lambda: ["purposes"])
    required = True
    guidance = ""


class ClauseVersionFactory(DjangoModelFactory):
    """A draft by default; ClauseVersionFactory(published=True) makes the live version."""

    class Meta:
        model = ClauseVersion

    clause = factory.SubFactory(ClauseFactory)
    body = "We, {{ school.name }}, use pupils' information to teach them and keep them safe."
    status = ClauseVersion.Status.DRAFT
    change_summary = ""

    class Params:
        published = factory.Trait(
            status=ClauseVersion.Status.PUBLISHED,
            published_at=factory.LazyFunction(timezone.now),
            effective_date=factory.LazyFunction(timezone.localdate),
        )
        retired = factory.Trait(
            status=ClauseVersion.Status.RETIRED,
            published_at=factory.LazyFunction(timezone.now),
            effective_date=factory.LazyFunction(timezone.localdate),
        )


class NoticeTypeFactory(DjangoModelFactory):
    class Meta:
        model = NoticeType

    slug = factory.Sequence(lambda n: f"notice-type-{n}")
    title = factory.Sequence(lambda n: f"How we use information {n}")
    audience = "Parents, carers and pupils"
    is_primary = False


class NoticeTypeClauseFactory(DjangoModelFactory):
    class Meta:
        model = NoticeTypeClause

    notice_type = factory.SubFactory(NoticeTypeFactory)
    clause = factory.SubFactory(ClauseFactory)
    position = factory.Sequence(lambda n: n)


class SchoolNoticeFactory(DjangoModelFactory):
    class Meta:
        model = SchoolNotice

    school = factory.SubFactory(SchoolFactory)
    notice_type = factory.SubFactory(NoticeTypeFactory)


def authenticator_for(user) -> TOTPDevice:  # type: ignore[no-untyped-def]
    """A confirmed authenticator-app device for `user`, as enrolment leaves it."""
    return TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)


def current_code(device: TOTPDevice) -> str:
    """The 6-digit code the user's authenticator app shows now."""
    code = totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits)
    return f"{code:0{device.digits}d}"
