"""The county the benchmarks build: schools, DPOs, partners and a 25-clause notice, in a fresh
database (SQLite in a folder, or a PostgreSQL database made for the run)."""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from clauses.models import Clause
    from notices.models import NoticeType
    from schools.models import DataProtectionOfficer, LocalAuthority, School

REPO_ROOT = Path(__file__).resolve().parent.parent
CHANGED_CLAUSE = "how-to-complain"  # the clause the measurements change

BENCH_DATABASE = "notices_bench"

from county_words import (  # noqa: E402  (benchmarks/ is on the path when run as a script)
    AUTHORITY_PARTNERS,
    CLAUSES,
    HEADTEACHERS,
    KINDS,
    NATIONAL_PARTNERS,
    PLACES,
    STREETS,
    TOWNS,
)


@dataclass(frozen=True)
class County:
    """What the measurements need from the built county."""

    user: AbstractBaseUser
    clause: Clause


def _log(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@contextmanager
def _timer() -> Iterator[list[float]]:
    """Yields a one-element list that holds the elapsed seconds once the block ends."""
    elapsed = [0.0]
    start = time.perf_counter()
    try:
        yield elapsed
    finally:
        elapsed[0] = time.perf_counter() - start


def _postgres_url(url: str, database: str) -> str:
    """The same server and credentials, another database."""
    return urlunsplit(urlsplit(url)._replace(path=f"/{database}"))


def _postgres_recreate(admin_url: str, *, create: bool) -> None:
    """Drop the benchmark database on the server of `admin_url`, then create it afresh."""
    import psycopg
    from psycopg import sql

    with psycopg.connect(admin_url, autocommit=True) as connection:
        name = sql.Identifier(BENCH_DATABASE)
        connection.execute(sql.SQL("DROP DATABASE IF EXISTS {}").format(name))
        if create:
            connection.execute(sql.SQL("CREATE DATABASE {}").format(name))


def configure_django(workdir: Path, database_url: str | None) -> None:
    """Point Django at a fresh database and media folder, set it up and migrate."""
    os.environ["DJANGO_SETTINGS_MODULE"] = "config.settings"
    # Production settings: with DEBUG on, Django keeps every query in memory and logs it.
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "benchmark-only-not-a-secret")
    if database_url:
        _postgres_recreate(database_url, create=True)
        os.environ["DATABASE_URL"] = _postgres_url(database_url, BENCH_DATABASE)
    else:
        os.environ["DATABASE_URL"] = f"sqlite:///{workdir / 'bench.sqlite3'}"
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    # Publishing writes the public pages, chrome included, to the static mirror: part of the
    # time until they are live.
    os.environ["MIRROR_ROOT"] = str(workdir / "mirror")
    os.environ["STATIC_ROOT"] = str(workdir / "static")
    sys.path.insert(0, str(REPO_ROOT))
    import django
    from django.core.management import call_command

    django.setup()
    call_command("migrate", verbosity=0)
    call_command("collectstatic", verbosity=0, interactive=False)  # the pages' chrome links them


def clause_body(key: str, opening: str, items: list[str], closing: str) -> str:
    """A clause body in the clause markup: paragraphs, a list, and the partners block."""
    parts = [opening]
    if key == "who-we-share-with":
        parts.append("{{ partners }}")
    if items:
        parts.append("\n".join(f"- {item}" for item in items))
    parts.append(closing)
    return "\n\n".join(parts)


