"""Coverage judged from a notice's own words, with the sentence that shows each item."""

from __future__ import annotations

from health.checks import TextSection, checklist, coverage_from_text

TRANSFERS = (
    "Sometimes, for example when a family moves abroad, we need to send a pupil's records "
    "outside the UK. Where the country has no adequacy decision we add safeguards first."
)

FULL_NOTICE = [
    TextSection(
        "Who we are",
        "We, Hilltop Infant School, are the data controller for the information in this "
        "notice. Our data protection officer is Sam Jones: email dpo@example.org.",
    ),
    TextSection(
        "What we hold",
        "The personal data we hold about pupils includes:\n\n- names and addresses\n"
        "- attendance records\n\nSome of it we have received from the pupil's previous school.",
    ),
    TextSection(
        "Why we use it",
        "We use this data to teach pupils and keep them safe. Our lawful basis is our public "
        "task (Article 6(1)(e)). Most information is mandatory; where it is optional we say so.",
    ),
    TextSection("Sharing", "We share information with the local authority and the DfE."),
    TextSection("If your information leaves the UK", TRANSFERS),
    TextSection(
        "How long we keep it",
        "Our retention schedule says how long each record is kept for.",
    ),
    TextSection(
        "Your rights",
        "You have the right to ask for a copy of your information. Where we rely on consent you "
        "may withdraw your consent at any time. We do not use automated decision-making.",
    ),
    TextSection(
        "Complaints",
        "You can make a complaint to the Information Commissioner's Office at any time.",
    ),
]


def _by_item(sections):
    return {c.item: c for c in coverage_from_text(sections=sections)}


def test_every_checklist_item_is_judged_with_evidence():
    coverage = _by_item(FULL_NOTICE)

    assert set(coverage) == {item.key for item in checklist()}
    assert {key for key, c in coverage.items() if not c.covered} == {
        "representative",
        "legitimate-interests",
    }
    assert all(c.evidence for c in coverage.values() if c.covered)


def test_a_transfers_section_is_credited_with_its_sentence_as_evidence():
    coverage = _by_item(FULL_NOTICE)["transfers"]

    assert coverage.covered
    assert coverage.evidence.startswith("Sometimes, for example when a family moves abroad")
    assert coverage.where == "If your information leaves the UK"


def test_transfers_are_found_whatever_the_heading():
    sections = [TextSection("Other matters", "We never send personal data to a third country.")]

    assert _by_item(sections)["transfers"].covered


def test_a_notice_that_names_its_dpo_differs_from_one_without():
    without = [s for s in FULL_NOTICE if s.where != "Who we are"]

    assert _by_item(FULL_NOTICE)["dpo"].covered
    assert not _by_item(without)["dpo"].covered
    assert _by_item(without)["dpo"].evidence == ""


def test_an_erasure_ground_is_not_the_right_to_withdraw_consent():
    sections = [
        TextSection(
            "Deleting information",
            "You can ask us to delete information where you have withdrawn your consent.",
        )
    ]

    assert not _by_item(sections)["withdraw-consent"].covered


def test_advice_from_the_ico_is_not_the_right_to_complain_to_it():
    advice = [TextSection("Advice", "For independent advice, contact the ICO.")]
    complaints = [TextSection("Complaints", "For independent advice, contact the ICO.")]

    assert not _by_item(advice)["complaint"].covered
    assert _by_item(complaints)["complaint"].covered  # the heading says what the ICO is for


def test_an_empty_notice_covers_nothing():
    assert not any(c.covered for c in coverage_from_text(sections=[]))
