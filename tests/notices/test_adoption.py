"""Adopting an existing notice: every perturbation is reported, and nothing else."""

from __future__ import annotations

import json

import pytest
from django.core.management import call_command

from notices.publishing.batch import notices_publish, select_school_notices
from onboarding.adoption import notice_adopt
from onboarding.documents import html_to_text
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
)

pytestmark = pytest.mark.django_db

CLAUSES = {
    "who-we-are": (
        "Who we are",
        ["controller"],
        "We are {{ school.name }}, the controller of the information we hold about pupils.\n\n"
        "Write to us at {{ school.email }} or call {{ school.phone }}.",
    ),
    "why": (
        "Why we use information",
        ["purposes", "lawful-basis"],
        "We use pupil information to teach, to keep pupils safe and to meet our duties in law.",
    ),
    "sharing": (
        "Who we share with",
        ["recipients"],
        "We share some records with the local authority and the Department for Education.",
    ),
    "keeping": (
        "How long we keep it",
        ["retention"],
        "Records are kept until the pupil is twenty five years old, then destroyed safely.",
    ),
    "complaints": (
        "Complaints",
        ["complaint", "rights"],
        "If you are unhappy you can complain to the Information Commissioner's Office.",
    ),
}


@pytest.fixture
def school_notice(school_a):
    notice_type = NoticeTypeFactory(slug="pupils", is_primary=True)
    for position, (key, (heading, items, body)) in enumerate(CLAUSES.items()):
        clause = ClauseFactory(key=key, heading=heading, art13_items=items)
        ClauseVersionFactory(clause=clause, published=True, body=body)
        NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=position)
    school_notice = SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    return school_notice


def _sections(school_notice) -> dict[str, str]:
    """The live notice as plain text, section by section."""
    from notices.diff import notice_sections

    return {
        section.key: f"{section.heading}\n\n{section.text}"
        for section in notice_sections(school_notice.live_publication().html)
    }


def test_the_notice_as_published_is_identical_throughout(school_notice):
    text = "\n\n".join(_sections(school_notice).values())

    report = notice_adopt(school_notice=school_notice, text=text)

    assert {c.status for c in report.clauses} == {"identical"}
    assert (report.local_additions, report.stale_facts) == ([], [])
    assert "dpo" in report.art13_missing  # no clause covers the DPO's details
    assert "controller" not in report.art13_missing


def test_every_perturbation_is_reported_and_nothing_else(school_notice):
    sections = _sections(school_notice)
    baseline = notice_adopt(school_notice=school_notice, text="\n\n".join(sections.values()))
    school = school_notice.school
    sections["why"] = sections["why"].replace("to keep pupils safe", "to keep children safe")
    del sections["keeping"]  # dropped
    sections["who-we-are"] = sections["who-we-are"].replace(school.email, "old.office@example.org")
    order = ["complaints", "who-we-are", "sharing", "why"]  # reordered
    text = "\n\n".join(sections[key] for key in order)
    text += "\n\nWe also run a breakfast club with the parish council."

    report = notice_adopt(school_notice=school_notice, text=text)

    statuses = {c.key: c.status for c in report.clauses}
    assert statuses == {
        "who-we-are": "changed",
        "why": "changed",
        "sharing": "identical",
        "keeping": "missing",
        "complaints": "identical",
    }
    why = next(c for c in report.clauses if c.key == "why")
    assert ("delete", "pupils") in why.diff and ("insert", "children") in why.diff
    assert report.local_additions == ["We also run a breakfast club with the parish council."]
    assert set(report.art13_missing) - set(baseline.art13_missing) == {"retention"}
    assert report.stale_facts == [
        {"field": "school.email", "found": "old.office@example.org", "expected": school.email}
    ]


def test_an_old_phone_number_is_a_stale_fact(school_notice):
    text = "\n\n".join(_sections(school_notice).values()).replace(
        school_notice.school.phone, "0113 496 0999"
    )

    report = notice_adopt(school_notice=school_notice, text=text)

    assert report.stale_facts == [
        {"field": "school.phone", "found": "0113 496 0999", "expected": school_notice.school.phone}
    ]


def test_it_reads_an_html_notice(school_notice):
    html = school_notice.live_publication().html

    report = notice_adopt(school_notice=school_notice, text=html_to_text(html))

    assert {c.status for c in report.clauses} == {"identical"}


