"""The renderer: safe HTML, a correct tagged PDF, a fetch guard, idempotent atomic publishing."""

from __future__ import annotations

import io
import re
import socketserver
import threading

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from clauses.markup import compile_body
from notices.models import Publication
from notices.publishing import services
from notices.publishing.pdf import Cover, StaticOnlyFetcher, render_pdf
from notices.publishing.rendering import clause_html, sanitise
from notices.publishing.services import notice_publish, publication_render_pdf
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
    SharingPartnerFactory,
)

pytestmark = pytest.mark.django_db

BODIES = {
    "Who we are": "We are {{ school.name }}. "
    "Email [{{ school.email }}](mailto:{{ school.email }}).",
    "Who we share with": "We share with:\n\n{{ partners }}",
    "Your rights": "You have rights.\n\n- to see your information\n- to correct it\n\n"
    + "More detail about each right. " * 60,
    "How to complain": "Contact {{ dpo.name }} at {{ dpo.email }} or the "
    "[ICO](https://ico.org.uk/make-a-complaint/).",
}

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe src=https://evil.example></iframe>",
    '" onmouseover="alert(1)',
    "[x](javascript:alert(1))",
    "<javascript:alert(1)>",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    '<a href="javascript:alert(1)">x</a>',
    '<p style="background:url(https://evil.example/x)">x</p>',
    "<form action=https://evil.example><input name=q></form>",
    "<object data=https://evil.example/x.swf></object>",
    "[x](vbscript:msgbox(1))",
]


@pytest.fixture
def school_notice(school_a):
    notice_type = NoticeTypeFactory(is_primary=True, slug="pupils", title="How we use pupil data")
    for position, (heading, body) in enumerate(BODIES.items()):
        clause = ClauseFactory(heading=heading)
        ClauseVersionFactory(clause=clause, published=True, body=body)
        NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=position)
    SharingPartnerFactory(name="Department for Education")
    return SchoolNoticeFactory(school=school_a, notice_type=notice_type)


def _unsafe(html: str) -> list[str]:
    return (
        re.findall(r"<(script|iframe|svg|object|form|img|style)\b", html)
        + re.findall(r"<[^>]*\son\w+\s*=", html)
        + re.findall(r"<[^>]*(?:href|src)=\"\s*(?:javascript|data|vbscript):", html, re.I)
        + re.findall(r"<[^>]*\sstyle=", html)
    )


@pytest.mark.parametrize("payload", XSS)
def test_sanitising_removes_every_payload(payload):
    assert _unsafe(sanitise(f"<p>{payload}</p>")) == []


@pytest.mark.parametrize("payload", XSS)
def test_a_published_notice_carries_no_payload_from_clauses_or_facts(school_notice, payload):
    clause = ClauseFactory(heading="Injected")
    # Saved without validation, as if it had slipped past: the renderer must be safe anyway.
    ClauseVersionFactory(clause=clause, published=True, body=f"Text {payload} end")
    NoticeTypeClauseFactory(notice_type=school_notice.notice_type, clause=clause, position=99)
    school = school_notice.school
    school.headteacher = payload
    school.save()

    result = notice_publish(school_notice=school_notice)

    assert result.status == "published"
    assert _unsafe(result.publication.html) == []
    for href in re.findall(r'<a href="https[^"]*"[^>]*>', result.publication.html):
        assert 'rel="noopener noreferrer"' in href


def test_values_are_escaped_where_they_are_substituted(school_notice):
    school = school_notice.school
    school.name = 'Saint <b>Bea</b> & "Co"'
    school.save()

    html = notice_publish(school_notice=school_notice).publication.html

    assert 'We are Saint &lt;b&gt;Bea&lt;/b&gt; &amp; "Co".' in html
    assert "<b>Bea</b>" not in html


def test_a_link_made_from_a_fact_is_checked_with_the_schools_value_in_it(school_notice):
    clause = ClauseFactory(heading="Our website")
    ClauseVersionFactory(
        clause=clause, published=True, body="See [our site]({{ school.website }})."
    )
    NoticeTypeClauseFactory(notice_type=school_notice.notice_type, clause=clause, position=99)
    school = school_notice.school
    school.website = "javascript:alert(1)"  # saved without validation, as if it had slipped past
    school.save()

    html = notice_publish(school_notice=school_notice).publication.html

    assert "See <a" in html
    assert _unsafe(html) == []


@pytest.mark.parametrize(
    "body",
    [
        "We are {{ school.name }}, headteacher *{{ school.headteacher }}*.",
        "### {{ school.name }}\n\n- {{ school.address }}\n- `{{ school.urn }}`",
        "Write to [{{ dpo.name }}](mailto:{{ dpo.email }}) or [us]({{ school.website }}).",
        "We share with:\n\n{{ partners }}\n\nAsk {{ school.name }}.",
    ],
)
def test_a_clause_sanitised_once_for_every_school_reads_as_each_schools_copy_sanitised(body):
    facts = {
        "school.name": 'St Mary\'s & <b>All</b> "Saints"\u00a0School',
        "school.headteacher": "Ms O'Brien <script>alert(1)</script>",
        "school.address": "1 Church Lane > Old Town",
        "school.urn": "<100001>",
        "school.website": "https://st-marys.example/?a=1&b=2",
        "dpo.name": "The DPO & Co",
        "dpo.email": 'dpo"@example.org',
    }
    blocks = {"partners": lambda: sanitise('<ul class="partners"><li>DfE & <i>LA</i></li></ul>')}

    each_copy = sanitise(compile_body(body).render(facts, blocks))

    assert clause_html(body, facts, blocks) == each_copy
    assert "<script>" not in each_copy


