"""The static mirror: written when publishing, served without the database, rebuilt on deploy."""

from __future__ import annotations

import gzip
import re

import pytest
from django.core.management import call_command
from django.db import OperationalError
from django.test import override_settings

from mirror import store
from mirror.management.commands.mirror_public_pages import DONE
from mirror.middleware import SERVED_FROM_HEADER
from mirror.views import UNAVAILABLE_TEXT
from notices.models import Publication
from notices.publishing.batch import notices_publish, select_school_notices
from notices.publishing.services import publication_render_pdf
from notices.site import views as site_views
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    def run() -> None:
        with django_capture_on_commit_callbacks(execute=True):
            notices_publish(school_notices=select_school_notices())

    return run


@pytest.fixture
def published(school_a, publish):
    notice_type = NoticeTypeFactory(slug="pupils", title="How we use pupil data", is_primary=True)
    clause = ClauseFactory(heading="Who we are")
    ClauseVersionFactory(clause=clause, published=True, body="Call {{ school.phone }}. " * 30)
    NoticeTypeClauseFactory(notice_type=notice_type, clause=clause)
    SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    publish()
    return school_a


def _body(response) -> bytes:  # type: ignore[no-untyped-def]
    return b"".join(response.streaming_content) if response.streaming else response.content


def _page(school) -> str:
    return f"/schools/{school.slug}/privacy-notice/"


def test_publishing_writes_every_address_of_the_notice(published):
    base = f"/schools/{published.slug}"
    for path in [
        f"{base}/privacy-notice/",
        f"{base}/notices/pupils/",
        f"{base}/notices/pupils/versions/",
        f"{base}/notices/pupils/versions/1/",
    ]:
        assert store.read(path) is not None, path
    assert store.read(f"{base}/privacy-notice.pdf") is None  # no PDF made yet


def test_a_mirrored_page_is_served_without_the_database(
    client, rf, published, django_assert_num_queries
):
    dynamic = site_views.notice_page(rf.get(_page(published)), published.slug)

    with django_assert_num_queries(0):
        response = client.get(_page(published))

    assert response.status_code == 200
    assert response[SERVED_FROM_HEADER] == "mirror"
    assert _body(response) == dynamic.content
    assert response["ETag"] == dynamic["ETag"]
    assert response["Last-Modified"] == dynamic["Last-Modified"]
    assert response["Cache-Control"] == "public, max-age=300"
    assert response.cookies == {}


def test_a_mirrored_page_gets_the_same_security_headers_as_the_app(client, published):
    from_mirror = client.get(_page(published))
    from_app = client.get(f"/schools/{published.slug}/")

    for header in from_app.headers:
        if header.lower().startswith(
            ("x-", "content-security", "referrer", "cross-origin", "permissions", "strict")
        ):
            assert from_mirror.get(header) == from_app[header], header


