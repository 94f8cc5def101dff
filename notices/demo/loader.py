"""Load the Wexbury demo data idempotently: a second run finds everything in place.

Every row is looked up by its natural key (authority code, school URN, DPO email, partner name
and scope, clause key, notice type slug) and only written when it is new or its demo values
changed, after `full_clean()`. Published clause versions are never touched: a clause gets its
first version only when it has none. All writes happen inside one django-reversion revision
commented "Demo data", so DPO staff can see in the history where the rows came from.
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar

import reversion
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser, Group
from django.db import models
from django.utils import timezone

from clauses.markup import PLACEHOLDERS, placeholders_in
from clauses.models import Clause, ClauseVersion, ClauseVersionTranslation
from notices.models import NoticeType, NoticeTypeClause, NoticeTypeTranslation, SchoolNotice
from notices.publishing.inputs import school_facts
from schools.models import (
    DataProtectionOfficer,
    LocalAuthority,
    School,
    SchoolMembership,
    SharingPartner,
)
from security.twofactor import demo_second_factor

from . import county, library, welsh

REVISION_COMMENT = "Demo data"
DPO_STAFF_GROUP = "DPO staff"  # created by schools/migrations/0002_groups.py
SCHOOL_OFFICE_GROUP = "School office"
DPO_USERNAME = "dpo"
OFFICE_USERNAME_PREFIX = "office-"
FIRST_VERSION_SUMMARY = "First version, from the demo clause library."

M = TypeVar("M", bound=models.Model)


@dataclass
class SeedSummary:
    """What a load did, counted per model label (e.g. "School")."""

    created: Counter[str] = field(default_factory=Counter)
    updated: Counter[str] = field(default_factory=Counter)
    unchanged: Counter[str] = field(default_factory=Counter)
    passwords_set: int = 0
    # Clauses whose live text differs from the demo library (edited by DPO staff since).
    clauses_differing: list[str] = field(default_factory=list)
    usernames: list[str] = field(default_factory=list)
    # The DPO user's second sign-in step: the authenticator key and this run's backup codes.
    dpo_authenticator_key: str = ""
    dpo_backup_codes: list[str] = field(default_factory=list)

    @property
    def total_created(self) -> int:
        return sum(self.created.values())

    @property
    def total_updated(self) -> int:
        return sum(self.updated.values())

    def lines(self) -> list[str]:
        labels = sorted(set(self.created) | set(self.updated) | set(self.unchanged))
        return [
            f"{label}: {self.created[label]} created, {self.updated[label]} updated, "
            f"{self.unchanged[label]} unchanged"
            for label in labels
        ]


def _upsert(
    model: type[M],
    *,
    lookup: Mapping[str, Any],
    values: Mapping[str, Any],
    summary: SeedSummary,
    label: str | None = None,
) -> tuple[M, bool]:
    """Like `update_or_create`, but validates with `full_clean()` and skips unchanged rows."""
    label = label or model.__name__
    obj = model._default_manager.filter(**lookup).first()
    if obj is None:
        obj = model(**lookup, **values)
        obj.full_clean()
        obj.save()
        summary.created[label] += 1
        return obj, True
    changed = [name for name, value in values.items() if getattr(obj, name) != value]
    if changed:
        for name in changed:
            setattr(obj, name, values[name])
        obj.full_clean()
        obj.save()
        summary.updated[label] += 1
    else:
        summary.unchanged[label] += 1
    return obj, False


def load_authority(*, data: county.AuthorityData, summary: SeedSummary) -> LocalAuthority:
    authority, _ = _upsert(
        LocalAuthority,
        lookup={"code": data.code},
        values={"name": data.name, "slug": data.slug, "website": data.website},
        summary=summary,
    )
    return authority


def load_dpos(
    *, dpos: Iterable[county.DpoData], summary: SeedSummary
) -> dict[str, DataProtectionOfficer]:
    loaded: dict[str, DataProtectionOfficer] = {}
    for data in dpos:
        dpo, _ = _upsert(
            DataProtectionOfficer,
            lookup={"email": data.email},
            values={
                "kind": data.kind,
                "name": data.name,
                "organisation": data.organisation,
                "phone": data.phone,
                "address": data.address,
                "website": data.website,
            },
            summary=summary,
        )
        loaded[data.email] = dpo
    return loaded


def load_schools(
    *,
    schools: Iterable[county.SchoolData],
    authority: LocalAuthority,
    dpos: Mapping[str, DataProtectionOfficer],
    summary: SeedSummary,
) -> dict[str, School]:
    loaded: dict[str, School] = {}
    for data in schools:
        school, _ = _upsert(
            School,
            lookup={"urn": data.urn},
            values={
                "name": data.name,
                "name_cy": data.name_cy,
                "slug": data.slug,
                "local_authority": authority,
                "phase": data.phase,
                "establishment_type": data.establishment_type,
                "is_open": True,
                "street": data.street,
                "locality": data.locality,
                "town": data.town,
                "postcode": data.postcode,
                "phone": data.phone,
                "email": data.email,
                "website": data.website,
                "headteacher": data.headteacher,
                "data_request_contact": data.data_request_contact,
                "data_request_email": data.data_request_email,
                "ico_registration_number": data.ico_registration_number,
                "dpo": dpos[data.dpo_email],
                "transfers_to": data.transfers_to,
            },
            summary=summary,
        )
        loaded[data.urn] = school
    return loaded


def load_partners(
    *,
    partners: Iterable[county.PartnerData],
    authority: LocalAuthority,
    schools: Mapping[str, School],
    summary: SeedSummary,
) -> list[SharingPartner]:
    loaded: list[SharingPartner] = []
    for data in partners:
        lookup: dict[str, Any] = {
            "name": data.name,
            "local_authority": authority if data.scope == "authority" else None,
            "school": schools[data.school_urn] if data.scope == "school" else None,
        }
        partner, _ = _upsert(
            SharingPartner,
            lookup=lookup,
            values={
                "category": data.category,
                "purpose": data.purpose,
                "lawful_basis": data.lawful_basis,
                "lawful_basis_detail": data.lawful_basis_detail,
                "special_category_condition": data.special_category_condition,
                "privacy_notice_url": data.privacy_notice_url,
                "school_note": data.school_note,
            },
            summary=summary,
        )
        loaded.append(partner)
    return loaded


def load_clauses(
    *, clauses: Iterable[library.ClauseData], now: datetime.datetime, summary: SeedSummary
) -> dict[str, Clause]:
    """Each clause, with a published version 1 if it has no versions at all yet."""
    loaded: dict[str, Clause] = {}
    for data in clauses:
        clause, _ = _upsert(
            Clause,
            lookup={"key": data.key},
            values={
                "heading": data.heading,
                "art13_items": [item.value for item in data.art13_items],
                "required": data.required,
                "guidance": data.guidance,
            },
            summary=summary,
        )
        if not clause.versions.exists():
            version = ClauseVersion(
                clause=clause,
                number=1,
                body=data.body,
                summary=library.SUMMARIES.get(data.key, ""),
                status=ClauseVersion.Status.PUBLISHED,
                effective_date=timezone.localdate(now),
                change_summary=FIRST_VERSION_SUMMARY,
                published_at=now,
            )
            version.full_clean()
            version.save()
            summary.created["ClauseVersion"] += 1
        else:
            live = clause.live_version()
            if (
                live is None
                or live.body != data.body
                or live.summary != library.SUMMARIES.get(data.key, "")
            ):
                summary.clauses_differing.append(data.key)
            summary.unchanged["ClauseVersion"] += 1
        loaded[data.key] = clause
    return loaded


def load_notice_types(
    *,
    notice_types: Iterable[library.NoticeTypeData],
    clauses: Mapping[str, Clause],
    summary: SeedSummary,
) -> dict[str, NoticeType]:
    loaded: dict[str, NoticeType] = {}
    for data in notice_types:
        notice_type, _ = _upsert(
            NoticeType,
            lookup={"slug": data.slug},
            values={
                "title": data.title,
                "audience": data.audience,
                "is_primary": data.is_primary,
                "not_applicable_items": [item.value for item in data.not_applicable_items],
            },
            summary=summary,
        )
        for position, key in enumerate(data.clause_keys, start=1):
            _upsert(
                NoticeTypeClause,
                lookup={"notice_type": notice_type, "clause": clauses[key]},
                values={"position": position * 10},
                summary=summary,
            )
        loaded[data.slug] = notice_type
    return loaded


def load_translations(
    *, clauses: Mapping[str, Clause], notice_types: Mapping[str, NoticeType], summary: SeedSummary
) -> None:
    """The Welsh parents' notice: offered on its notice type, and a translation of each
    clause's first version where none has been written yet (DPO staff's later edits stay)."""
    _upsert(
        NoticeTypeTranslation,
        lookup={"notice_type": notice_types[welsh.NOTICE_TYPE_SLUG], "language": welsh.LANGUAGE},
        values={"title": welsh.NOTICE_TITLE, "audience": welsh.NOTICE_AUDIENCE},
        summary=summary,
    )
    for key, (heading, body, clause_summary) in welsh.CLAUSES.items():
        first = clauses[key].versions.filter(number=1).first()
        if (
            first is None
            or ClauseVersionTranslation.objects.filter(
                version__clause=clauses[key], language=welsh.LANGUAGE
            ).exists()
        ):
            summary.unchanged["ClauseVersionTranslation"] += 1
            continue
        translation = ClauseVersionTranslation(
            version=first,
            language=welsh.LANGUAGE,
            heading=heading,
            body=body,
            summary=clause_summary,
        )
        translation.full_clean()
        translation.save()
        summary.created["ClauseVersionTranslation"] += 1


def _first_omissions(
    *, school: School, data: county.SchoolData, notice_type: NoticeType
) -> list[Clause]:
    """Optional clauses a new school notice leaves out: by the school's choice, by its phase,
    or because the school lacks a fact the clause needs (e.g. no usual next school)."""
    facts = school_facts(school)
    omitted: list[Clause] = []
    for item in notice_type.items.select_related("clause"):
        clause = item.clause
        if clause.required:
            continue
        phases = library.CLAUSE_PHASES.get(clause.key)
        live = clause.live_version()
        body = live.body if live is not None else ""
        missing_fact = any(
            not PLACEHOLDERS[name].is_block and not facts.get(name)
            for name in placeholders_in(body)
        )
        if (
            clause.key in data.omitted_clauses
            or (phases is not None and school.phase not in phases)
            or missing_fact
        ):
            omitted.append(clause)
    return omitted


def _a_year_after(day: datetime.date) -> datetime.date:
    try:
        return day.replace(year=day.year + 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year + 1, day=28)


def load_school_notices(
    *,
    schools: Mapping[str, School],
    school_data: Iterable[county.SchoolData],
    notice_types: Mapping[str, NoticeType],
    today: datetime.date,
    summary: SeedSummary,
) -> list[SchoolNotice]:
    """One notice per school and notice type. Existing notices are left as the school keeps
    them; new ones get a review date a year ahead and the school's first omissions."""
    by_urn = {data.urn: data for data in school_data}
    loaded: list[SchoolNotice] = []
    for urn, school in schools.items():
        for notice_type in notice_types.values():
            school_notice = SchoolNotice.objects.filter(
                school=school, notice_type=notice_type
            ).first()
            if school_notice is None:
                school_notice = SchoolNotice(
                    school=school,
                    notice_type=notice_type,
                    review_date=_a_year_after(today),
                    languages=list(by_urn[urn].languages) if notice_type.is_primary else [],
                )
                school_notice.full_clean()
                school_notice.save()
                omitted = _first_omissions(school=school, data=by_urn[urn], notice_type=notice_type)
                if omitted:
                    school_notice.omitted_clauses.set(omitted)
                    school_notice.full_clean()
                    reversion.add_to_revision(school_notice)
                summary.created["SchoolNotice"] += 1
            else:
                summary.unchanged["SchoolNotice"] += 1
            loaded.append(school_notice)
    return loaded


