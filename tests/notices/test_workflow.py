"""The DPO workflow: publish a clause version everywhere, in the background, safely."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.core import mail
from django.utils import timezone
from django_tasks.base import TaskResultStatus
from django_tasks_db.models import DBTaskResult

from clauses.models import Art13Item, ClauseVersion
from clauses.services import clause_version_start_draft
from health.coverage import notice_type_gaps, school_notice_gaps
from notices.dpo.preview import version_impact, version_preview
from notices.dpo.services import DRAFT_CHANGED, clause_version_publish_everywhere
from notices.models import Publication, PublishRun
from notices.publishing import tasks
from notices.publishing.batch import notices_publish, select_school_notices
from notices.publishing.runs import publish_run_retry
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
def library(settings):
    """Two schools' published notices; school B leaves the optional CCTV clause out."""
    settings.TASK_RETRY_DELAY_SECONDS = 0
    notice_type = NoticeTypeFactory(is_primary=True, title="Pupils")
    who = ClauseFactory(key="who", heading="Who we are", art13_items=[i.value for i in Art13Item])
    cctv = ClauseFactory(key="cctv", heading="CCTV", required=False, art13_items=[])
    ClauseVersionFactory(clause=who, published=True, body="We are {{ school.name }}.")
    ClauseVersionFactory(clause=cctv, published=True, body="We record the gates for 30 days.")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=who, position=1)
    NoticeTypeClauseFactory(notice_type=notice_type, clause=cctv, position=2)
    school_a, school_b = SchoolFactory(name="Alder School"), SchoolFactory(name="Beech School")
    notice_a = SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    notice_b = SchoolNoticeFactory(school=school_b, notice_type=notice_type)
    notice_b.omitted_clauses.add(cctv)
    notices_publish(school_notices=select_school_notices())
    return {"type": notice_type, "who": who, "cctv": cctv, "a": notice_a, "b": notice_b}


def _draft(clause, body: str) -> ClauseVersion:
    draft = clause_version_start_draft(clause=clause, user=None)
    draft.body = body
    draft.change_summary = "Shorter retention."
    draft.save()
    return draft


def test_the_preview_shows_the_draft_without_publishing_it(library):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")

    preview = version_preview(version=draft, school_notice=library["a"])

    assert "14 days" in preview.html
    assert preview.problems == []
    assert Publication.objects.filter(school_notice=library["a"]).count() == 1
    assert "30 days" in library["a"].live_publication().html


def test_the_impact_lists_each_changed_notice_with_a_word_diff(library):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")

    impacts = version_impact(version=draft)

    assert [impact.school_notice for impact in impacts] == [library["a"]]
    [section] = impacts[0].sections
    assert section.heading == "CCTV"
    assert ("delete", "30") in section.parts
    assert ("insert", "14") in section.parts


def test_the_impact_names_a_school_that_could_not_publish(library):
    draft = _draft(library["who"], "We are {{ school.name }}; call {{ school.headteacher }}.")
    school = library["b"].school
    school.headteacher = ""
    school.save()

    impacts = {impact.school_notice: impact for impact in version_impact(version=draft)}

    assert "has no headteacher" in impacts[library["b"]].problems[0]
    assert impacts[library["a"]].problems == []


def test_publishing_everywhere_waits_for_the_commit_then_the_worker(
    run_worker, library, django_capture_on_commit_callbacks
):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")

    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        result = clause_version_publish_everywhere(version=draft, user=None)

    assert len(callbacks) == 1
    assert result.run.total == 1  # school B leaves the clause out
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1
    assert library["a"].live_publication().number == 1
    run_worker()
    run = PublishRun.objects.get(pk=result.run.pk)
    assert (run.status, run.pages_done, run.published, run.pdfs_done) == ("done", 1, 1, 1)
    live = library["a"].live_publication()
    assert (live.number, live.has_pdf) == (2, True)
    assert "14 days" in live.html
    assert library["b"].live_publication().number == 1


def test_office_staff_are_emailed_the_change_summary(
    run_worker, library, django_capture_on_commit_callbacks, office_a
):
    office_a.school_memberships.update(school=library["a"].school)
    draft = _draft(library["cctv"], "We record the gates for 14 days.")
    with django_capture_on_commit_callbacks(execute=True):
        clause_version_publish_everywhere(version=draft, user=None)

    run_worker()

    [message] = mail.outbox
    assert message.to == [office_a.email]
    assert "version 2" in message.subject
    assert "Updated “CCTV”" in message.body


