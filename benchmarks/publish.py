"""Publishing benchmark: how soon pages and PDFs are live for a county of schools.

Builds N schools in a fresh database, then times every page going live after a clause change,
every PDF being stored (against bare WeasyPrint as the floor, with 1 and 2 workers), and one
school's phone change reaching its page and its PDF. Prints a table, then the figures as JSON.

    .venv/bin/python benchmarks/publish.py [--schools 550] [--jobs-list 1,2] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit, urlunsplit

if TYPE_CHECKING:
    from django.contrib.auth.models import AbstractBaseUser

    from clauses.models import Clause
    from notices.models import NoticeType
    from schools.models import DataProtectionOfficer, LocalAuthority, School

REPO_ROOT = Path(__file__).resolve().parent.parent
BENCH_DATABASE = "notices_bench"
CHANGED_CLAUSE = "how-to-complain"

# Upper bounds, in the unit of each measure.
PAGES_LIVE_TARGET_S = 1.5
WORKER_RSS_TARGET_MB = 300.0
APP_OVER_BARE_TARGET = 1.1
PHONE_PAGE_TARGET_S = 1.0
PHONE_PDF_TARGET_S = 2.0

PLACES = [
    "Abbey", "Ashfield", "Beechwood", "Birchanger", "Broomfield", "Castle", "Chantry",
    "Cherry Tree", "Church Langley", "Coppice", "Danbury", "Elmwood", "Fairfield", "Felsted",
    "Great Baddow", "Hatfield Peverel", "Hawkwell", "Highwood", "Holly Trees", "Kingsmoor",
    "Langford", "Larkrise", "Meadgate", "Mill Hill", "Moulsham", "Northlands", "Oakfield",
    "Parkwood", "Priory", "Queen's Park", "Ravenscroft", "Riverside", "St Andrew's", "St John's",
    "St Mary's", "St Michael's", "Tollgate", "Westlands", "Whitmore", "Woodville",
]  # fmt: skip
KINDS = [
    ("Primary School", "primary", "Community school"),
    ("Church of England Primary School", "primary", "Voluntary aided school"),
    ("Infant School", "infant", "Community school"),
    ("Junior School", "junior", "Foundation school"),
    ("Primary Academy", "primary", "Academy converter"),
    ("Catholic Primary School", "primary", "Voluntary aided school"),
    ("Academy", "secondary", "Academy sponsor led"),
    ("High School", "secondary", "Academy converter"),
    ("Nursery School", "nursery", "Local authority nursery school"),
    ("School", "special", "Community special school"),
    ("Church of England Junior School", "junior", "Voluntary controlled school"),
    ("Community Primary School", "primary", "Community school"),
    ("Free School", "all-through", "Free schools"),
    ("Infant and Nursery School", "infant", "Community school"),
]
TOWNS = [
    ("Chelmsford", "CM1"), ("Colchester", "CO2"), ("Braintree", "CM7"), ("Harlow", "CM20"),
    ("Basildon", "SS14"), ("Witham", "CM8"), ("Maldon", "CM9"), ("Saffron Walden", "CB11"),
]  # fmt: skip
STREETS = ["School Lane", "Church Road", "Mill Road", "Park Avenue", "Station Road", "The Green"]
HEADTEACHERS = ["Mrs A Patel", "Mr J Okafor", "Ms R Lewis", "Dr S Hughes", "Mrs K Nowak"]

NATIONAL_PARTNERS = [
    ("Department for Education", "government", "Census returns and the National Pupil Database."),
    ("Ofsted", "regulator", "Inspections of the school."),
    ("Standards and Testing Agency", "government", "Statutory assessments such as SATs."),
    ("Learning Records Service", "government", "A unique learner number for each pupil."),
    ("UK Health Security Agency", "health", "Outbreaks of infectious disease."),
    ("Disclosure and Barring Service", "government", "Safer recruitment checks."),
]
AUTHORITY_PARTNERS = [
    ("Admissions team", "local-authority", "Allocating school places and in-year transfers."),
    ("Special educational needs team", "local-authority", "EHC needs assessments and plans."),
    ("Children's social care", "local-authority", "Keeping children safe from harm."),
    ("Youth support services", "local-authority", "Education and training after age 16."),
    ("Educational psychology service", "health", "Assessment and advice for pupils."),
    ("School nursing service", "health", "Health checks, vaccinations and health advice."),
    ("Music hub", "education", "Instrumental lessons and ensembles."),
    ("Payroll and HR traded service", "supplier", "Paying and employing school staff."),
    ("Attendance support team", "local-authority", "Supporting good attendance."),
]

# (key, heading, Art. 13 items, opening paragraph, list items, closing paragraph)
CLAUSES: list[tuple[str, str, list[str], str, list[str], str]] = [
    (
        "who-we-are",
        "Who we are",
        ["controller"],
        "{{ school.name }} is the data controller for the personal information we hold about "
        "pupils and their families. This means we decide why and how your information is used. "
        "We are registered with the Information Commissioner's Office under number "
        "{{ school.ico_registration_number }}.",
        [
            "Our address: {{ school.address }}",
            "Our telephone number: {{ school.phone }}",
            "Our email address: [{{ school.email }}](mailto:{{ school.email }})",
            "Our website: [{{ school.website }}]({{ school.website }})",
        ],
        "We are maintained by, or work closely with, {{ authority.name }}, which is a separate "
        "data controller for the information it holds about you.",
    ),
    (
        "about-this-notice",
        "About this notice",
        [],
        "This notice explains how {{ school.name }} collects, stores and uses personal "
        "information about pupils. It is written for pupils and for the parents and carers "
        "who look after them. We have tried to use plain words; if anything is unclear, "
        "please ask us.",
        [
            "what information we collect and why we need it",
            "who we share it with and on what basis",
            "how long we keep it and how we keep it safe",
            "your rights, and how to use them",
        ],
        "Older pupils can usually make their own decisions about their information. "
        "We will explain this notice to them in a way they can understand.",
    ),
    (
        "data-protection-officer",
        "Our data protection officer",
        ["dpo"],
        "Our data protection officer (DPO) checks that we handle personal information lawfully "
        "and gives us independent advice. Our DPO is {{ dpo.name }} at {{ dpo.organisation }}.",
        [
            "Email: [{{ dpo.email }}](mailto:{{ dpo.email }})",
            "Write to: {{ dpo.name }}, {{ dpo.organisation }}",
        ],
        "You can contact our DPO about anything in this notice, including if you are unhappy "
        "with how we have used your information.",
    ),
    (
        "information-we-collect",
        "The pupil information we collect",
        ["categories"],
        "The categories of pupil information that we collect, hold and share include:",
        [
            "personal identifiers and contacts, such as name, unique pupil number, contact "
            "details and address",
            "characteristics, such as ethnicity, language and eligibility for free school meals",
            "safeguarding information, such as court orders and professional involvement",
            "special educational needs, including the needs and ranking",
            "medical and administration information, such as doctors' details, child health, "
            "dental health, allergies, medication and dietary requirements",
            "attendance, such as sessions attended, number of absences, absence reasons and any "
            "previous schools attended",
            "assessment and attainment, such as key stage results and phonics results",
            "behavioural information, such as exclusions and any relevant alternative provision",
        ],
        "This list is not exhaustive. To see everything we hold, contact {{ school.name }} "
        "on {{ school.phone }}.",
    ),
    (
        "why-we-use-it",
        "Why we collect and use pupil information",
        ["purposes"],
        "We collect and use pupil information for the following purposes:",
        [
            "to support pupil learning",
            "to monitor and report on pupil attainment and progress",
            "to provide appropriate pastoral care",
            "to assess the quality of our services",
            "to keep children safe, for example food allergies or emergency contact details",
            "to meet the statutory duties placed upon us by the Department for Education",
        ],
        "We do not use pupil information for marketing, and we never sell it.",
    ),
    (
        "lawful-basis",
        "Our lawful basis for using pupil information",
        ["lawful-basis"],
        "Under the UK General Data Protection Regulation (UK GDPR), the lawful bases we rely "
        "on for processing pupil information are:",
        [
            "Article 6(1)(c), legal obligation: for example the Education Act 1996 and the "
            "School Census",
            "Article 6(1)(e), public task: educating pupils and keeping them safe",
            "Article 6(1)(a), consent: for example for photographs on our website",
            "Article 6(1)(d), vital interests: in a medical emergency",
        ],
        "Where we rely on consent, you can withdraw it at any time by contacting "
        "{{ school.email }}.",
    ),
    (
        "special-category",
        "Special category information",
        [],
        "Some information is more sensitive, such as health, ethnicity, religion and biometric "
        "data. We only use it where we also meet a condition in Article 9 of the UK GDPR and "
        "the Data Protection Act 2018.",
        [
            "Article 9(2)(a), explicit consent",
            "Article 9(2)(b), employment, social security and social protection law",
            "Article 9(2)(g), reasons of substantial public interest, such as safeguarding",
            "Article 9(2)(h), health or social care",
        ],
        "Our appropriate policy document, available from {{ school.email }}, explains how we "
        "protect this information.",
    ),
    (
        "collecting-information",
        "How we collect pupil information",
        ["source", "statutory"],
        "We collect pupil information through registration forms, the Common Transfer File "
        "or secure file transfer from a previous school, and from parents and carers during "
        "the school year.",
        [
            "most of the information you give us is mandatory",
            "some of it is requested on a voluntary basis",
            "we will tell you whether you must give us information or have a choice",
            "we may also receive information from {{ authority.name }} and other professionals",
        ],
        "Pupil data is essential for the school's operational use. If you are unsure whether "
        "you must provide some information, ask the school office on {{ school.phone }}.",
    ),
    (
        "storing-information",
        "How we store pupil data",
        ["retention"],
        "We hold pupil data securely for the set amount of time shown in our data retention "
        "schedule. For most records this is until the pupil's 25th birthday.",
        [
            "paper records are kept in locked cabinets",
            "electronic records are kept on systems that need a password and are encrypted",
            "staff are trained in data protection every year",
            "records are destroyed securely when they are no longer needed",
        ],
        "For more information on our retention schedule and how we keep your data safe, "
        "please contact [{{ school.email }}](mailto:{{ school.email }}).",
    ),
    (
        "who-we-share-with",
        "Who we share pupil information with",
        ["recipients"],
        "We routinely share pupil information with the organisations below. Each entry says "
        "why we share with them and, where they publish one, links to their privacy notice.",
        [],
        "We only share what each organisation needs, and we check that they keep it safe.",
    ),
    (
        "why-we-share",
        "Why we regularly share pupil information",
        [],
        "We do not share information about our pupils with anyone without consent unless the "
        "law and our policies allow us to do so.",
        [
            "we share with {{ authority.name }} to meet our legal obligations, such as "
            "safeguarding and admissions",
            "we share with the Department for Education on a statutory basis",
            "we share with the school nursing service so that pupils get health checks",
            "we share with suppliers who provide services to us, under a contract",
        ],
        "When a pupil leaves, we pass their records to their next school.",
    ),
    (
        "department-for-education",
        "The Department for Education",
        ["statutory"],
        "The Department for Education (DfE) collects personal data from schools through "
        "various statutory data collections. We are required to share information about our "
        "pupils with the DfE either directly or via {{ authority.name }}.",
        [
            "the school census, three times a year",
            "the early years foundation stage profile",
            "key stage 1, phonics and multiplication tables check results",
            "key stage 2 results",
        ],
        "This data sharing underpins school funding and educational attainment policy and "
        "monitoring. Find out more at "
        "[gov.uk](https://www.gov.uk/education/data-collection-and-censuses-for-schools).",
    ),
    (
        "national-pupil-database",
        "The National Pupil Database",
        [],
        "Much of the data about pupils in England goes on to be held in the National Pupil "
        "Database (NPD). The NPD is owned and managed by the Department for Education.",
        [
            "it holds information about pupils in schools in England",
            "it provides evidence on educational performance",
            "it is held in electronic format for statistical purposes",
            "the DfE may share it with researchers under strict controls",
        ],
        "To find out more about the NPD, go to "
        "[the NPD user guide](https://www.gov.uk/government/publications/national-pupil-database-user-guide-and-supporting-information).",
    ),
    (
        "youth-support-services",
        "Youth support services",
        [],
        "Once our pupils reach the age of 13, we also pass pupil information to "
        "{{ authority.name }} and its youth support services provider, as they have "
        "responsibilities for the education and training of 13 to 19 year olds.",
        [
            "post-16 education and training providers",
            "youth support services",
            "careers advisers",
        ],
        "A parent or carer can ask that only the child's name, address and date of birth is "
        "passed on, by writing to {{ school.email }}. This right transfers to the child once "
        "they reach the age of 16.",
    ),
    (
        "biometric-data",
        "Biometric information",
        ["withdraw-consent"],
        "Where we use a fingerprint system for school meals or the library, we ask for "
        "written consent from a parent first, as the Protection of Freedoms Act 2012 requires.",
        [
            "we store a template, never an image of the fingerprint",
            "a pupil can refuse to use the system at any time",
            "we provide a card or PIN instead for anyone who does not take part",
        ],
        "To withdraw consent, write to {{ school.name }} at {{ school.email }}.",
    ),
    (
        "cctv",
        "CCTV",
        [],
        "We use CCTV at {{ school.name }} to keep pupils, staff and visitors safe and to "
        "protect our buildings.",
        [
            "cameras are placed where people can see them, with signs",
            "recordings are kept for 30 days unless needed for an investigation",
            "only authorised staff can view them",
        ],
        "Our CCTV policy is available on request from {{ school.phone }}.",
    ),
    (
        "photographs",
        "Photographs and videos",
        ["withdraw-consent"],
        "We take photographs and videos of pupils for our records, to celebrate achievements, "
        "and for our website and newsletters.",
        [
            "we ask for consent before using images outside school",
            "we never publish a pupil's full name with their photograph",
            "parents may take photographs at events for personal use only",
        ],
        "You can change your mind at any time by telling the school office.",
    ),
    (
        "online-learning",
        "Online learning and apps",
        [],
        "We use online services for homework, reading records, remote learning and "
        "communicating with parents. Each supplier processes data only on our instructions.",
        [
            "we check each supplier's security before we use them",
            "pupils' accounts contain the minimum information needed",
            "accounts are removed when a pupil leaves",
        ],
        "A list of the online services we use is available from {{ school.email }}.",
    ),
    (
        "international-transfers",
        "Transfers outside the UK",
        ["transfers"],
        "We store information in the UK or the European Economic Area wherever we can. Where "
        "a supplier stores data elsewhere, we make sure it is protected by:",
        [
            "UK adequacy regulations",
            "the International Data Transfer Agreement",
            "other safeguards approved by the Information Commissioner",
        ],
        "Ask our DPO at {{ dpo.email }} for details of any transfer.",
    ),
    (
        "automated-decisions",
        "Automated decision-making",
        ["automated-decisions"],
        "We do not make decisions about pupils using only automated processing, and we do not "
        "use profiling.",
        [
            "every decision about a pupil involves a member of staff",
            "if this changes, we will update this notice and tell you first",
        ],
        "If you have questions, contact {{ school.name }}.",
    ),
    (
        "your-rights",
        "Your rights",
        ["rights"],
        "Under data protection law, parents and pupils have rights over their personal "
        "information, including the right to:",
        [
            "be told how we use it, as in this notice",
            "ask for a copy of it",
            "ask us to correct it if it is wrong",
            "ask us to delete it in some circumstances",
            "object to or restrict how we use it in some circumstances",
            "ask for it to be transferred to another organisation in some circumstances",
        ],
        "To use any of these rights, contact {{ school.data_request_contact }} at "
        "[{{ school.data_request_email }}](mailto:{{ school.data_request_email }}).",
    ),
    (
        "subject-access",
        "Requesting access to your personal data",
        [],
        "You can ask for the information we hold about you or your child. This is called a "
        "subject access request.",
        [
            "make your request in writing or in person",
            "tell us what you are looking for, and for which period",
            "we will reply within one calendar month",
            "there is usually no charge",
        ],
        "Send your request to {{ school.data_request_contact }} at "
        "{{ school.data_request_email }}, or call {{ school.phone }}.",
    ),
    (
        "withdrawing-consent",
        "Withdrawing consent",
        ["withdraw-consent"],
        "Where we use your information because you consented, you can withdraw your consent "
        "at any time.",
        [
            "tell the school office, by email or in person",
            "we will stop that use as soon as we can",
            "this does not affect anything we did before you withdrew consent",
        ],
        "Contact {{ school.email }} to withdraw consent.",
    ),
    (
        "how-to-complain",
        "How to complain",
        ["complaint"],
        "If you have a concern about the way we are collecting or using your personal data, "
        "please raise it with us first. You can contact our data protection officer at "
        "[{{ dpo.email }}](mailto:{{ dpo.email }}).",
        [
            "we will acknowledge your complaint within five school days",
            "we will investigate and reply within one month",
            "if you are not satisfied, you can complain to the Information Commissioner's Office",
        ],
        "Contact the ICO at [ico.org.uk/make-a-complaint](https://ico.org.uk/make-a-complaint/) "
        "or call 0303 123 1113.",
    ),
    (
        "changes-to-this-notice",
        "Changes to this notice",
        [],
        "We review this notice every year and whenever the law or the way we work changes. "
        "The version number and date at the top tell you when it last changed.",
        [
            "the latest version is always on our website",
            "we will tell you about significant changes",
            "printed copies are available from the school office",
        ],
        "If you would like to discuss anything in this notice, please contact "
        "{{ school.name }} on {{ school.phone }} or at {{ school.email }}.",
    ),
]


@dataclass(frozen=True)
class County:
    """What the measurements need from the built county."""

    user: AbstractBaseUser
    clause: Clause


@dataclass(frozen=True)
class Row:
    """One line of the results table: a measure, its value, and its upper bound if any."""

    key: str
    measure: str
    value: float
    unit: str
    target: float | None = None

    @property
    def passed(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    @property
    def verdict(self) -> str:
        return {None: "info", True: "pass", False: "FAIL"}[self.passed]


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


def _current_rss_mb() -> float:
    """This process's resident set size now (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


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