def test_the_command_prints_one_json_object(school_notice, tmp_path, capsys):
    path = tmp_path / "old-notice.html"
    path.write_text(school_notice.live_publication().html)

    call_command("adopt_notice", str(path), "--school", school_notice.school.slug, "--json")

    data = json.loads(capsys.readouterr().out)
    assert set(data) == {
        "school",
        "notice_type",
        "clauses",
        "local_additions",
        "art13_missing",
        "stale_facts",
        "document",
        "health",
        "coverage",
    }
    assert data["document"]["format"] == "html"
    # One heading per clause, after the two the notice opens with: contacts and "At a glance".
    assert data["document"]["counts"]["heading"] == len(CLAUSES) + 2
    assert set(data["clauses"][0]) == {"key", "title", "status", "version", "similarity", "diff"}
    assert all(
        set(f) == {"check", "severity", "where", "found", "suggestion"} for f in data["health"]
    )
    missing = [f["found"] for f in data["health"] if f["check"] == "coverage"]
    assert "Nothing in the notice says: the lawful basis for using it." in missing
    assert all(set(c) == {"item", "covered", "evidence"} for c in data["coverage"])
    assert len(data["coverage"]) == 16
    assert data["school"] == school_notice.school.slug
    assert data["notice_type"] == "pupils"


def test_the_admin_page_shows_the_drift_report(school_notice, dpo_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    html = school_notice.live_publication().html.replace("twenty five", "thirty")
    upload = SimpleUploadedFile("old.html", html.encode(), content_type="text/html")

    response = dpo_client.post("/admin/adopt/", {"school_notice": school_notice.pk, "file": upload})

    assert response.status_code == 200
    statuses = {c.key: c.status for c in response.context["report"].clauses}
    assert statuses["keeping"] == "changed"
    assert "thirty" in response.content.decode()


def test_office_staff_cannot_open_the_adoption_page(office_a_client, db):
    assert office_a_client.get("/admin/adopt/").status_code == 302


def test_it_reads_a_pdf_copy_of_the_notice(school_notice, tmp_path, capsys):
    from notices.publishing.services import publication_render_pdf

    publication = publication_render_pdf(publication=school_notice.live_publication())
    path = tmp_path / "old-notice.pdf"
    path.write_bytes(publication.pdf.read())

    call_command("adopt_notice", str(path), "--school", school_notice.school.slug, "--json")

    data = json.loads(capsys.readouterr().out)
    assert {c["status"] for c in data["clauses"]} == {"identical"}  # page furniture aside
    assert data["stale_facts"] == []


def test_the_admin_page_shows_health_and_coverage_with_evidence(school_notice, dpo_client):
    from django.core.files.uploadedfile import SimpleUploadedFile

    html = school_notice.live_publication().html.replace(
        "twenty five years old", "twenty five years old, as the Data Protection Act 1998 says"
    )
    upload = SimpleUploadedFile("old.html", html.encode(), content_type="text/html")

    response = dpo_client.post("/admin/adopt/", {"school_notice": school_notice.pk, "file": upload})

    page = response.content.decode()
    assert "repealed-law" in page and "Data Protection Act 1998" in page
    assert "Records are kept until the pupil is twenty five years old" in page  # evidence
    checks = {f["check"] for f in response.context["report"].health}
    assert {"repealed-law", "outdated-term", "coverage"} <= checks


def test_the_command_lists_the_changed_words_first(school_notice, tmp_path, capsys):
    path = tmp_path / "old-notice.txt"
    text = "\n\n".join(_sections(school_notice).values())
    path.write_text(text.replace("to keep pupils safe", "to keep children safe"))

    call_command("adopt_notice", str(path), "--school", school_notice.school.slug)

    out = capsys.readouterr().out
    assert "1 changed" in out
    changed = out.split("changed: Why we use information")[1].splitlines()
    assert changed[1:3] == ["      - pupils", "      + children"]


OLD_STYLE_NOTICE = """Hilltop Infant School

Privacy notice

We look after your child\u2019s information carefully. Questions? Email {email} or call {phone}.

1. What we hold

We may hold the following about pupils:

  \u2022 names, addresses and dates of birth
  \u2022 attendance records (sessions attended, absences)
  \u2022 \u2018special\u2019 information, such as health needs

2. Who we share it with

We share records with:

- the local authority;
- the Department for Education; and
- the school pupils move on to.

3. How long we keep it

Records are kept until the pupil is 25 \u2013 then they are destroyed securely.
"""


def test_a_notice_adopted_against_the_library_made_from_it_is_identical_throughout(school_a):
    from notices.models import SchoolNotice
    from onboarding.template_import import template_import

    text = OLD_STYLE_NOTICE.format(email=school_a.email, phone=school_a.phone)
    imported = template_import(text=text, school=school_a, title="Hilltop template")
    school_notice = SchoolNotice.objects.get(school=school_a, notice_type=imported.notice_type)

    report = notice_adopt(school_notice=school_notice, text=text)

    assert [c.status for c in report.clauses] == ["identical"] * imported.clauses
    assert report.local_additions == []
    assert report.stale_facts == []
