"""Limits on rendering: a pathological notice fails with a reason, alone, and quickly.

Each PDF is made in a child process stopped after PDF_RENDER_TIMEOUT_SECONDS or above
PDF_RENDER_MEMORY_MB; a notice page over PUBLICATION_HTML_MAX_CHARS is not published; a clause
body over BODY_MAX_LENGTH is refused with a form error.
"""

from __future__ import annotations

import ctypes
import os
import time

import pytest
from django.utils import timezone

from clauses.markup import BODY_MAX_LENGTH, BODY_TOO_LONG, validate_body
from notices.publishing.batch import notices_publish, select_school_notices
from notices.publishing.limits import (
    RENDER_OUT_OF_MEMORY,
    RENDER_TIMED_OUT,
    RenderRefused,
    private_memory_bytes,
    render_pdf_limited,
)
from notices.publishing.pdf import Cover
from notices.publishing.runs import publish_run_start
from notices.publishing.services import NOTICE_TOO_LONG
from tests.factories import (
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolFactory,
    SchoolNoticeFactory,
    SharingPartnerFactory,
)

TEN_MB_CLAUSE = "<p>" + "word " * 2_000_000 + "</p>"
NESTED_LISTS = "<ul><li>item " * 100_000 + "</ul>" * 100_000
BIG_TABLE = "<table>" + "<tr><td>a</td><td>b</td></tr>" * 100_000 + "</table>"
COVER = Cover(
    school_name="Ashdown Primary School",
    title="How we use pupil information",
    audience="Parents",
    number=1,
    published_at=timezone.now(),
    url="https://notices.example.org/schools/ashdown/privacy-notice/",
)


@pytest.fixture
def tight_limits(settings) -> None:
    settings.PDF_RENDER_TIMEOUT_SECONDS = 4
    settings.PDF_RENDER_MEMORY_MB = 400


def test_pathological_notices_are_stopped_by_a_limit_with_a_reason(tight_limits, capsys):
    cases = {
        "10 MB clause": TEN_MB_CLAUSE,
        "100,000 nested list items": NESTED_LISTS,
        "100,000-row table": BIG_TABLE,
    }
    lines = []
    for name, html in cases.items():
        started = time.monotonic()
        with pytest.raises(RenderRefused) as refused:
            render_pdf_limited(notice_html=html, cover=COVER)
        seconds = time.monotonic() - started
        reason = str(refused.value)
        lines.append(f"  {name}: stopped after {seconds:.1f} s: {reason[:70]}…")
        assert seconds < 4 + 10, f"{name} held the renderer for {seconds:.0f} s"
        assert reason.startswith(
            (
                RENDER_TIMED_OUT.format(seconds=4)[:30],
                RENDER_OUT_OF_MEMORY.format(megabytes=400)[:30],
                "The PDF could not be made",
            )
        )
    # An ordinary notice still renders, in the same way.
    started = time.monotonic()
    rendered = render_pdf_limited(notice_html="<h2>Who we are</h2><p>A school.</p>", cover=COVER)
    lines.append(f"  ordinary notice: {rendered.pages} pages in {time.monotonic() - started:.1f} s")
    with capsys.disabled():
        print("\nrender limits (4 s, 400 MB):\n" + "\n".join(lines))
    assert rendered.content.startswith(b"%PDF")


def test_a_render_over_the_memory_cap_is_stopped(settings):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 120
    settings.PDF_RENDER_MEMORY_MB = 60

    with pytest.raises(RenderRefused) as refused:
        render_pdf_limited(notice_html=TEN_MB_CLAUSE, cover=COVER)

    assert str(refused.value) == RENDER_OUT_OF_MEMORY.format(megabytes=60)


def test_the_memory_cap_holds_when_the_parent_has_freed_heap_to_reuse(settings):
    """A long-lived worker has freed heap the forked child can reuse without mapping anything
    new, which an address-space limit alone never sees: 300 MB of it here."""
    settings.PDF_RENDER_TIMEOUT_SECONDS = 60
    settings.PDF_RENDER_MEMORY_MB = 60
    libc = ctypes.CDLL(None)
    libc.malloc.restype = ctypes.c_void_p
    libc.free.argtypes = [ctypes.c_void_p]
    # Blocks under malloc's mmap threshold come from the heap; the last one kept stops the
    # heap from shrinking when the others are freed.
    blocks = [libc.malloc(100_000) for _ in range(3_000)]
    for block in blocks:
        ctypes.memset(block, 1, 100_000)
    for block in blocks[:-1]:
        libc.free(block)
    started = time.monotonic()
    try:
        with pytest.raises(RenderRefused) as refused:
            render_pdf_limited(notice_html=TEN_MB_CLAUSE, cover=COVER)
    finally:
        libc.free(blocks[-1])

    assert str(refused.value) == RENDER_OUT_OF_MEMORY.format(megabytes=60)
    assert time.monotonic() - started < 30


