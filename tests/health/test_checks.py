"""The health checks on a notice's text: outdated law and terms, complaints, the DPO, links,
contact facts and reading age."""

from __future__ import annotations

from datetime import date

import pytest

from health.checks import TextSection, notice_health
from health.checks.contacts import (
    DPO_VARIANTS,
    INVALID_PHONE,
    REGULATOR_PHONE,
    dpo_mentions,
    dpo_variants,
    record_findings,
    stale_facts,
    text_findings,
)
from health.checks.notice import COMPLAINTS_FIRST, NO_DPO, PRIVATE_LINK, is_private
from health.checks.readability import HARD_TO_READ, readability
from health.checks.terms import CLOSED_PARTNER, OUTDATED_TERM, REPEALED_LAW
from health.models import OutdatedTerm
from health.services import term_entries
from schools.models import SharingPartner
from tests.factories import SharingPartnerFactory

OLD_NOTICE = [
    TextSection(
        "Data protection",
        "We process personal data in line with the Data Protection Act 1998. Under the DPA "
        "1998 you may ask for inaccurate data to be rectified, blocked, erased or destroyed.",
    ),
    TextSection(
        "Sharing",
        "We complete Privacy Impact Assessments before sharing. We share health records with "
        "the local PCT and with Public Health England. Follow us on Twitter.",
    ),
    TextSection(
        "Keeping it",
        "Our retention schedule is at http://intranet/policies/retention.pdf for staff.",
    ),
]


def _checks(report) -> list[str]:
    return [finding.check for finding in report.findings]


@pytest.mark.django_db
def test_a_dpa_1998_notice_is_reported_as_written_under_repealed_law_with_each_term():
    report = notice_health(sections=OLD_NOTICE, terms=term_entries())

    repealed = [f for f in report.findings if f.check == REPEALED_LAW]
    assert len(repealed) == 1 and repealed[0].severity == "error"
    assert repealed[0].found.split("; ") == [
        "Data Protection Act 1998",
        "DPA 1998",
        "rectified, blocked, erased",
    ]
    terms = {(f.where, f.found) for f in report.findings if f.check == OUTDATED_TERM}
    assert terms == {
        ("Data protection", "Data Protection Act 1998"),
        ("Data protection", "DPA 1998"),
        ("Data protection", "rectified, blocked, erased"),
        ("Sharing", "Privacy Impact Assessments"),
        ("Sharing", "PCT"),
        ("Sharing", "Public Health England"),
        ("Sharing", "Twitter"),
    }
    pia = next(f for f in report.findings if f.found == "Privacy Impact Assessments")
    assert pia.suggestion.startswith("Write “data protection impact assessment (DPIA)” instead.")


@pytest.mark.django_db
def test_the_terms_are_data_a_dpo_can_change():
    OutdatedTerm.objects.create(
        term="Connexions", kind="body", reason="Closed.", replacement="youth support services"
    )
    OutdatedTerm.objects.filter(term="Twitter").update(is_active=False)

    report = notice_health(
        sections=[TextSection("Links", "Ask Connexions. Follow us on Twitter.")],
        terms=term_entries(),
        whole_notice=False,
    )

    assert [f.found for f in report.findings if f.check == OUTDATED_TERM] == ["Connexions"]


def test_a_notice_without_a_complaints_route_to_the_school_is_flagged():
    to_ico_only = [TextSection("Complaints", "You can complain to the ICO at ico.org.uk.")]
    to_us_first = [
        TextSection(
            "Complaints",
            "If you want to complain, please use the complaints form on our website first. "
            "You can also complain to the ICO.",
        )
    ]

    assert COMPLAINTS_FIRST in _checks(notice_health(sections=to_ico_only))
    assert COMPLAINTS_FIRST not in _checks(notice_health(sections=to_us_first))


def test_a_notice_without_a_dpo_is_flagged():
    with_dpo = [TextSection("Contact", "Our data protection officer is Sam Jones.")]
    without = [TextSection("Contact", "Write to the headteacher.")]

    assert NO_DPO not in _checks(notice_health(sections=with_dpo))
    assert NO_DPO in _checks(notice_health(sections=without))


@pytest.mark.parametrize(
    "link",
    [
        "http://intranet/policies/retention.pdf",
        "https://localhost:8000/notice",
        "https://sharepoint.school.local/retention",
        "http://192.168.1.20/retention.pdf",
        "http://10.0.0.5/",
        "file:///S:/Policies/retention.docx",
        "\\\\fileserver\\policies\\retention.docx",
    ],
)
def test_links_the_public_cannot_reach_are_private(link):
    assert is_private(link)


@pytest.mark.parametrize(
    "link", ["https://www.gov.uk/guidance", "https://ico.org.uk/", "https://8.8.8.8/"]
)
def test_public_links_are_not_private(link):
    assert not is_private(link)


