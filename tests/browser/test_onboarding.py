"""A DPO compares a school's Word notice with the library, and gives schools a notice type."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group
from playwright.sync_api import Page, expect

from clauses.models import Clause, ClauseVersion
from notices.models import NoticeType, NoticeTypeClause, SchoolNotice
from onboarding.reader import errors as reader_errors
from tests.browser.admin_pages import assert_no_axe_violations, sign_in_dpo
from tests.factories import (
    SchoolFactory,
    UserFactory,
    authenticator_for,
)
from tests.onboarding.documents import notice_docx

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@pytest.fixture
def library(staff_groups):
    notice_type = NoticeType.objects.create(
        slug="pupils", title="How we use pupil information", audience="Parents", is_primary=True
    )
    clause = Clause.objects.create(key="who-we-are", heading="Who we are")
    ClauseVersion.objects.create(
        clause=clause, body="We are {{ school.name }}.", status="published"
    )
    NoticeTypeClause.objects.create(notice_type=notice_type, clause=clause, position=0)
    school = SchoolFactory(name="Hollybrook Primary School")
    SchoolNotice.objects.create(school=school, notice_type=notice_type)
    SchoolFactory(name="Wexbury School")
    dpo = UserFactory(username="dpo", is_staff=True, groups=[Group.objects.get(name="DPO staff")])
    authenticator_for(dpo)
    return notice_type


def _upload(page: Page, name: str, mime: str, data: bytes) -> None:
    page.get_by_label("School and notice").select_option(
        label="Hollybrook Primary School: How we use pupil information"
    )
    page.get_by_label("The school's existing notice").set_input_files(
        {"name": name, "mimeType": mime, "buffer": data}
    )
    page.get_by_role("button", name="Compare").click()


def test_a_dpo_compares_a_word_notice_and_sees_what_was_left_out(page: Page, live_server, library):
    sign_in_dpo(page, live_server.url)
    page.goto(f"{live_server.url}/admin/adopt/")

    _upload(
        page, "old.doc", "application/msword", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600
    )

    expect(page.get_by_text(reader_errors.WORD_97.format(name="old.doc"))).to_be_visible()
    assert_no_axe_violations(page)

    _upload(page, "notice.docx", DOCX, notice_docx())

    expect(page.get_by_role("heading", name="Drift report")).to_be_visible()
    expect(page.get_by_role("heading", name="Not imported (2)")).to_be_visible()
    expect(page.get_by_text("Reviewed every year by the governors")).to_be_visible()
    assert_no_axe_violations(page)


def test_a_dpo_gives_every_school_a_notice_type(page: Page, live_server, library):
    sign_in_dpo(page, live_server.url)
    page.goto(f"{live_server.url}/admin/notices/noticetype/")
    page.get_by_role("checkbox", name="Select this object for an action").first.check()
    page.get_by_label("Action:").select_option(
        label="Give every open school the selected notice types"
    )
    page.get_by_role("button", name="Go").click()

    expect(page.get_by_role("heading", name="Give schools these notice types")).to_be_visible()
    assert_no_axe_violations(page)
    page.get_by_role("button", name="Give the schools these notices").click()

    expect(page.get_by_text("1 schools given the notice, 1 already had it")).to_be_visible()
    assert library.school_notices.count() == 2


def test_the_gias_preview_lists_a_short_row(page: Page, live_server, library, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    header = '"URN","LA (code)","LA (name)","EstablishmentName","EstablishmentStatus (name)"'
    content = f'{header}\r\n"990101","990","Wexbury","Brook School","Open"\r\n"990102","990"\r\n'
    sign_in_dpo(page, live_server.url)
    page.goto(f"{live_server.url}/admin/schools/school/import-gias/")
    page.get_by_label("GIAS establishment export (CSV)").set_input_files(
        {"name": "gias.csv", "mimeType": "text/csv", "buffer": content.encode()}
    )
    page.get_by_role("button", name="Preview the import").click()

    expect(page.get_by_text("Line 3: expected 5 columns, found 2")).to_be_visible()
    assert_no_axe_violations(page)