def publish_pages(expected: int) -> float:
    """Publish every open school's notice; the seconds until every live page was written (each
    version's own page and the versions pages follow). All must publish, none fail."""
    from django.conf import settings

    from notices.publishing.batch import notices_publish, select_school_notices

    started = time.monotonic()
    report = notices_publish(
        school_notices=select_school_notices(), jobs=settings.PUBLISH_PAGE_JOBS
    )
    finished = time.monotonic()
    if len(report.published) != expected or report.failed or report.pages_live_at is None:
        problems = [error for result in report.failed for error in result.errors][:5]
        raise RuntimeError(
            f"Published {len(report.published)} of {expected}, failed {len(report.failed)}: "
            f"{problems}"
        )
    live = report.pages_live_at - started
    _log(f"  pages live {live:.2f} s, every page written {finished - started:.2f} s")
    return live


def change_clause_and_publish(county: County, review: int, expected: int) -> float:
    """A new version of the clause, then every page: seconds from the clause publish."""
    from clauses.services import clause_version_publish, clause_version_start_draft

    user = county.user
    draft = clause_version_start_draft(clause=county.clause, user=user)
    draft.body += f"\n\nThe DPO service reviewed this section (review {review})."
    draft.change_summary = f"Review {review}: added a note of the review."
    draft.save()
    with _timer() as elapsed:
        clause_version_publish(version=draft, user=user)
    pages = publish_pages(expected)
    _log(
        f"  clause v{draft.number}: pages {pages:.2f} s, with the clause {elapsed[0] + pages:.2f} s"
    )
    return elapsed[0] + pages


