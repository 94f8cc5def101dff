"""A county's pages published by several processes at once: every notice once, each live page
written by the process that published it, the results back in the caller's report."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from django.db import connection

from mirror import store
from notices.models import Publication
from notices.publishing.batch import PAGES_CHUNK, notices_publish, select_school_notices
from notices.publishing.signals import publication_published
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolFactory,
    SchoolNoticeFactory,
)

SCHOOLS = PAGES_CHUNK * 2 + 3


@pytest.fixture
def county(transactional_db) -> list[str]:
    notice_type = NoticeTypeFactory(slug="pupils", is_primary=True)
    clause = ClauseFactory(heading="Who we are")
    ClauseVersionFactory(
        clause=clause, published=True, body="We are {{ school.name }}. Call {{ school.phone }}."
    )
    NoticeTypeClauseFactory(notice_type=notice_type, clause=clause)
    slugs = []
    for number in range(SCHOOLS):
        school = SchoolFactory(phone=f"01632 96{number:04d}")
        SchoolNoticeFactory(school=school, notice_type=notice_type)
        slugs.append(school.slug)
    return slugs


def test_two_processes_publish_every_notice_once(county, tmp_path):
    publishers = tmp_path / "publishers"

    def note_the_process(sender: type, **kwargs: object) -> None:
        with Path(publishers).open("a") as out:
            out.write(f"{os.getpid()}\n")

    publication_published.connect(note_the_process, dispatch_uid="test-publishers")
    try:
        report = notices_publish(school_notices=select_school_notices(), jobs=2)
    finally:
        publication_published.disconnect(dispatch_uid="test-publishers")

    assert len(report.published) == SCHOOLS and not report.failed
    assert report.pages_live_at is not None
    assert Publication.objects.count() == SCHOOLS
    assert sorted(r.school_notice.school.slug for r in report.published) == sorted(county)
    for result in report.published:
        page = store.read(f"/schools/{result.school_notice.school.slug}/privacy-notice/")
        assert page is not None
        assert result.school_notice.school.phone.encode() in page.path.read_bytes()
        assert result.school_notice.school.name in result.publication.html
    processes = set(publishers.read_text().split())
    if connection.vendor == "sqlite" and connection.is_in_memory_db():
        # The test database lives in this process's memory: no other process could share it.
        assert processes == {str(os.getpid())}
    else:
        assert len(processes) == 2 and str(os.getpid()) not in processes
        # Sent back without their HTML, read again when asked for (as above).
        assert all(r.publication.pk for r in report.published)


def test_the_pages_left_for_after_are_written_once_every_page_is_live(county):
    notices_publish(school_notices=select_school_notices(), jobs=2)

    for slug in county:
        assert store.read(f"/schools/{slug}/notices/pupils/versions/") is not None
        assert store.read(f"/schools/{slug}/notices/pupils/versions/1/") is not None


def test_inside_a_transaction_the_notices_are_published_in_this_process(county):
    from django.db import transaction

    processes = set()

    def note_the_process(sender: type, **kwargs: object) -> None:
        processes.add(os.getpid())

    publication_published.connect(note_the_process, dispatch_uid="test-in-transaction")
    try:
        with transaction.atomic():
            report = notices_publish(school_notices=select_school_notices(), jobs=2)
    finally:
        publication_published.disconnect(dispatch_uid="test-in-transaction")

    assert len(report.published) == SCHOOLS
    assert processes == {os.getpid()}  # forked processes could not have seen the rows


@pytest.mark.parametrize("count, jobs", [(550, 2), (550, 1), (101, 2), (100, 2), (49, 3), (7, 2)])
def test_the_notices_are_shared_out_evenly_in_chunks_the_processes_finish_together(count, jobs):
    from notices.publishing.batch import _chunks

    chunks = _chunks(list(range(count)), jobs)

    assert [item for chunk in chunks for item in chunk] == list(range(count))
    assert max(len(chunk) for chunk in chunks) <= PAGES_CHUNK
    assert max(len(chunk) for chunk in chunks) - min(len(chunk) for chunk in chunks) <= 1
    if count >= jobs:
        assert len(chunks) % jobs == 0


def test_notices_given_as_any_iterable_are_all_published(county):
    few = list(select_school_notices()[:3])

    report = notices_publish(school_notices=iter(few), jobs=2)

    assert sorted(result.school_notice.pk for result in report.published) == sorted(
        school_notice.pk for school_notice in few
    )