def office_username(school: School) -> str:
    return f"{OFFICE_USERNAME_PREFIX}{school.slug}"


def _load_user(
    *,
    username: str,
    values: Mapping[str, Any],
    group: Group,
    password: str,
    summary: SeedSummary,
) -> AbstractUser:
    User = get_user_model()
    user = User._default_manager.filter(username=username).first()
    if user is None:
        user = User(username=username, **values)
        user.set_password(password)
        user.full_clean()
        user.save()
        summary.created["User"] += 1
    else:
        changed = [name for name, value in values.items() if getattr(user, name) != value]
        for name in changed:
            setattr(user, name, values[name])
        # Reset the password on every run, so the logins just printed always work.
        user.set_password(password)
        user.full_clean()
        user.save()
        if changed:
            summary.updated["User"] += 1
        else:
            summary.unchanged["User"] += 1
    summary.passwords_set += 1
    if list(user.groups.all()) != [group]:
        user.groups.set([group])
    summary.usernames.append(username)
    return user  # type: ignore[return-value]


def load_users(
    *, password: str, schools: Mapping[str, School], summary: SeedSummary
) -> list[AbstractUser]:
    """The DPO staff user and one office user per school, all with `password`."""
    try:
        dpo_group = Group.objects.get(name=DPO_STAFF_GROUP)
        office_group = Group.objects.get(name=SCHOOL_OFFICE_GROUP)
    except Group.DoesNotExist as error:
        raise RuntimeError(
            f"The groups “{DPO_STAFF_GROUP}” and “{SCHOOL_OFFICE_GROUP}” are missing: "
            "run `manage.py migrate` first."
        ) from error
    users = [
        _load_user(
            username=DPO_USERNAME,
            values={
                "first_name": "Demo",
                "last_name": "DPO officer",
                "email": "dpo.demo@wexbury.example.org",
                "is_staff": True,
                "is_superuser": False,
                "is_active": True,
            },
            group=dpo_group,
            password=password,
            summary=summary,
        )
    ]
    for school in schools.values():
        user = _load_user(
            username=office_username(school),
            values={
                "first_name": "Office",
                "last_name": school.name[:150],
                "email": school.email,
                "is_staff": False,
                "is_superuser": False,
                "is_active": True,
            },
            group=office_group,
            password=password,
            summary=summary,
        )
        _upsert(
            SchoolMembership, lookup={"user": user, "school": school}, values={}, summary=summary
        )
        users.append(user)
    return users