def test_private_memory_is_read_for_a_live_process_and_zero_once_gone():
    assert private_memory_bytes(os.getpid()) > 1024 * 1024
    assert private_memory_bytes(2**22 + 7) == 0


def test_a_clause_body_has_a_size_limit_with_a_clear_message():
    body = "All about us. " * (BODY_MAX_LENGTH // 10)

    assert validate_body(body) == [BODY_TOO_LONG.format(length=len(body), limit=BODY_MAX_LENGTH)]
    assert validate_body("All about us.") == []


@pytest.mark.django_db
def test_the_admin_form_refuses_an_over_long_clause_body(dpo_client, admin_post_data):
    version = ClauseVersionFactory()
    url = f"/admin/clauses/clauseversion/{version.pk}/change/"
    data = admin_post_data(dpo_client.get(url))
    data["body"] = "x" * (BODY_MAX_LENGTH + 1)

    response = dpo_client.post(url, data)

    assert response.status_code == 200
    assert BODY_TOO_LONG.format(length=BODY_MAX_LENGTH + 1, limit=BODY_MAX_LENGTH) in (
        response.content.decode()
    )
    version.refresh_from_db()
    assert len(version.body) < BODY_MAX_LENGTH


def _county():  # type: ignore[no-untyped-def]
    notice_type = NoticeTypeFactory(slug="pupils", is_primary=True)
    ordinary = ClauseVersionFactory(published=True, body="We are {{ school.name }}.")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=ordinary.clause)
    extra = ClauseVersionFactory(published=True, body="We keep records for six years.")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=extra.clause)
    schools = [SchoolFactory(name="Ashdown Primary"), SchoolFactory(name="Birchwood Academy")]
    for school in schools:
        SchoolNoticeFactory(school=school, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    return schools, extra


@pytest.mark.django_db
def test_an_over_long_notice_is_not_published_and_the_live_one_stays(settings):
    settings.PUBLICATION_HTML_MAX_CHARS = 2_000_000
    (ashdown, _), _ = _county()
    # A 10 MB clause that reached the database without the form (an import, an old row).
    huge = ClauseVersionFactory(published=True, body="word " * 2_000_000)
    NoticeTypeClauseFactory(notice_type=ashdown.notices.get().notice_type, clause=huge.clause)

    report = notices_publish(school_notices=select_school_notices())

    assert len(report.failed) == 2
    reason = report.failed[0].errors[0]
    assert reason.startswith(NOTICE_TOO_LONG.split("{")[0])
    school_notice = ashdown.notices.get()
    assert school_notice.live_publication().number == 1
    assert "2,000,000" in school_notice.last_error


@pytest.mark.django_db
def test_the_worker_records_a_stopped_pdf_and_goes_on_with_the_next(
    settings, run_worker, django_capture_on_commit_callbacks
):
    settings.PDF_RENDER_TIMEOUT_SECONDS = 4
    settings.PUBLICATION_HTML_MAX_CHARS = 50_000_000
    (ashdown, birchwood), _ = _county()
    sharing = ClauseVersionFactory(published=True, body="We share with:\n\n{{ partners }}")
    NoticeTypeClauseFactory(notice_type=ashdown.notices.get().notice_type, clause=sharing.clause)
    # Ashdown alone has a partner whose purpose is 10 MB long (written outside the forms): its
    # page publishes, its PDF cannot be made in time.
    SharingPartnerFactory(school=ashdown, purpose="word " * 2_000_000)
    SharingPartnerFactory(school=birchwood, purpose="To run the school's meals service.")

    with django_capture_on_commit_callbacks(execute=True):
        run = publish_run_start(
            school_notices=[ashdown.notices.get(), birchwood.notices.get()], reason="Test"
        )
    started = time.monotonic()
    run_worker()
    seconds = time.monotonic() - started

    run.refresh_from_db()
    assert run.published == 2, [e["error"] for e in run.errors]
    assert run.pdfs_failed == 1
    assert [error["error"] for error in run.errors] == [RENDER_TIMED_OUT.format(seconds=4)]
    assert birchwood.notices.get().live_publication().has_pdf, "the worker went on"
    assert not ashdown.notices.get().live_publication().has_pdf
    assert run.finished_at is not None
    assert seconds < 60