def test_a_failing_pdf_is_retried_then_reported(
    run_worker, library, django_capture_on_commit_callbacks, monkeypatch
):
    attempts = []

    def broken(*, publication):
        attempts.append(publication.pk)
        raise RuntimeError("font cache unavailable")

    monkeypatch.setattr(tasks, "publication_render_pdf", broken)
    draft = _draft(library["cctv"], "We record the gates for 14 days.")
    with django_capture_on_commit_callbacks(execute=True):
        result = clause_version_publish_everywhere(version=draft, user=None)

    run_worker()

    run = PublishRun.objects.get(pk=result.run.pk)
    assert len(attempts) == tasks.MAX_ATTEMPTS
    assert (run.status, run.pdfs_failed, run.pdfs_done) == ("failed", 1, 0)
    assert "font cache unavailable" in run.errors[0]["error"]
    assert library["a"].live_publication().number == 2  # the page is live all the same


def test_a_failed_run_can_be_retried(
    run_worker, library, django_capture_on_commit_callbacks, monkeypatch
):
    working = tasks.publication_render_pdf

    def disk_full(*, publication):
        raise OSError("disk full")

    monkeypatch.setattr(tasks, "MAX_ATTEMPTS", 1)
    monkeypatch.setattr(tasks, "publication_render_pdf", disk_full)
    draft = _draft(library["cctv"], "We record the gates for 14 days.")
    with django_capture_on_commit_callbacks(execute=True):
        failed_run = clause_version_publish_everywhere(version=draft, user=None).run
    run_worker()
    monkeypatch.setattr(tasks, "publication_render_pdf", working)  # the disk has room again

    with django_capture_on_commit_callbacks(execute=True):
        retry = publish_run_retry(run=PublishRun.objects.get(pk=failed_run.pk), user=None)
    run_worker()

    retry.refresh_from_db()
    assert (retry.total, retry.status, retry.pdfs_done) == (1, "done", 1)
    assert library["a"].live_publication().has_pdf


def test_a_task_whose_worker_died_is_run_again(
    run_worker, library, django_capture_on_commit_callbacks
):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")
    with django_capture_on_commit_callbacks(execute=True):
        result = clause_version_publish_everywhere(version=draft, user=None)
    # A worker claimed the task and was killed mid-render an hour ago.
    DBTaskResult.objects.update(
        status=TaskResultStatus.RUNNING, started_at=timezone.now() - timedelta(hours=1)
    )

    requeued = tasks.requeue_stale_tasks()
    run_worker()

    assert requeued == 1
    assert DBTaskResult.objects.filter(status=TaskResultStatus.FAILED).count() == 1
    assert PublishRun.objects.get(pk=result.run.pk).status == "done"
    assert library["a"].live_publication().number == 2


def test_a_recent_running_task_is_left_alone(library, django_capture_on_commit_callbacks):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")
    with django_capture_on_commit_callbacks(execute=True):
        clause_version_publish_everywhere(version=draft, user=None)
    DBTaskResult.objects.update(status=TaskResultStatus.RUNNING, started_at=timezone.now())

    assert tasks.requeue_stale_tasks() == 0


def test_coverage_gaps_are_listed_and_warned_on_publish(library):
    library["who"].art13_items = ["controller", "dpo"]
    library["who"].save()
    library["type"].not_applicable_items = ["representative"]
    library["type"].save()
    draft = _draft(library["cctv"], "We record the gates for 14 days.")

    gaps = notice_type_gaps(library["type"])
    result = clause_version_publish_everywhere(version=draft, user=None)

    assert Art13Item.PURPOSES in gaps
    assert Art13Item.REPRESENTATIVE not in gaps
    assert Art13Item.CONTROLLER not in gaps
    assert "does not cover" in result.warnings[0]
    assert "Purposes of the processing" in result.warnings[0]