def load_demo(*, password: str, now: datetime.datetime | None = None) -> SeedSummary:
    """Load (or bring up to date) every piece of demo data. Call inside a transaction."""
    if not password:
        raise ValueError("The demo users need a password.")
    now = now or timezone.now()
    summary = SeedSummary()
    with reversion.create_revision():
        reversion.set_comment(REVISION_COMMENT)
        authority = load_authority(data=county.AUTHORITY, summary=summary)
        dpos = load_dpos(dpos=county.DPOS, summary=summary)
        schools = load_schools(
            schools=county.SCHOOLS, authority=authority, dpos=dpos, summary=summary
        )
        load_partners(
            partners=county.PARTNERS, authority=authority, schools=schools, summary=summary
        )
        clauses = load_clauses(clauses=library.CLAUSES, now=now, summary=summary)
        notice_types = load_notice_types(
            notice_types=library.NOTICE_TYPES, clauses=clauses, summary=summary
        )
        load_translations(clauses=clauses, notice_types=notice_types, summary=summary)
        load_school_notices(
            schools=schools,
            school_data=county.SCHOOLS,
            notice_types=notice_types,
            today=timezone.localdate(now),
            summary=summary,
        )
        users = load_users(password=password, schools=schools, summary=summary)
    dpo = next(user for user in users if user.get_username() == DPO_USERNAME)
    summary.dpo_authenticator_key, summary.dpo_backup_codes = demo_second_factor(user=dpo)
    return summary
