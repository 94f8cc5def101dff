"""The layered notice: contacts first, then each section at a glance, then the full text."""

from __future__ import annotations

import re

import pytest
from django.core.exceptions import ValidationError

from clauses.markup import SUMMARY_NO_BLOCK, SUMMARY_ONE_PARAGRAPH, validate_summary
from clauses.models import IMMUTABLE_VERSION
from clauses.services import clause_version_publish, clause_version_start_draft
from health.coverage import missing_summaries
from notices.diff import block_diff, compare_notices, section_blocks
from notices.models import Publication
from notices.publishing.batch import notices_publish, select_school_notices
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
    SharingPartnerFactory,
)

pytestmark = pytest.mark.django_db

CLAUSES = [
    # key, heading, Art. 13 items, body, summary
    (
        "who-we-are",
        "Who we are",
        ["controller"],
        "We are {{ school.name }}.",
        "{{ school.name }} looks after your information.",
    ),
    (
        "sharing",
        "Who we share with",
        ["recipients"],
        "We share with:\n\n{{ partners }}",
        "",
    ),
    (
        "rights",
        "Your rights",
        ["rights"],
        "You can ask us to:\n\n- see your information\n- correct it",
        "You can see and correct what we hold.",
    ),
    (
        "complaints",
        "If you are unhappy",
        ["complaint"],
        "Tell us first, or the ICO.",
        "Tell us first; you can also go to the ICO.",
    ),
]


@pytest.fixture
def notice_type():
    notice_type = NoticeTypeFactory(slug="pupils", title="How we use pupil data", is_primary=True)
    for position, (key, heading, items, body, summary) in enumerate(CLAUSES):
        clause = ClauseFactory(key=key, heading=heading, art13_items=items)
        ClauseVersionFactory(clause=clause, published=True, body=body, summary=summary)
        NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=position)
    SharingPartnerFactory(
        name="Department for Education",
        purpose="School census returns.",
        lawful_basis="Legal obligation",
        privacy_notice_url="https://dfe.example.org/privacy",
    )
    return notice_type


@pytest.fixture
def published(school_a, notice_type):
    school_a.phone = "020 7946 0123"
    school_a.save()
    SchoolNoticeFactory(school=school_a, notice_type=notice_type)
    notices_publish(school_notices=select_school_notices())
    return school_a


def _page(client, school) -> str:
    response = client.get(f"/schools/{school.slug}/privacy-notice/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.parametrize(
    ("summary", "error"),
    [
        ("We share with:\n\n{{ partners }}", SUMMARY_NO_BLOCK.format(name="partners")),
        ("- one\n- two", SUMMARY_ONE_PARAGRAPH),
        ("First.\n\nSecond.", SUMMARY_ONE_PARAGRAPH),
        ("### A heading", SUMMARY_ONE_PARAGRAPH),
        ("Write to {{ school.emial }}.", "Unknown placeholder {{ school.emial }}"),
        ("See [this](http://example.org).", "Links must start with https://"),
        ("x" * 401, "Keep the summary to 400 characters or fewer (it has 401)."),
    ],
)
def test_a_summary_follows_the_clause_rules_in_one_paragraph(summary, error):
    errors = validate_summary(summary)

    assert any(e.startswith(error) for e in errors), errors


def test_a_version_with_a_bad_summary_cannot_be_saved_through_full_clean():
    version = ClauseVersionFactory.build(
        clause=ClauseFactory(), summary="{{ partners }}", body="Fine text."
    )

    with pytest.raises(ValidationError) as caught:
        version.full_clean()

    assert "summary" in caught.value.message_dict


def test_a_published_summary_never_changes_and_a_new_draft_starts_from_it():
    version = ClauseVersionFactory(published=True, summary="Short and plain.")
    version.summary = "Something else."

    with pytest.raises(ValidationError, match=IMMUTABLE_VERSION.split("{")[0]):
        version.save()
    draft = clause_version_start_draft(clause=version.clause, user=None)
    assert draft.summary == "Short and plain."


def test_the_page_opens_with_contacts_then_the_summaries_then_the_full_notice(client, published):
    body = _page(client, published)

    contacts = body.index('id="contacts-heading"')
    glance = body.index('id="glance-heading"')
    first_section = body.index('class="notice-section"')
    assert contacts < glance < first_section
    assert body.index('id="contents-heading"') > glance
    glance_html = body[glance:first_section]
    assert f"{published.name} looks after your information." in glance_html
    for key, heading, *_ in CLAUSES:
        assert f'<a href="#{key}">{heading}</a>' in glance_html


def test_the_contacts_are_links_to_call_and_write(client, published):
    body = _page(client, published)
    contacts = body[body.index('id="contacts-heading"') : body.index('id="glance-heading"')]

    assert '<a href="tel:+442079460123">020 7946 0123</a>' in contacts
    assert f'<a href="mailto:{published.email}">{published.email}</a>' in contacts
    assert f'<a href="mailto:{published.dpo.email}">{published.dpo.email}</a>' in contacts
    assert 'href="#complaints">how to complain</a>' in contacts
    assert 'href="https://ico.org.uk/make-a-complaint/"' in contacts
    assert 'href="tel:+443031231113"' in contacts


