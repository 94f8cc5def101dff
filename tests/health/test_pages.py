"""The health checks where DPO staff see them: the dashboard, the clause editor, the impact of
publishing, and the command that checks every live notice."""

from __future__ import annotations

from datetime import date

import pytest
from django.core.management import call_command

from clauses.services import clause_version_publish, clause_version_start_draft
from health.models import OutdatedTerm, PublicationHealth
from notices.publishing.batch import notices_publish, select_school_notices
from schools.models import SharingPartner
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolFactory,
    SchoolNoticeFactory,
    SharingPartnerFactory,
)

pytestmark = pytest.mark.django_db

OLD_LAW = (
    "We hold pupil records under the Data Protection Act 1998 and share them with the local "
    "authority when the law requires it."
)


@pytest.fixture
def library():
    notice_type = NoticeTypeFactory(is_primary=True, title="Pupils")
    who = ClauseFactory(key="who", heading="Who we are")
    records = ClauseFactory(key="records", heading="Records")
    ClauseVersionFactory(clause=who, published=True, body="We are {{ school.name }}.")
    ClauseVersionFactory(clause=records, published=True, body="We keep records for 5 years.")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=who, position=1)
    NoticeTypeClauseFactory(notice_type=notice_type, clause=records, position=2)
    alder, beech = SchoolFactory(name="Alder School"), SchoolFactory(name="Beech School")
    notices = [SchoolNoticeFactory(school=s, notice_type=notice_type) for s in (alder, beech)]
    notices_publish(school_notices=select_school_notices())
    return {"type": notice_type, "records": records, "notices": notices}


def _republish_records(library, body: str) -> None:
    draft = clause_version_start_draft(clause=library["records"], user=None)
    draft.body = body
    draft.change_summary = "Written under the old law."
    draft.save()
    clause_version_publish(version=draft, user=None)
    notices_publish(school_notices=select_school_notices())


def test_the_dashboard_shows_which_notices_fail_which_checks_with_links(library, dpo_client):
    _republish_records(library, OLD_LAW)

    response = dpo_client.get("/admin/dashboard/", {"notice_type": library["type"].pk})

    health = response.context["board"].health
    counts = dict(health.counts)
    assert counts["repealed-law"] == 2 and counts["outdated-term"] == 2
    assert {sn.school.name for sn, _ in health.by_check["repealed-law"]} == {
        "Alder School",
        "Beech School",
    }
    page = response.content.decode()
    assert 'id="health-repealed-law"' in page
    assert f"/admin/notices/schoolnotice/{library['notices'][0].pk}/change/" in page
    assert "Reading age of each notice" in page


def test_results_are_kept_and_checked_again_when_the_terms_change(library, dpo_client):
    _republish_records(library, OLD_LAW)
    dpo_client.get("/admin/dashboard/", {"notice_type": library["type"].pk})
    stored = {row.pk: row.checked_at for row in PublicationHealth.objects.all()}
    assert len(stored) == 2

    dpo_client.get("/admin/dashboard/", {"notice_type": library["type"].pk})
    assert {row.pk: row.checked_at for row in PublicationHealth.objects.all()} == stored

    OutdatedTerm.objects.create(term="pupil records", kind="term", reason="Say 'records'.")
    response = dpo_client.get("/admin/dashboard/", {"notice_type": library["type"].pk})
    assert {row.pk: row.checked_at for row in PublicationHealth.objects.all()} != stored
    found = [f.found for _, fs in response.context["board"].health.by_check["outdated-term"]
             for f in fs]  # fmt: skip
    assert "pupil records" in found


def test_the_clause_editor_shows_reading_age_longest_sentences_and_findings(library, dpo_client):
    draft = clause_version_start_draft(clause=library["records"], user=None)
    draft.body = (
        "We keep the records that the school holds about every pupil who attends it, and about "
        "their parents and carers, for as long as the retention schedule on "
        "https://intranet.school.local/records says, which is usually until the pupil is 25."
        "\n\nWe completed a privacy impact assessment."
    )
    draft.save()

    response = dpo_client.get(f"/admin/clauses/clauseversion/{draft.pk}/change/")

    page = response.content.decode()
    report = response.context["version_health"]
    assert report.readability.reading_age is not None
    assert "Health of this version" in page and "Reading age" in page
    assert report.readability.longest[0].startswith("We keep the records")
    assert {f.check for f in report.findings} >= {"private-link", "outdated-term"}
    assert "https://intranet.school.local/records" in page


def test_publishing_offers_the_successor_of_a_closed_partner(library, dpo_client):
    icb = SharingPartnerFactory(name="Testshire Integrated Care Board")
    SharingPartnerFactory(
        name="Testshire CCG",
        status=SharingPartner.Status.MERGED,
        status_date=date(2022, 7, 1),
        successor=icb,
    )
    draft = clause_version_start_draft(clause=library["records"], user=None)

    impact = dpo_client.get(f"/admin/clauses/clauseversion/{draft.pk}/impact/")
    confirm = dpo_client.get(f"/admin/clauses/clauseversion/{draft.pk}/publish/")

    for response in (impact, confirm):
        assert response.status_code == 200
        assert response.context["drafts_health"].partners == [
            "Testshire CCG merged into another body on 1 July 2022. Testshire Integrated Care "
            "Board took on its work: list it instead."
        ]
        assert "Testshire Integrated Care Board took on its work" in response.content.decode()


def test_the_command_checks_every_live_notice(library, capsys):
    _republish_records(library, OLD_LAW)

    call_command("check_notice_health", verbosity=0)

    assert "Checked 2 live notices: 2 with findings." in capsys.readouterr().out
    checks = {f["check"] for row in PublicationHealth.objects.all() for f in row.findings}
    assert "repealed-law" in checks


def test_the_worker_checks_new_publications_so_the_dashboard_reads_stored_results(
    library, run_worker, django_capture_on_commit_callbacks
):
    from notices.models import Publication

    with django_capture_on_commit_callbacks(execute=True):
        _republish_records(library, OLD_LAW)
    assert not PublicationHealth.objects.filter(publication__number=2).exists()

    run_worker()

    checked = PublicationHealth.objects.filter(publication__number=2)
    assert checked.count() == 2
    assert all(any(f["check"] == "outdated-term" for f in row.findings) for row in checked), [
        row.findings for row in checked
    ]
    assert Publication.objects.filter(number=2).count() == 2