def warm_pdf_renderer() -> float:
    """Import WeasyPrint and parse the print stylesheet in this process, so workers fork warm."""
    with _timer() as elapsed:
        from notices.publishing.pdf import _font_config, _print_css

        _font_config()
        _print_css()
    return elapsed[0]


def print_documents(publication_ids: list[int]) -> list[str]:
    """The exact documents the app renders for these publications (cover and notice)."""
    from notices.models import Publication
    from notices.publishing.pdf import print_document
    from notices.publishing.services import publication_cover

    documents = []
    publications = Publication.objects.select_related(
        "school_notice__school", "school_notice__notice_type"
    ).filter(pk__in=publication_ids)
    for publication in publications.order_by("pk"):
        cover = publication_cover(publication)
        documents.append(print_document(notice_html=publication.html, cover=cover))
    return documents


def bare_render(document: str) -> tuple[int, int]:
    """One document through bare WeasyPrint: PDF size and this worker's peak RSS in KB."""
    import weasyprint  # noqa: TID251 - the floor the app is measured against

    from notices.publishing.pdf import (
        ASSET_ORIGIN,
        PDF_OPTIONS,
        StaticOnlyFetcher,
        _font_config,
        _print_css,
    )

    content = weasyprint.HTML(
        string=document, base_url=ASSET_ORIGIN, url_fetcher=StaticOnlyFetcher()
    ).write_pdf(stylesheets=[_print_css()], font_config=_font_config(), **PDF_OPTIONS)
    return len(content), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bare_render_all(documents: list[str], jobs: int) -> tuple[float, int]:
    """Render every document in a pool of `jobs` forked workers: seconds, peak worker RSS KB."""
    from django.db import connections

    connections.close_all()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    with _timer() as elapsed, pool:
        results = list(pool.map(bare_render, documents, chunksize=2))
    if not all(size for size, _peak in results):
        raise RuntimeError("Bare WeasyPrint produced an empty PDF.")
    return elapsed[0], max(peak for _size, peak in results)


