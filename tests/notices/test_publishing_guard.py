"""No school's notice prints another school's email, phone, postcode or website."""

from __future__ import annotations

import pytest

from notices.publishing.guard import FOREIGN_CONTACT
from notices.publishing.services import notice_publish
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolFactory,
    SchoolNoticeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def clause():
    return ClauseFactory(key="contact", heading="Contact us")


@pytest.fixture
def notice_type(clause):
    notice_type = NoticeTypeFactory(slug="pupils")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=0)
    return notice_type


@pytest.fixture
def birchwood():
    return SchoolFactory(
        name="Birchwood Academy",
        email="office@birchwood.example.org",
        phone="0113 496 0777",
        postcode="LS1 4AP",
        website="https://www.birchwood.example.org/",
    )


def _notice(notice_type, school=None):
    return SchoolNoticeFactory(school=school or SchoolFactory(), notice_type=notice_type)


@pytest.mark.parametrize(
    ("printed", "kind", "value"),
    [
        ("office@Birchwood.example.org", "the email address", "office@Birchwood.example.org"),
        ("01134960777", "the phone number", "01134960777"),
        ("LS14AP", "the postcode", "LS14AP"),
        ("www.birchwood.example.org/contact", "the website", "www.birchwood.example.org/contact"),
    ],
)
def test_another_schools_contact_detail_stops_publishing(
    clause, notice_type, birchwood, printed, kind, value
):
    ClauseVersionFactory(
        clause=clause, published=True, body=f"Write to {{{{ school.name }}}} at {printed} today."
    )
    school_notice = _notice(notice_type)

    result = notice_publish(school_notice=school_notice)

    assert result.status == "failed"
    assert result.errors == (
        FOREIGN_CONTACT.format(
            clause="Contact us",
            kind=kind,
            value=value,
            other="Birchwood Academy",
            school=school_notice.school.name,
        ),
    )
    assert school_notice.publications.count() == 0
    school_notice.refresh_from_db()
    assert "Birchwood Academy" in school_notice.last_error


def test_the_previous_publication_stays_live(clause, notice_type, birchwood):
    ClauseVersionFactory(clause=clause, published=True, body="Write to {{ school.email }}.")
    school_notice = _notice(notice_type)
    first = notice_publish(school_notice=school_notice).publication
    clause.versions.update(status="retired")
    ClauseVersionFactory(
        clause=clause, published=True, body="Write to office@birchwood.example.org."
    )

    result = notice_publish(school_notice=school_notice)

    assert result.status == "failed"
    assert school_notice.live_publication() == first
    assert "office@birchwood.example.org" not in first.html


def test_a_school_may_print_its_own_details(clause, notice_type, birchwood):
    ClauseVersionFactory(
        clause=clause, published=True, body="Write to office@birchwood.example.org."
    )

    result = notice_publish(school_notice=_notice(notice_type, birchwood))

    assert result.status == "published"


def test_a_detail_two_schools_share_may_be_printed_by_either(clause, notice_type, birchwood):
    """An infant and a junior school on one site often share an office."""
    ClauseVersionFactory(clause=clause, published=True, body="Ask {{ school.data_request_email }}.")
    school = SchoolFactory(data_request_email="office@birchwood.example.org")

    result = notice_publish(school_notice=_notice(notice_type, school))

    assert result.status == "published"


def test_details_no_school_holds_are_published(clause, notice_type, birchwood):
    ClauseVersionFactory(
        clause=clause,
        published=True,
        body="Call the ICO on 0303 123 1113, write to SK9 5AF or visit https://ico.org.uk/.",
    )

    result = notice_publish(school_notice=_notice(notice_type))

    assert result.status == "published"