def test_the_dashboard_shows_behind_and_clean(
    run_worker, library, dpo_client, django_capture_on_commit_callbacks
):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")
    with django_capture_on_commit_callbacks(execute=True):
        clause_version_publish_everywhere(version=draft, user=None)

    before = dpo_client.get("/admin/dashboard/")
    run_worker()
    after = dpo_client.get("/admin/dashboard/")

    assert before.status_code == 200
    assert [row.school_notice for row in before.context["board"].behind] == [library["a"]]
    assert after.context["board"].behind == []
    assert after.context["board"].is_clean


@pytest.mark.parametrize(
    ("method", "path"),
    [
        ("get", "/admin/dashboard/"),
        ("get", "/admin/clauses/clauseversion/{version}/preview/"),
        ("get", "/admin/clauses/clauseversion/{version}/impact/"),
        ("post", "/admin/clauses/clauseversion/{version}/publish/"),
        ("post", "/admin/clauses/clause/{clause}/start-draft/"),
        ("get", "/admin/notices/publishrun/"),
    ],
)
def test_office_staff_cannot_reach_the_dpo_pages(library, office_a_client, method, path):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")
    url = path.format(version=draft.pk, clause=library["cctv"].pk)

    response = getattr(office_a_client, method)(url)

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
    draft.refresh_from_db()
    assert draft.status == ClauseVersion.Status.DRAFT
    assert ClauseVersion.objects.filter(clause=library["cctv"]).count() == 2


def test_the_publish_address_only_shows_a_confirmation_until_confirmed(
    library, dpo_client, django_capture_on_commit_callbacks
):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")

    with django_capture_on_commit_callbacks(execute=True):
        shown = dpo_client.get(f"/admin/clauses/clauseversion/{draft.pk}/publish/")
        one_click = dpo_client.post(f"/admin/clauses/clauseversion/{draft.pk}/publish/")

    assert shown.status_code == one_click.status_code == 200
    page = shown.content.decode()
    assert "Publishing will change <strong>1 notice</strong> at <strong>1 school</strong>" in page
    assert "We record the gates for 14 days." in page  # the saved text, in full
    assert 'name="fingerprint"' in page
    draft.refresh_from_db()
    assert draft.status == ClauseVersion.Status.DRAFT
    assert not PublishRun.objects.exists()


def test_dpo_staff_can_publish_from_the_admin_after_confirming(
    library, dpo_client, django_capture_on_commit_callbacks
):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")
    url = f"/admin/clauses/clauseversion/{draft.pk}/publish/"
    fingerprint = dpo_client.get(url).context["fingerprint"]

    with django_capture_on_commit_callbacks(execute=True):
        response = dpo_client.post(url, {"fingerprint": fingerprint, "version": draft.pk})

    run = PublishRun.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/admin/notices/publishrun/{run.pk}/change/"
    draft.refresh_from_db()
    assert draft.status == ClauseVersion.Status.PUBLISHED
    assert run.requested_by.username == "dpo"
    assert list(run.school_notices.all()) == [library["a"]]


def test_a_draft_saved_again_after_the_confirmation_is_not_published(
    library, dpo_client, django_capture_on_commit_callbacks
):
    draft = _draft(library["cctv"], "We record the gates for 14 days.")
    url = f"/admin/clauses/clauseversion/{draft.pk}/publish/"
    fingerprint = dpo_client.get(url).context["fingerprint"]
    draft.body = "We record the gates for 7 days."
    draft.save()

    with django_capture_on_commit_callbacks(execute=True):
        response = dpo_client.post(url, {"fingerprint": fingerprint, "version": draft.pk})

    assert response.status_code == 200
    assert DRAFT_CHANGED in [str(m) for m in response.context["messages"]]
    assert "We record the gates for 7 days." in response.content.decode()
    draft.refresh_from_db()
    assert draft.status == ClauseVersion.Status.DRAFT
    assert not PublishRun.objects.exists()


def test_a_school_s_gaps_count_what_its_published_notice_holds(library):
    library["cctv"].art13_items = ["retention"]
    library["cctv"].save()
    library["who"].art13_items = ["controller"]
    library["who"].save()
    school_notice = library["b"]
    school_notice.omitted_clauses.add(library["who"])  # required: published all the same

    gaps = school_notice_gaps(school_notice)

    assert "Who we are" in school_notice.school.notices.get().live_publication().html
    assert Art13Item.CONTROLLER not in gaps  # the required clause is in the notice
    assert Art13Item.RETENTION in gaps  # the optional clause it omits is not