def measure_pdfs(jobs: int, expected: int) -> dict[str, float]:
    """Store every pending PDF through the app, then the same documents through bare WeasyPrint."""
    from notices.models import Publication, SchoolNotice
    from notices.publishing.batch import live_publications_without_pdf, pdfs_render

    pending = live_publications_without_pdf(SchoolNotice.objects.values_list("pk", flat=True))
    if len(pending) != expected:
        raise RuntimeError(f"{len(pending)} PDFs pending, expected {expected}.")
    parent_rss = _current_rss_mb()
    with _timer() as app:
        report = pdfs_render(publication_ids=pending, jobs=jobs)
    stored = Publication.objects.filter(pk__in=pending).exclude(pdf="")
    if report.pdf_failures or report.pdfs_rendered != expected or stored.count() != expected:
        raise RuntimeError(f"PDFs: {report.pdfs_rendered} rendered, {report.pdf_failures[:3]}")
    pages = sum(stored.values_list("pdf_pages", flat=True))
    _log(f"  jobs={jobs}: app {app[0]:.1f} s for {expected} PDFs ({pages / expected:.1f} pages)")
    documents = print_documents(pending)
    bare_s, bare_peak_kb = bare_render_all(documents, jobs)
    _log(f"  jobs={jobs}: bare WeasyPrint {bare_s:.1f} s")
    return {
        "app_s": app[0],
        "bare_s": bare_s,
        "app_over_bare": app[0] / bare_s,
        "worker_peak_rss_mb": max(report.worker_peak_rss_kb) / 1024,
        "bare_worker_peak_rss_mb": bare_peak_kb / 1024,
        "parent_rss_at_start_mb": parent_rss,
        "mean_pdf_pages": pages / expected,
    }