def school_row(i: int, authority: LocalAuthority, dpos: list[DataProtectionOfficer]) -> School:
    """The i-th school, with every fact the clauses use (bulk_create skips `School.save`)."""
    from django.utils.text import slugify

    from schools.models import School
    from schools.search import search_text_for
    from schools.validators import normalise_phone

    per_round = len(PLACES) * len(KINDS)
    suffix, phase, establishment_type = KINDS[(i // len(PLACES)) % len(KINDS)]
    name = f"{PLACES[i % len(PLACES)]} {suffix}" + (
        f" {i // per_round + 1}" if i >= per_round else ""
    )
    town, district = TOWNS[i % len(TOWNS)]
    slug = slugify(name)
    urn = f"{110000 + i:06d}"
    postcode = f"{district} {1 + i % 9}{'ABDEFGHJLN'[i % 10]}{'PQRSTUWXYZ'[i // 10 % 10]}"
    phone = f"0113 496 0{i % 1000:03d}" if i % 2 else f"020 7946 0{i % 1000:03d}"
    return School(
        urn=urn,
        name=name,
        slug=slug,
        local_authority=authority,
        phase=phase,
        establishment_type=establishment_type,
        street=f"{1 + i % 40} {STREETS[i % len(STREETS)]}",
        town=town,
        postcode=postcode,
        phone=normalise_phone(phone),
        email=f"office@{slug}.example.sch.uk",
        website=f"https://{slug}.example.sch.uk",
        headteacher=HEADTEACHERS[i % len(HEADTEACHERS)],
        data_request_contact="the School Business Manager",
        data_request_email=f"sbm@{slug}.example.sch.uk",
        ico_registration_number=f"Z{5000000 + i:07d}",
        dpo=dpos[1] if i % 5 == 4 else dpos[0],
        search_text=search_text_for(name=name, town=town, locality="", postcode=postcode, urn=urn),
    )


def build_schools(count: int) -> list[School]:
    """One authority, two DPOs, national and authority partners, and `count` schools."""
    from django.utils.text import slugify

    from schools.models import DataProtectionOfficer, LocalAuthority, School, SharingPartner

    authority = LocalAuthority.objects.create(
        name="Exampleshire County Council",
        code="881",
        slug="exampleshire",
        website="https://www.exampleshire.gov.uk",
    )
    dpos = [
        DataProtectionOfficer.objects.create(
            kind=DataProtectionOfficer.Kind.SERVICE,
            name="Data Protection Officer",
            organisation="Exampleshire County Council DPO Service",
            email="dpo.schools@exampleshire.gov.uk",
            phone="0113 496 0500",
            address="County Hall, Market Road, Chelmsford, CM1 1QH",
            website="https://www.exampleshire.gov.uk/dpo",
        ),
        DataProtectionOfficer.objects.create(
            kind=DataProtectionOfficer.Kind.PROVIDER,
            name="Schools DPO Team",
            organisation="Schools' Data Protection Ltd",
            email="dpo@schools-dp.example.co.uk",
            phone="020 7946 0500",
            address="1 High Street, Colchester, CO1 1AA",
            website="https://schools-dp.example.co.uk",
        ),
    ]
    SharingPartner.objects.bulk_create(
        [
            SharingPartner(
                name=name,
                category=category,
                purpose=purpose,
                lawful_basis="Article 6(1)(c) legal obligation; Article 6(1)(e) public task",
                privacy_notice_url=f"https://www.example.gov.uk/{slugify(name)}/privacy",
                local_authority=authority if scope == "authority" else None,
            )
            for scope, table in (("national", NATIONAL_PARTNERS), ("authority", AUTHORITY_PARTNERS))
            for name, category, purpose in table
        ]
    )
    School.objects.bulk_create([school_row(i, authority, dpos) for i in range(count)])
    schools = list(School.objects.order_by("urn"))
    SharingPartner.objects.bulk_create(
        [
            SharingPartner(
                name=f"{school.name.split()[0]} Sports Coaching Ltd",
                category=SharingPartner.Category.SUPPLIER,
                purpose="Running PE lessons and after-school clubs.",
                lawful_basis="Article 6(1)(e) public task",
                school=school,
                school_note="Only names, year groups and medical needs are shared.",
            )
            for school in schools[::10]
        ]
    )
    return schools


def build_notice_type(user: AbstractBaseUser) -> NoticeType:
    """The main notice type: 25 clauses, each with a published first version."""
    from django.utils import timezone

    from clauses.markup import validate_body
    from clauses.models import Clause, ClauseVersion
    from notices.models import NoticeType, NoticeTypeClause

    now = timezone.now()
    clauses = Clause.objects.bulk_create(
        [
            Clause(key=key, heading=heading, art13_items=items, required=True)
            for key, heading, items, *_ in CLAUSES
        ]
    )
    versions = []
    for clause, (key, _heading, _items, opening, items, closing) in zip(
        clauses, CLAUSES, strict=True
    ):
        body = clause_body(key, opening, items, closing)
        errors = validate_body(body)
        if errors:
            raise ValueError(f"Clause {key}: {errors}")
        versions.append(
            ClauseVersion(
                clause=clause,
                number=1,
                body=body,
                status=ClauseVersion.Status.PUBLISHED,
                effective_date=now.date(),
                author=user,
                published_at=now,
            )
        )
    ClauseVersion.objects.bulk_create(versions)
    notice_type = NoticeType.objects.create(
        slug="pupils",
        title="How we use pupil information",
        audience="Parents, carers and pupils",
        is_primary=True,
    )
    NoticeTypeClause.objects.bulk_create(
        [
            NoticeTypeClause(notice_type=notice_type, clause=clause, position=position)
            for position, clause in enumerate(clauses, start=1)
        ]
    )
    return notice_type


def build_county(schools: int) -> County:
    """The schools, the clause library and one main notice per school (plain bulk data)."""
    from django.contrib.auth import get_user_model

    from clauses.models import Clause
    from notices.models import SchoolNotice

    user = get_user_model().objects.create_user(username="bench-dpo", is_staff=True)
    notice_type = build_notice_type(user)
    review = date.today() + timedelta(days=365)
    SchoolNotice.objects.bulk_create(
        [
            SchoolNotice(school=school, notice_type=notice_type, review_date=review)
            for school in build_schools(schools)
        ]
    )
    return County(user=user, clause=Clause.objects.get(key=CHANGED_CLAUSE))