def test_the_pdf_is_tagged_titled_and_holds_every_heading(school_notice):
    publication = notice_publish(school_notice=school_notice).publication

    publication = publication_render_pdf(publication=publication)

    reader = pypdf.PdfReader(io.BytesIO(publication.pdf.read()))
    text = " ".join(page.extract_text() for page in reader.pages)
    root = reader.trailer["/Root"]
    assert publication.pdf_pages == len(reader.pages) > 1
    assert publication.pdf_size == publication.pdf.size
    assert school_notice.school.name in text
    for heading in BODIES:
        assert heading in text
    assert bool(root["/MarkInfo"]["/Marked"]) is True
    assert "/StructTreeRoot" in root
    assert root["/Lang"] == "en-GB"
    assert school_notice.school.name in reader.metadata.title
    assert {item.title for item in reader.outline} >= set(BODIES)
    cover = reader.pages[0].extract_text()
    assert "Version" in cover and "Published" in cover
    assert f"/schools/{school_notice.school.slug}/privacy-notice/" in cover


class _Recorder(socketserver.BaseRequestHandler):
    connections: list[str] = []

    def handle(self) -> None:
        self.connections.append(self.client_address[0])


def test_the_pdf_renderer_fetches_nothing_but_static_files(tmp_path):
    server = socketserver.TCPServer(("127.0.0.1", 0), _Recorder)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    port = server.server_address[1]
    secret = tmp_path / "secret.png"
    secret.write_bytes(b"not for the pdf")
    html = f"""<article><h1>Notice</h1>
      <img src="http://127.0.0.1:{port}/x.png">
      <link rel="stylesheet" href="http://127.0.0.1:{port}/s.css">
      <style>@import url(http://127.0.0.1:{port}/i.css);
        p {{ background: url(http://127.0.0.1:{port}/b.png) }}</style>
      <p style="background: url(http://127.0.0.1:{port}/c.png)">x</p>
      <img src="file://{secret}">
      <img src="https://notice-assets.invalid/static/../../config/settings.py">
      <img src="data:image/png;base64,iVBORw0KGgo=">
    </article>"""
    fetcher = StaticOnlyFetcher()
    try:
        rendered = render_pdf(
            notice_html=html,
            cover=Cover(
                "School",
                "Notice",
                "Parents",
                1,
                timezone.now(),
                "https://example.org/n/",
            ),
            fetcher=fetcher,
        )
    finally:
        server.shutdown()
        server.server_close()

    assert rendered.content.startswith(b"%PDF-")
    assert _Recorder.connections == []
    assert any(f"127.0.0.1:{port}" in url for url in fetcher.refused)
    assert any(url.startswith("file://") for url in fetcher.refused)
    assert any("settings.py" in url for url in fetcher.refused)
    assert not any("fonts/" in url or "print.css" in url for url in fetcher.refused)


def test_publishing_twice_creates_one_publication(school_notice):
    first = notice_publish(school_notice=school_notice)
    second = notice_publish(school_notice=school_notice)

    assert (first.status, second.status) == ("published", "unchanged")
    assert second.publication == first.publication
    assert Publication.objects.filter(school_notice=school_notice).count() == 1


def test_a_changed_fact_publishes_the_next_number(school_notice):
    notice_publish(school_notice=school_notice)
    school = school_notice.school
    school.email = "new.office@example.org"
    school.save()

    result = notice_publish(school_notice=school_notice)

    assert result.publication.number == 2
    assert result.publication.change_summary == ["Changed the school email address."]
    assert "new.office@example.org" in result.publication.html


def test_a_render_that_fails_leaves_the_last_publication_live(school_notice, monkeypatch):
    live = notice_publish(school_notice=school_notice).publication
    school = school_notice.school
    school.email = "new.office@example.org"
    school.save()
    monkeypatch.setattr(services, "render_notice_html", lambda **kw: 1 / 0)

    result = notice_publish(school_notice=school_notice)

    school_notice.refresh_from_db()
    assert result.status == "failed"
    assert school_notice.live_publication() == live
    assert "could not be rendered" in school_notice.last_error
    assert Publication.objects.filter(school_notice=school_notice).count() == 1


def test_a_missing_fact_names_the_school_the_field_and_the_clause(school_notice):
    school = school_notice.school
    school.email = ""
    school.save()

    result = notice_publish(school_notice=school_notice)

    assert result.status == "failed"
    assert result.errors == (
        f"{school.name} has no school email address, which the clause “Who we are” needs.",
    )
    assert not Publication.objects.exists()


def test_a_publication_never_changes(school_notice):
    publication = notice_publish(school_notice=school_notice).publication
    publication.html = "<p>rewritten</p>"

    with pytest.raises(ValidationError):
        publication.save()
    with pytest.raises(ValidationError):
        publication.delete()
