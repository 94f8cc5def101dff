"""The public notice page and PDF: stored content, two queries, conditional GETs, helpful 404s."""

from __future__ import annotations

import logging
import re

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.template.loader import render_to_string

from notices import frames
from notices.models import Publication
from notices.publishing import rendering
from notices.publishing.batch import notices_publish, select_school_notices
from notices.publishing.inputs import InputsBuilder
from notices.publishing.rendering import render_notice_html
from notices.site import pages
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
)

pytestmark = pytest.mark.django_db

HEADINGS = ["Who we are", "Your rights", "How to complain"]


@pytest.fixture
def published(school_a):
    notice_type = NoticeTypeFactory(slug="pupils", title="How we use pupil data", is_primary=True)
    for position, heading in enumerate(HEADINGS):
        clause = ClauseFactory(heading=heading)
        ClauseVersionFactory(clause=clause, published=True, body="{{ school.name }} " * 40)
        NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=position)
    SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    return school_a


def test_the_notice_page_is_the_stored_notice(client, published):
    response = client.get(f"/schools/{published.slug}/privacy-notice/")

    body = response.content.decode()
    publication = Publication.objects.get()
    assert response.status_code == 200
    assert publication.html in body
    assert '<html lang="en-GB">' in body
    assert len(re.findall(r"<h1\b", body)) == 1
    for clause_key in publication.school_notice.notice_type.items.values_list(
        "clause__key", flat=True
    ):
        assert f'href="#{clause_key}"' in body
        assert f'id="{clause_key}"' in body
    assert "Download PDF" in body
    assert "Previous versions and what changed" in body


def test_every_notice_type_has_its_own_address(client, published):
    response = client.get(f"/schools/{published.slug}/notices/pupils/")

    assert response.status_code == 200
    assert "How we use pupil data" in response.content.decode()


def test_the_notice_page_uses_at_most_two_queries(client, published, django_assert_max_num_queries):
    with django_assert_max_num_queries(2):
        client.get(f"/schools/{published.slug}/privacy-notice/")


def test_the_notice_page_answers_conditional_gets(client, published):
    first = client.get(f"/schools/{published.slug}/privacy-notice/")

    by_etag = client.get(
        f"/schools/{published.slug}/privacy-notice/", HTTP_IF_NONE_MATCH=first["ETag"]
    )
    by_date = client.get(
        f"/schools/{published.slug}/privacy-notice/",
        HTTP_IF_MODIFIED_SINCE=first["Last-Modified"],
    )

    assert (by_etag.status_code, by_date.status_code) == (304, 304)
    assert "public" in first["Cache-Control"]
    assert "max-age" in first["Cache-Control"]
    assert first.cookies == {}


def test_an_unknown_school_is_a_helpful_404(client, db):
    response = client.get("/schools/no-such-school/privacy-notice/")

    assert response.status_code == 404
    assert "There is no school at this address" in response.content.decode()


def test_a_school_without_a_publication_is_a_404_naming_it(client, school_b):
    response = client.get(f"/schools/{school_b.slug}/privacy-notice/")

    assert response.status_code == 404
    assert f"{school_b.name} has not published this notice" in response.content.decode()


def test_the_pdf_is_rendered_on_demand_once_then_served_from_storage(client, published):
    first = client.get(f"/schools/{published.slug}/privacy-notice.pdf")
    stored = Publication.objects.get()
    second = client.get(f"/schools/{published.slug}/privacy-notice.pdf")

    assert first.status_code == 200
    assert first["Content-Type"] == "application/pdf"
    assert f'filename="{published.slug}-privacy-notice-v1.pdf"' in first["Content-Disposition"]
    assert first.content.startswith(b"%PDF-")
    assert stored.has_pdf and stored.pdf_pages > 1
    assert second.content == stored.pdf.open("rb").read()
    assert Publication.objects.get().pdf_rendered_at == stored.pdf_rendered_at


def test_the_page_shows_the_pdf_size_once_rendered(client, published):
    client.get(f"/schools/{published.slug}/privacy-notice.pdf")

    response = client.get(f"/schools/{published.slug}/privacy-notice/")

    publication = Publication.objects.get()
    assert re.search(
        rf"Download PDF \({publication.pdf_pages} pages, [\d.]+\xa0KB\)",
        response.content.decode(),
    )


def test_the_command_publishes_pages_and_pdfs(published, capsys):
    published.phone = "020 7946 0777"
    published.save()

    call_command("publish_notices", "--all")

    out = capsys.readouterr().out
    publication = Publication.objects.order_by("-number").first()
    assert "Published 1, unchanged 0, failed 0; PDFs rendered 1, PDFs failed 0." in out
    assert (publication.number, publication.has_pdf) == (2, True)


def test_the_command_reports_a_failure_and_exits_1(published, capsys):
    contact = ClauseFactory(heading="Contact")
    ClauseVersionFactory(clause=contact, published=True, body="Write to {{ school.email }}.")
    NoticeTypeClauseFactory(notice_type=published.notices.get().notice_type, clause=contact)
    published.email = ""
    published.save()

    with pytest.raises(SystemExit) as exit_:
        call_command("publish_notices", "--all", "--no-pdf")

    assert exit_.value.code == 1
    assert "has no school email address" in capsys.readouterr().err
    assert Publication.objects.count() == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [((), "Say what to publish"), (("--school", "nowhere"), "No open school with a notice")],
)
def test_the_command_refuses_unclear_requests(db, args, message):
    with pytest.raises(CommandError, match=message):
        call_command("publish_notices", *args)


def _rendered_directly(template_name, *, fixed, slots):  # type: ignore[no-untyped-def]
    return render_to_string(template_name, frames._context(fixed, slots))


def test_the_page_and_the_notice_made_from_frames_are_the_templates_own_bytes(
    published, monkeypatch, caplog
):
    publication = Publication.objects.select_related(
        "school_notice__school", "school_notice__notice_type"
    ).get()
    inputs = InputsBuilder().build(publication.school_notice)
    with_pdf = Publication.objects.select_related(
        "school_notice__school", "school_notice__notice_type"
    ).get()
    with_pdf.pdf, with_pdf.pdf_pages, with_pdf.pdf_size, with_pdf.summary_pdf_pages = (
        "x.pdf",
        3,
        123_456,
        1,
    )

    def made() -> list[str]:
        return [
            pages.notice_page_html(publication, publication),
            pages.notice_page_html(publication, publication, is_archived=True),
            pages.notice_page_html(with_pdf, with_pdf),
            render_notice_html(
                inputs=inputs, number=publication.number, published_at=publication.published_at
            ),
        ]

    with caplog.at_level(logging.WARNING, logger="notices.frames"):
        framed = made()
    monkeypatch.setattr(pages, "render_framed", _rendered_directly)
    monkeypatch.setattr(rendering, "render_framed", _rendered_directly)

    assert framed == made()
    assert framed[3] == publication.html
    assert "(3 pages, 120.6\xa0KB)" in framed[2]
    assert "without a frame" not in caplog.text