def test_a_private_link_is_reported_where_it_is_also_from_a_rendered_href():
    sections = [
        TextSection("Keeping it", "See the schedule (link below)."),
        TextSection("Policies", "Read our policy.", links=("https://policies.corp/records",)),
    ]

    found = [(f.where, f.found) for f in notice_health(sections=sections).findings
             if f.check == PRIVATE_LINK]  # fmt: skip

    assert found == [("Policies", "https://policies.corp/records")]


def test_the_icos_contacts_are_never_stale_school_facts():
    facts = {"school.email": "office@school.example.org", "school.phone": "020 7946 0001"}
    text = (
        "Email office@school.example.org or call 020 7946 0001. For advice contact the "
        "Information Commissioner's Office on 0303 123 1113 or 01625 545 745, or email "
        "casework@ico.org.uk."
    )

    assert stale_facts(text=text, facts=facts, library_text="") == []
    stale = stale_facts(
        text=text.replace("020 7946 0001", "020 7946 0999"), facts=facts, library_text=""
    )
    assert stale == [
        {"field": "school.phone", "found": "020 7946 0999", "expected": "020 7946 0001"}
    ]


def test_a_school_or_dpo_phone_equal_to_the_regulators_is_flagged():
    findings = record_findings(
        facts={"school.phone": "020 7946 0001", "dpo.phone": "0303 123 1113"}
    )

    assert [(f.check, f.where) for f in findings] == [
        (REGULATOR_PHONE, "The DPO's record (dpo.phone)")
    ]


def test_the_regulators_number_given_as_the_dpos_is_flagged_but_not_when_named():
    as_dpo = [TextSection("Our DPO", "You can call our DPO on 0303 123 1113.")]
    as_ico = [TextSection("Advice", "Call the ICO's helpline on 0303 123 1113.")]
    ico_address = [
        TextSection(
            "Where can I get advice?",
            "Information Commissioner's Office\n\nWycliffe House\n\nWater Lane\n\nWilmslow"
            "\n\nCheshire SK9 5AF\n\nTel: 0303 123 1113 (local rate) or 01625 545 745",
        )
    ]

    assert [f.check for f in text_findings(sections=as_dpo)] == [REGULATOR_PHONE]
    assert text_findings(sections=as_ico) == []
    assert text_findings(sections=ico_address) == []


def test_a_phone_that_is_not_a_valid_uk_number_is_flagged():
    sections = [TextSection("Contact", "Call 01632 9600 01234 or 020 7946 0001.")]

    findings = text_findings(sections=sections)

    assert [(f.check, f.found) for f in findings] == [(INVALID_PHONE, "01632 9600 01234")]


def test_one_dpo_written_several_ways_is_reported_once_with_the_variants():
    said = {
        "Ashdown": "Contact our DPO at dpo@county.example.org or 0333 032 2970.",
        "Birchwood": "Our data protection officer: 03330 322970, igs@county.example.org.",
        "Cedars": "Our data protection officer: 03330 322970.",
        "Dene": "Our DPO is on 020 7946 0123, dpo@other.example.org.",
    }
    notices = [
        (school, dpo_mentions(sections=[TextSection("DPO", text)])) for school, text in said.items()
    ]

    findings = dpo_variants(notices=notices, records=[])

    assert len(findings) == 1
    assert findings[0].check == DPO_VARIANTS
    assert findings[0].where == "Ashdown, Birchwood, Cedars"
    assert findings[0].found == (
        "0333 032 2970, 03330 322970; dpo@county.example.org, igs@county.example.org"
    )


@pytest.mark.django_db
def test_a_notice_naming_a_closed_partner_is_told_its_successor():
    icb = SharingPartnerFactory(name="Mid Testshire Integrated Care Board")
    SharingPartnerFactory(
        name="Mid Testshire Health Group",
        status=SharingPartner.Status.MERGED,
        status_date=date(2022, 7, 1),
        successor=icb,
    )
    sections = [TextSection("Health", "We share with Mid Testshire Health Group.")]

    findings = [f for f in notice_health(sections=sections, terms=term_entries()).findings
                if f.check == CLOSED_PARTNER]  # fmt: skip

    assert len(findings) == 1
    assert findings[0].suggestion.startswith("Write “Mid Testshire Integrated Care Board” instead.")
    assert "1 July 2022" in findings[0].suggestion


def test_reading_age_and_longest_sentences():
    plain = "We keep your child safe. We teach them well. " * 5
    hard = (
        "Notwithstanding the aforementioned considerations, the organisation's processing "
        "activities, encompassing comprehensive administrative, pedagogical and safeguarding "
        "responsibilities, necessitate systematic documentation of individuals' characteristics, "
        "circumstances and educational achievements, which are retained contemporaneously. "
    ) * 3

    easy, difficult = readability(plain), readability(hard)

    assert easy.reading_age is not None and difficult.reading_age is not None
    assert easy.reading_age < 10 < 16 < difficult.reading_age
    assert easy.longest == ()
    assert difficult.longest[0].startswith("Notwithstanding")
    report = notice_health(sections=[TextSection("Hard", hard)], whole_notice=False)
    assert HARD_TO_READ in _checks(report)
