"""The demo data and `seed_demo`: complete, valid, publishable, and safe to run twice."""

from __future__ import annotations

import base64
import datetime
import re
from io import StringIO

import pytest
from django.apps import apps
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.test import RequestFactory
from reversion.models import Revision, Version

from clauses.markup import PLACEHOLDERS, placeholders_in, validate_body
from clauses.models import Art13Item, Clause, ClauseVersion
from notices.demo import county, library
from notices.demo.loader import SeedSummary, load_demo, office_username
from notices.models import NoticeType, SchoolNotice
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.publishing.services import notice_publish
from schools.models import DataProtectionOfficer, LocalAuthority, School, SharingPartner

PASSWORD = "demo-password-for-tests"
PRIMARY = "pupils-and-parents"
WORKFORCE = "school-workforce"


@pytest.fixture(autouse=True)
def _fast_passwords(settings) -> None:
    """Seeding hashes a password per demo user: use a fast hasher in tests."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def seed(password: str = PASSWORD) -> SeedSummary:
    return load_demo(password=password)


def run_command() -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def resolve(school: School, name: str) -> str:
    """A text placeholder's value for a school: 'dpo.email' -> school.dpo.email."""
    source_name, attribute = name.split(".", 1)
    source = {"school": school, "dpo": school.dpo, "authority": school.local_authority}[source_name]
    return str(getattr(source, attribute, "") or "") if source is not None else ""


def model_counts() -> dict[str, int]:
    return {
        model._meta.label: model._default_manager.count()
        for model in apps.get_models()
        if model is not Revision
    }