def spin(rounds: int) -> int:
    """Pure-Python CPU work, for the calibration below."""
    total = 0
    for value in range(rounds):
        total += value * value
    return total


def cpu_parallel_speedup(jobs: int = 2, tasks: int = 8, rounds: int = 2_000_000) -> float:
    """How much faster `jobs` forked processes get through fixed CPU work than one (ideal: jobs).

    The median of three alternating trials, as a shared virtual machine's speed drifts.
    """
    from django.db import connections

    connections.close_all()
    ratios = []
    for _trial in range(3):
        timings = []
        for workers in (1, jobs):
            context = multiprocessing.get_context("fork")
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
            with _timer() as elapsed, pool:
                list(pool.map(spin, [rounds] * tasks))
            timings.append(elapsed[0])
        ratios.append(timings[0] / timings[1])
    return statistics.median(ratios)


def measure_phone_change() -> dict[str, float]:
    """One school's phone changes: seconds until its page is live, then its PDF stored."""
    import reversion

    from notices.models import SchoolNotice
    from notices.publishing.inputs import school_notices_for_publishing
    from notices.publishing.services import notice_publish, publication_render_pdf

    school_notice = SchoolNotice.objects.select_related("school").order_by("pk").first()
    school = school_notice.school
    with _timer() as to_pdf:
        with _timer() as to_page:
            with reversion.create_revision():
                school.phone = "0117 496 0999"
                school.save()
            fresh = school_notices_for_publishing(ids=[school_notice.pk]).get()
            result = notice_publish(school_notice=fresh)
            if result.status != "published":
                raise RuntimeError(f"Phone change: notice {result.status}, {result.errors}")
        publication = publication_render_pdf(publication=result.publication)
    if not publication.has_pdf:
        raise RuntimeError("Phone change: the PDF was not stored.")
    return {"page_live_s": to_page[0], "pdf_stored_s": to_pdf[0]}