def test_a_compressed_copy_is_served_to_browsers_that_accept_it(client, published):
    plain = _body(client.get(_page(published)))

    as_gzip = client.get(_page(published), HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    refused = client.get(_page(published), HTTP_ACCEPT_ENCODING="identity")

    assert as_gzip["Content-Encoding"] == "gzip"
    assert gzip.decompress(_body(as_gzip)) == plain
    assert len(_body(as_gzip)) < len(plain) / 3
    assert "Accept-Encoding" in as_gzip["Vary"]
    assert as_gzip["ETag"] != client.get(_page(published))["ETag"]
    assert _body(refused) == plain and not refused.has_header("Content-Encoding")


def test_a_mirrored_page_answers_conditional_gets(client, published):
    first = client.get(_page(published), HTTP_ACCEPT_ENCODING="gzip")

    by_etag = client.get(
        _page(published), HTTP_IF_NONE_MATCH=first["ETag"], HTTP_ACCEPT_ENCODING="gzip"
    )
    by_date = client.get(_page(published), HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    other_etag = client.get(_page(published), HTTP_IF_NONE_MATCH='"something-else"')

    assert (by_etag.status_code, by_date.status_code, other_etag.status_code) == (304, 304, 200)
    assert by_etag["ETag"] == first["ETag"]
    assert by_etag.content == b""


def test_a_new_version_replaces_the_live_page_and_takes_the_old_pdf_off(
    client, published, publish, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publication_render_pdf(publication=Publication.objects.get())
    old_pdf = client.get(f"/schools/{published.slug}/privacy-notice.pdf")
    assert old_pdf[SERVED_FROM_HEADER] == "mirror"
    assert _body(old_pdf).startswith(b"%PDF-")
    assert re.search(r"Download PDF \(\d+ pages?, ", _body(client.get(_page(published))).decode())

    published.phone = "020 7946 0123"
    published.save()
    publish()

    page = _body(client.get(_page(published))).decode()
    assert "020 7946 0123" in page
    assert store.read(f"/schools/{published.slug}/privacy-notice.pdf") is None
    assert store.read(f"/schools/{published.slug}/notices/pupils/versions/1.pdf") is not None
    versions = _body(client.get(f"/schools/{published.slug}/notices/pupils/versions/")).decode()
    assert "Version 2" in versions


def test_a_mirrored_pdf_has_the_apps_headers_and_download_name(
    client, rf, published, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        publication_render_pdf(publication=Publication.objects.get())
    path = f"/schools/{published.slug}/privacy-notice.pdf"
    dynamic = site_views.notice_pdf(rf.get(path), published.slug)

    mirrored = client.get(path)

    assert mirrored[SERVED_FROM_HEADER] == "mirror"
    assert _body(mirrored) == _body(dynamic)
    for header in ("Content-Type", "Content-Disposition", "ETag", "Last-Modified"):
        assert mirrored[header] == dynamic[header], header
    assert f'filename="{published.slug}-privacy-notice-v1.pdf"' in mirrored["Content-Disposition"]


def test_files_a_run_replaces_are_freed_once_its_pages_are_live(published, publish, monkeypatch):
    trash = store.root() / store.TRASH
    seen_in_trash = []
    empty = store.empty_trash

    def counting_empty() -> int:
        seen_in_trash.append(len(list(trash.iterdir())) if trash.is_dir() else 0)
        return empty()

    monkeypatch.setattr(store, "empty_trash", counting_empty)
    published.phone = "020 7946 0456"
    published.save()

    publish()

    # The old live page and its twin (one file at both of its addresses); the old versions page
    # and its twin, taken off until the run has written every live page.
    assert seen_in_trash == [4]
    assert list(trash.iterdir()) == []
    assert "020 7946 0456" in store.read(_page(published)).path.read_text()


def test_the_command_renders_stored_pages_again_with_new_templates(
    client, published, settings, tmp_path, capsys
):
    stale = store.root() / "schools" / "closed-school" / "privacy-notice" / "index.html"
    stale.parent.mkdir(parents=True)
    stale.write_text("gone")
    templates = tmp_path / "templates"
    (templates / "notices").mkdir(parents=True)
    (templates / "notices" / "versions.html").write_text("New chrome: {{ school.name }}")
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [templates, *settings.TEMPLATES[0]["DIRS"]]}
    ]

    call_command("mirror_public_pages")

    out = capsys.readouterr().out
    # Four pages (two addresses of the live one, version 1's, the versions page), each twice:
    # itself and its gzip twin.
    assert out.strip() == DONE.format(notices=1, files=8, removed=1, root=store.root())
    versions = client.get(f"/schools/{published.slug}/notices/pupils/versions/")
    assert _body(versions).decode() == f"New chrome: {published.name}"
    assert versions[SERVED_FROM_HEADER] == "mirror"
    assert not stale.exists()


def test_an_address_outside_the_mirrored_ones_is_never_read_from_disk(published):
    for path in [
        f"/schools/{published.slug}/privacy-notice/../../../etc/passwd",
        f"/schools/{published.slug}/",
        "/schools/../notices/pupils/",
        f"/schools/{published.slug}/privacy-notice/index.html",
    ]:
        assert store.file_for(path) is None, path


def test_a_view_that_cannot_reach_the_database_answers_a_plain_503(client, db, monkeypatch):
    def database_down(**kwargs):  # type: ignore[no-untyped-def]
        raise OperationalError("connection refused")

    monkeypatch.setattr(site_views, "publication_for_page", database_down)

    response = client.get("/schools/somewhere/privacy-notice/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    body = response.content.decode()
    assert UNAVAILABLE_TEXT in body
    assert "Traceback" not in body and "OperationalError" not in body


@override_settings(PDF_ON_DEMAND_WAIT_SECONDS=0.3)
def test_a_pdf_asked_for_while_this_process_renders_another_is_queued(client, published):
    from django_tasks_db.models import DBTaskResult

    from notices.publishing import ondemand

    assert ondemand._render_slot.acquire(blocking=False)  # another request is rendering
    try:
        response = client.get(f"/schools/{published.slug}/privacy-notice.pdf")
    finally:
        ondemand._render_slot.release()

    assert response.status_code == 503
    assert response["Retry-After"] == str(site_views.PDF_NOT_READY_RETRY_SECONDS)
    assert "being prepared" in response.content.decode()
    queued = DBTaskResult.objects.filter(task_path__endswith="render_publication_pdf")
    assert [task.args_kwargs["args"] for task in queued] == [[Publication.objects.get().pk]]
    assert not Publication.objects.get().has_pdf


def test_a_head_request_gets_the_headers_and_no_body(client, published):
    full = client.get(_page(published))

    head = client.head(_page(published))

    assert head.status_code == 200
    assert head["Content-Length"] == str(len(_body(full)))
    assert head["ETag"] == full["ETag"]
    assert _body(head) == b""


def test_a_pdf_asked_for_again_is_queued_once_a_minute(published, monkeypatch):
    from django_tasks_db.models import DBTaskResult

    from notices.publishing import ondemand

    now = [1000.0]
    monkeypatch.setattr(ondemand.time, "monotonic", lambda: now[0])
    publication = Publication.objects.get()

    ondemand._queue(publication.pk)
    now[0] += 30
    ondemand._queue(publication.pk)
    pdf_tasks = DBTaskResult.objects.filter(task_path__endswith="render_publication_pdf")
    assert pdf_tasks.count() == 1
    now[0] += ondemand.REQUEUE_AFTER_SECONDS  # the first task may have been lost with its worker
    ondemand._queue(publication.pk)
    assert pdf_tasks.count() == 2


def test_a_notice_published_alone_is_live_at_once_and_its_versions_page_comes_from_the_app(
    client, published, django_capture_on_commit_callbacks
):
    from notices.models import SchoolNotice
    from notices.publishing.services import notice_publish

    published.phone = "020 7946 0999"
    published.save()
    with django_capture_on_commit_callbacks(execute=True):
        notice_publish(school_notice=SchoolNotice.objects.get())

    live = client.get(_page(published))
    versions = client.get(f"/schools/{published.slug}/notices/pupils/versions/")
    assert live[SERVED_FROM_HEADER] == "mirror"
    assert "020 7946 0999" in _body(live).decode()
    assert not versions.has_header(SERVED_FROM_HEADER)  # not the stale copy listing one version
    assert "Version 2" in _body(versions).decode()


def test_a_page_served_at_two_addresses_is_written_once_and_linked(published):
    short = store.file_for(f"/schools/{published.slug}/privacy-notice/")
    full = store.file_for(f"/schools/{published.slug}/notices/pupils/")

    for suffix in ("", ".gz"):
        assert short.with_name(short.name + suffix).samefile(full.with_name(full.name + suffix))
    assert store.read(f"/schools/{published.slug}/privacy-notice/").etag == (
        store.read(f"/schools/{published.slug}/notices/pupils/").etag
    )


def test_headers_read_once_are_read_again_when_the_file_is_replaced(published):
    from django.utils import timezone

    from notices.site.pages import HTML, StoredPage

    path = f"/schools/{published.slug}/notices/pupils/"
    first = store.read(path)
    assert store.read(path) is first  # the second read comes from memory

    store.write(StoredPage(path, b"<p>A new page</p>", HTML, timezone.now()))

    again = store.read(path)
    assert again.etag != first.etag
    assert again.etag == StoredPage(path, b"<p>A new page</p>", HTML, timezone.now()).etag


@override_settings(PDF_ON_DEMAND_WAIT_SECONDS=0.3)
def test_a_summary_pdf_asked_for_while_this_process_renders_another_is_queued_not_made(
    client, published
):
    from django_tasks_db.models import DBTaskResult

    from notices.publishing import ondemand

    assert ondemand._render_slot.acquire(blocking=False)  # another request is rendering
    try:
        response = client.get(f"/schools/{published.slug}/privacy-notice/summary.pdf")
    finally:
        ondemand._render_slot.release()

    assert response.status_code == 503
    assert f'href="/schools/{published.slug}/privacy-notice/"' in response.content.decode()
    assert DBTaskResult.objects.filter(task_path__endswith="render_publication_pdf").count() == 1
    assert not Publication.objects.get().summary_pdf