@pytest.mark.django_db
def test_seed_demo_loads_a_whole_county(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    output = run_command()

    authority = LocalAuthority.objects.get(code=county.AUTHORITY.code)
    assert School.objects.filter(local_authority=authority).count() >= 12
    assert len({school.phase for school in School.objects.all()}) >= 6
    assert len({school.establishment_type for school in School.objects.all()}) >= 6
    kinds = set(DataProtectionOfficer.objects.values_list("kind", flat=True))
    assert {DataProtectionOfficer.Kind.SERVICE, DataProtectionOfficer.Kind.PROVIDER} <= kinds
    assert DataProtectionOfficer.objects.count() >= 2
    for dpo in DataProtectionOfficer.objects.all():
        assert dpo.schools.exists(), f"{dpo} looks after no school"
    assert SharingPartner.objects.count() >= 15
    scopes = {partner.scope for partner in SharingPartner.objects.all()}
    assert scopes == {"national", "authority", "school"}
    assert not SharingPartner.objects.filter(school__isnull=False, school_note="").exists()

    primary = NoticeType.objects.get(slug=PRIMARY)
    workforce = NoticeType.objects.get(slug=WORKFORCE)
    assert primary.is_primary and not workforce.is_primary
    assert primary.items.count() >= 25
    assert workforce.items.count() >= 10
    assert "Demo data loaded" in output
    assert "http://127.0.0.1:8000/admin/" in output
    assert "/office/" in output


@pytest.mark.django_db
def test_demo_schools_have_every_contact_fact() -> None:
    seed()
    for school in School.objects.select_related("dpo", "local_authority"):
        for field in (
            "street",
            "town",
            "postcode",
            "phone",
            "email",
            "website",
            "headteacher",
            "data_request_contact",
            "data_request_email",
            "ico_registration_number",
        ):
            assert getattr(school, field), f"{school} has no {field}"
        assert school.phase in School.Phase.values
        assert school.website.startswith("https://")
        assert school.dpo is not None
        school.full_clean()
    infants = School.objects.filter(phase=School.Phase.INFANT)
    assert infants.exists()
    assert all(school.transfers_to for school in infants)


@pytest.mark.django_db
def test_every_art13_item_is_covered_by_each_notice_type() -> None:
    seed()
    for notice_type in NoticeType.objects.all():
        covered = {
            item
            for entry in notice_type.items.select_related("clause")
            for item in entry.clause.art13_items
        }
        expected = set(Art13Item.values) - set(notice_type.not_applicable_items)
        assert expected - covered == set(), notice_type.slug


@pytest.mark.django_db
def test_primary_notice_has_the_clauses_the_brief_names() -> None:
    seed()
    keys = set(NoticeType.objects.get(slug=PRIMARY).items.values_list("clause__key", flat=True))
    for key in (
        "who-we-are",
        "data-protection-officer",
        "who-we-share-with",
        "national-pupil-database",
        "youth-support-services",
        "right-of-access",
        "right-to-rectification",
        "right-to-erasure",
        "right-to-restrict-processing",
        "right-to-object",
        "right-to-data-portability",
        "withdrawing-consent",
        "complaints",
        "cookies",
        "cctv",
        "photographs-and-biometrics",
    ):
        assert key in keys
    optional = set(Clause.objects.filter(required=False).values_list("key", flat=True))
    assert {"cookies", "cctv", "photographs-and-biometrics"} <= optional


@pytest.mark.django_db
def test_every_clause_body_is_valid_markup() -> None:
    for data in library.CLAUSES:
        assert validate_body(data.body) == [], data.key
    seed()
    versions = ClauseVersion.objects.all()
    assert versions.count() == Clause.objects.count() == len(library.CLAUSES)
    for version in versions:
        assert version.status == ClauseVersion.Status.PUBLISHED
        assert version.number == 1
        assert version.published_at is not None
        assert validate_body(version.body) == [], version.clause.key


def test_partners_placeholder_stands_alone_in_the_sharing_clause() -> None:
    body = library.CLAUSES_BY_KEY["who-we-share-with"].body
    assert "\n\n{{ partners }}\n\n" in body


@pytest.mark.django_db
def test_every_required_placeholder_has_a_value_for_every_school() -> None:
    seed()
    schools = list(School.objects.select_related("dpo", "local_authority"))
    for clause in Clause.objects.filter(required=True):
        body = clause.live_version().body
        for name in placeholders_in(body):
            if PLACEHOLDERS[name].is_block:
                continue
            for school in schools:
                assert resolve(school, name).strip(), f"{school} lacks {name} for {clause.key}"


@pytest.mark.django_db
def test_optional_clauses_a_school_cannot_fill_are_left_out() -> None:
    seed()
    next_school = Clause.objects.get(key="our-usual-next-school")
    youth = Clause.objects.get(key="youth-support-services")
    for school_notice in SchoolNotice.objects.filter(notice_type__slug=PRIMARY):
        omitted = set(school_notice.omitted_clauses.all())
        school = school_notice.school
        assert (next_school in omitted) == (not school.transfers_to), school
        assert (youth in omitted) == (school.phase not in library.CLAUSE_PHASES[youth.key])
        assert all(not clause.required for clause in omitted)
        school_notice.full_clean()


@pytest.mark.django_db
def test_every_school_has_every_notice_reviewed_within_a_year() -> None:
    seed()
    today = datetime.date.today()
    assert SchoolNotice.objects.count() == School.objects.count() * NoticeType.objects.count()
    for school_notice in SchoolNotice.objects.all():
        assert school_notice.review_date is not None
        assert 360 <= (school_notice.review_date - today).days <= 367


@pytest.mark.django_db
def test_every_demo_notice_can_be_published() -> None:
    seed()
    builder = InputsBuilder()
    school_notices = list(school_notices_for_publishing())
    assert len(school_notices) == 2 * len(county.SCHOOLS) == 32
    for school_notice in school_notices:
        assert builder.build(school_notice).problems() == [], school_notice
    for school_notice in school_notices[:4]:
        result = notice_publish(school_notice=school_notice, builder=builder)
        assert result.status == "published", result.errors
        assert school_notice.school.name in result.publication.html


@pytest.mark.django_db
def test_a_second_run_creates_nothing() -> None:
    first = seed()
    assert first.total_created > 0
    before = model_counts()
    versions_before = Version.objects.count()

    second = seed()

    assert second.total_created == 0
    assert second.total_updated == 0
    assert second.clauses_differing == []
    assert model_counts() == before
    assert Version.objects.count() == versions_before


@pytest.mark.django_db
def test_a_second_run_restores_changed_demo_facts_but_keeps_published_text() -> None:
    seed()
    school = School.objects.get(urn=county.SCHOOLS[0].urn)
    school.headteacher = "Someone Else"
    school.save()
    version = ClauseVersion.objects.get(clause__key="complaints")
    ClauseVersion.objects.filter(pk=version.pk).update(body="Edited by DPO staff.")

    summary = seed()

    school.refresh_from_db()
    assert school.headteacher == county.SCHOOLS[0].headteacher
    assert summary.updated["School"] == 1
    assert summary.clauses_differing == ["complaints"]
    assert ClauseVersion.objects.get(pk=version.pk).body == "Edited by DPO staff."
    assert ClauseVersion.objects.filter(clause__key="complaints").count() == 1


@pytest.mark.django_db
def test_demo_writes_are_recorded_as_one_revision() -> None:
    seed()
    revision = Revision.objects.get()
    assert revision.comment == "Demo data"
    assert Version.objects.get_for_model(School).count() == School.objects.count()


@pytest.mark.django_db
def test_demo_users_and_groups() -> None:
    seed()
    User = get_user_model()
    dpo = User.objects.get(username="dpo")
    assert dpo.is_staff and not dpo.is_superuser
    assert list(dpo.groups.values_list("name", flat=True)) == ["DPO staff"]
    assert dpo.has_perm("schools.change_school")

    for school in School.objects.all():
        user = User.objects.get(username=office_username(school))
        assert not user.is_staff
        assert list(user.groups.values_list("name", flat=True)) == ["School office"]
        assert list(user.school_memberships.values_list("school", flat=True)) == [school.pk]
        assert list(School.objects.editable_by(user)) == [school]
    assert User.objects.count() == School.objects.count() + 1


def _login(*, username: str, password: str):  # type: ignore[no-untyped-def]
    """Authenticate as the login form does (django-axes needs the request)."""
    return authenticate(
        RequestFactory().post("/admin/login/"), username=username, password=password
    )


@pytest.mark.django_db
def test_demo_password_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DEMO_PASSWORD", "first-password")
    run_command()
    monkeypatch.setenv("DEMO_PASSWORD", "second-password")
    output = run_command()

    office = office_username(School.objects.order_by("urn").first())
    for username in ("dpo", office):
        assert _login(username=username, password="second-password") is not None
        assert _login(username=username, password="first-password") is None
        assert username in output
    assert "second-password" in output


@pytest.mark.django_db
def test_generated_password_is_printed_and_works(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    output = run_command()

    match = re.search(r"demo users \([^)]*\): (\S+)", output)
    assert match, output
    password = match.group(1)
    assert len(password) >= 16
    assert _login(username="dpo", password=password) is not None


@pytest.mark.django_db
def test_the_printed_second_step_lets_the_demo_dpo_into_the_admin(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from django.test import Client
    from django_otp.oath import totp

    monkeypatch.setenv("DEMO_PASSWORD", PASSWORD)
    first_codes = re.search(r"backup codes[^\n]*\n\s+(.+)", run_command()).group(1).split()
    output = run_command()

    key = re.search(r"set up with the key\n\s+(.+)", output).group(1).replace(" ", "")
    codes = re.search(r"backup codes[^\n]*\n\s+(.+)", output).group(1).split()
    assert len(codes) == 10
    assert not set(codes) & set(first_codes), "each run issues new backup codes"
    for code in (f"{totp(base64.b32decode(key)):06d}", codes[0]):
        client = Client()
        client.post("/admin/login/", {"username": "dpo", "password": PASSWORD})
        assert client.get("/admin/").status_code == 302
        assert client.post("/account/two-step/code/", {"code": code}).status_code == 302
        assert client.get("/admin/").status_code == 200
    stale = Client()
    stale.post("/admin/login/", {"username": "dpo", "password": PASSWORD})
    stale.post("/account/two-step/code/", {"code": first_codes[0]})
    assert stale.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_the_welsh_medium_school_publishes_its_parents_notice_in_welsh_too() -> None:
    from notices.demo import welsh

    seed()
    school = School.objects.get(name_cy="Ysgol Gymraeg Wexbury")
    school_notice = school.notices.get(notice_type__is_primary=True)
    assert school_notice.languages == ["cy"]

    result = notice_publish(school_notice=school_notice)

    [translation] = result.publication.translations.all()
    assert translation.language == "cy"
    assert translation.behind == []
    assert "Ysgol Gymraeg Wexbury" in translation.html
    assert welsh.CLAUSES["your-rights"][0] in translation.html
    assert "Yn gryno" in translation.html