def machine_info() -> dict[str, Any]:
    """What the figures were measured on."""
    import django
    import weasyprint  # noqa: TID251 - only its version
    from django.conf import settings
    from django.db import connection

    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "django": django.get_version(),
        "weasyprint": weasyprint.__version__,
        "database_vendor": connection.vendor,
        "django_debug": settings.DEBUG,
    }


def build_rows(figures: dict[str, Any]) -> list[Row]:
    """The table's rows, in the order measured, each with its target where it has one."""
    rows = [
        Row("setup_s", "county built (setup)", figures["setup_s"], "s"),
        Row(
            "cpu_speedup",
            "CPU speed-up, 2 processes vs 1 (machine)",
            figures["cpu_speedup_2_processes"],
            "x",
        ),
        Row("initial_pages_s", "initial pages, all schools", figures["initial_pages_s"], "s"),
        Row(
            "pages_live_s",
            "pages live after a clause change",
            figures["pages_live_s"],
            "s",
            PAGES_LIVE_TARGET_S,
        ),
    ]
    if "pdf_warmup_s" in figures:
        rows.append(
            Row("pdf_warmup_s", "PDF renderer start-up (once)", figures["pdf_warmup_s"], "s")
        )
    for jobs, pdf in figures["pdfs"].items():
        rows += [
            Row(f"pdfs_{jobs}_app_s", f"all PDFs stored, jobs={jobs}", pdf["app_s"], "s"),
            Row(f"pdfs_{jobs}_bare_s", f"bare WeasyPrint floor, jobs={jobs}", pdf["bare_s"], "s"),
            Row(
                f"pdfs_{jobs}_ratio",
                f"app / bare, jobs={jobs}",
                pdf["app_over_bare"],
                "x",
                APP_OVER_BARE_TARGET,
            ),
            Row(
                f"pdfs_{jobs}_rss_mb",
                f"peak RSS per worker, jobs={jobs}" + (" (main process)" if jobs == 1 else ""),
                pdf["worker_peak_rss_mb"],
                "MB",
                WORKER_RSS_TARGET_MB,
            ),
            Row(
                f"pdfs_{jobs}_bare_rss_mb",
                f"bare peak RSS per worker, jobs={jobs}",
                pdf["bare_worker_peak_rss_mb"],
                "MB",
            ),
        ]
    phone = figures.get("phone_change")
    if phone is None:  # --pages-only
        return rows
    rows += [
        Row(
            "phone_page_s",
            "phone change: page live",
            phone["page_live_s"],
            "s",
            PHONE_PAGE_TARGET_S,
        ),
        Row(
            "phone_pdf_s",
            "phone change: PDF stored",
            phone["pdf_stored_s"],
            "s",
            PHONE_PDF_TARGET_S,
        ),
    ]
    return rows