def test_partners_are_a_structured_list(client, published):
    body = _page(client, published)
    [partner] = re.findall(r'<ul class="partners">(.*?)</ul>', body, re.S)

    facts = dict(re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", partner, re.S))
    assert "Department for Education" in partner
    assert facts["Why"].startswith("School census returns.")
    assert facts["Lawful basis"] == "Legal obligation"
    assert 'href="https://dfe.example.org/privacy"' in facts["Their privacy notice"]


def test_the_pdf_has_the_summary_page_after_the_cover(published):
    import io

    import pypdf

    from notices.publishing.services import publication_render_pdf

    publication = publication_render_pdf(publication=Publication.objects.get())
    reader = pypdf.PdfReader(io.BytesIO(publication.pdf.read()))

    second_page = reader.pages[1].extract_text()
    assert "At a glance" in second_page
    assert "You can see and correct what we hold." in second_page
    assert "Questions about your information" in second_page


def test_a_missing_summary_is_a_warning_on_the_dashboard(dpo_client, published, notice_type):
    [version] = missing_summaries(notice_type)
    assert version.clause.key == "sharing"

    response = dpo_client.get(f"/admin/dashboard/?notice_type={notice_type.pk}")

    body = response.content.decode()
    assert "1 clause of “How we use pupil data” without a summary" in body
    assert "Who we share with</a> (clause v1)" in body


def test_the_change_summary_the_dpo_wrote_is_shown_on_the_history_pages(client, published):
    from clauses.models import Clause

    draft = clause_version_start_draft(clause=Clause.objects.get(key="rights"), user=None)
    draft.body = "You can ask us to:\n\n- see your information\n- correct it\n- delete it"
    draft.change_summary = "Added the right to ask us to delete information."
    draft.save()
    clause_version_publish(version=draft, user=None)
    notices_publish(school_notices=select_school_notices())
    base = f"/schools/{published.slug}/notices/pupils/versions"

    versions = client.get(f"{base}/").content.decode()
    changes = client.get(f"{base}/2/changes/").content.decode()

    expected = "Updated “Your rights”: Added the right to ask us to delete information."
    assert expected in versions
    assert expected in changes
    # The list stays a list: the new item is an added list item of its own.
    [changed_list] = re.findall(r"<ul>(.*?)</ul>", changes, re.S)
    items = re.findall(r"<li>(.*?)</li>", changed_list, re.S)
    assert len(items) == 3
    assert "[added: </span>delete it" in items[2]
    assert "<ins" not in items[0]


def test_the_block_diff_keeps_paragraphs_and_list_items_apart():
    old = section_blocks("<p>Intro text.</p><ul><li>one</li><li>two</li></ul><p>End.</p>")
    new = section_blocks("<p>Intro text.</p><ul><li>one</li><li>two too</li></ul><p>End.</p>")

    groups = block_diff(old, new)

    assert [(g.list_tag, [b.status for b in g.blocks]) for g in groups] == [
        ("", ["unchanged"]),
        ("ul", ["unchanged", "changed"]),
        ("", ["unchanged"]),
    ]
    assert groups[1].blocks[1].parts == [("equal", "two"), ("insert", "too")]


def test_a_partner_entry_reads_as_one_list_item_with_its_words_apart():
    html = (
        '<section class="notice-section" id="s" aria-labelledby="s-heading">'
        '<h2 id="s-heading">S</h2><ul class="partners"><li><strong>DfE</strong>'
        "<dl><div><dt>Why</dt><dd>Census.</dd></div></dl></li></ul></section>"
    )

    [section] = compare_notices(html, html)

    [group] = section.groups
    assert group.list_tag == "ul"
    assert group.blocks[0].parts == [("equal", "DfE Why Census.")]


def test_the_summary_pdf_is_the_cover_contacts_and_summaries_only(client, published):
    import io

    import pypdf

    url = f"/schools/{published.slug}/notices/pupils/summary.pdf"

    response = client.get(url)

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    reader = pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    text = " ".join(page.extract_text() for page in reader.pages)
    assert 1 < len(reader.pages) <= 3
    assert "At a glance" in text and "You can see and correct what we hold." in text
    assert "You can ask us to:" not in text  # the full sections are left out
    publication = Publication.objects.get()
    assert publication.summary_pdf_pages == len(reader.pages)
    page = client.get(f"/schools/{published.slug}/privacy-notice/").content.decode()
    assert f'href="{url}" download>Summary to print (PDF, {len(reader.pages)} page' in page


def test_the_summary_pdf_links_its_headings_to_the_sections_online(client, published):
    import io

    import pypdf

    response = client.get(f"/schools/{published.slug}/notices/pupils/summary.pdf")

    reader = pypdf.PdfReader(io.BytesIO(b"".join(response.streaming_content)))
    links = [
        annotation.get_object()["/A"]
        for page in reader.pages
        for annotation in page.get("/Annots", [])
        if "/A" in annotation.get_object()
    ]
    to_sections = [link["/URI"] for link in links if "#" in link.get("/URI", "")]
    assert to_sections, links  # each heading "at a glance" leads to its section online
    page = Publication.objects.get().school_notice.get_absolute_url()
    assert all(uri.split("#")[0].endswith(page) for uri in to_sections), to_sections
    assert not [link for link in links if "/D" in link]  # none to a section not in the PDF