def print_table(rows: list[Row]) -> None:
    """Aligned columns, then which targets were missed."""
    cells = [
        (
            row.measure,
            f"{row.value:.2f} {row.unit}",
            f"<= {row.target:g} {row.unit}" if row.target is not None else "-",
            row.verdict,
        )
        for row in rows
    ]
    header = ("measure", "value", "target", "result")
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(4)]
    for line in [header, tuple("-" * width for width in widths), *cells]:
        print(f"{line[0]:<{widths[0]}}  {line[1]:>{widths[1]}}  {line[2]:>{widths[2]}}  {line[3]}")
    missed = [row.measure for row in rows if row.passed is False]
    print(
        f"\nMissed {len(missed)} target(s): {'; '.join(missed)}" if missed else "\nAll targets met."
    )


def run(schools: int, jobs_list: list[int], *, pages_only: bool = False) -> dict[str, Any]:
    """Every measurement in order; the figures as a JSON-able dict."""
    from django.db import reset_queries

    with _timer() as setup:
        county = build_county(schools)
    _log(f"Built {schools} schools in {setup[0]:.1f} s; initial publish…")
    figures: dict[str, Any] = {"schools": schools, "setup_s": setup[0]}
    figures["cpu_speedup_2_processes"] = cpu_parallel_speedup()
    figures["initial_pages_s"] = publish_pages(schools)
    reset_queries()
    _log("Measurement 1: pages live after a clause change")
    figures["pages_live_s"] = change_clause_and_publish(county, 1, schools)
    figures["pdfs"] = {}
    if pages_only:
        return figures
    figures["pdf_warmup_s"] = warm_pdf_renderer()
    figures["pages_live_repeats_s"] = []
    for round_number, jobs in enumerate(jobs_list, start=2):
        _log(f"Measurement 2 and 3: PDFs with jobs={jobs}")
        figures["pages_live_repeats_s"].append(
            change_clause_and_publish(county, round_number, schools)
        )
        reset_queries()
        figures["pdfs"][jobs] = measure_pdfs(jobs, schools)
    _log("Measurement 4: one school's phone change")
    figures["phone_change"] = measure_phone_change()
    return figures


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: how many schools, which worker counts, where to put the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=550, help="Schools to build (550).")
    parser.add_argument(
        "--jobs-list",
        default="1,2",
        type=lambda value: list(dict.fromkeys(int(jobs) for jobs in value.split(","))),
        help="PDF worker counts to measure, comma-separated (1,2).",
    )
    parser.add_argument("--json-out", type=Path, help="Also write the JSON figures here.")
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="Measure only the pages live after a clause change (no PDFs, no phone change).",
    )
    parser.add_argument(
        "--database-url",
        help="A PostgreSQL URL whose server gets a fresh database named "
        f"{BENCH_DATABASE} (SQLite in a temporary folder by default).",
    )
    args = parser.parse_args(argv)
    if args.schools < 1 or min(args.jobs_list) < 1:
        parser.error("--schools and every --jobs-list value must be 1 or more.")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run, report, clean up; 0 even when targets are missed (this is a benchmark)."""
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="notices-bench-"))
    try:
        configure_django(workdir, args.database_url)
        figures = run(args.schools, args.jobs_list, pages_only=args.pages_only)
        figures["machine"] = machine_info()
        rows = build_rows(figures)
        figures["results"] = [
            {
                "key": row.key,
                "measure": row.measure,
                "value": round(row.value, 4),
                "unit": row.unit,
                "target": row.target,
                "passed": row.passed,
            }
            for row in rows
        ]
        figures["missed"] = [row.key for row in rows if row.passed is False]
        print_table(rows)
        if figures["machine"]["django_debug"]:
            print("Note: DJANGO_DEBUG is on, so Django logs every query (as `make bench` runs).")
        output = json.dumps(figures, indent=2, default=str)
        print(output)
        if args.json_out:
            args.json_out.write_text(output + "\n")
    finally:
        if args.database_url:
            from django.db import connections

            connections.close_all()
            _postgres_recreate(args.database_url, create=False)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
