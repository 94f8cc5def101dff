"""The document reader: every format to the same structure, nothing dropped without a word."""

from __future__ import annotations

import io
import zipfile

import pytest

from onboarding.reader import Kind, ReaderError, read_bytes, read_plain
from onboarding.reader import errors as reader_errors
from onboarding.reader.structure import (
    LINK_WITHOUT_TARGET,
    PAGE_FURNITURE,
    TITLE,
    WEB_BOILERPLATE,
    WORD_HEADER_FOOTER,
)
from onboarding.reader.text import Line, lines_to_document
from tests.onboarding.documents import (
    notice_docx,
    notice_html,
    notice_odt,
    notice_pdf,
    notice_text,
)

HEADINGS = ["Who we are", "What we keep", "Who we share it with", "Complaints"]
ITEMS = [
    "names, addresses and contact details",
    "attendance and assessment records",
    "medical conditions and dietary needs",
]
LINK_TARGETS = [
    "https://www.gov.uk/data-protection-how-we-collect-and-share-research-data",
    "https://ico.org.uk/make-a-complaint/",
]

FILES = {
    "notice.txt": lambda: notice_text().encode(),
    "one-line-per-paragraph.txt": lambda: notice_text(blank_lines=False).encode(),
    "notice.html": lambda: notice_html().encode(),
    "notice.docx": notice_docx,
    "bold-headings.docx": lambda: notice_docx(styled=False),
    "notice.odt": notice_odt,
    "notice.pdf": notice_pdf,
}


def _headings(document) -> list[str]:
    return [block.text for block in document.blocks if block.kind == Kind.HEADING]


@pytest.mark.parametrize("name", FILES)
def test_every_format_reads_to_the_same_clauses_and_lists(name):
    document = read_bytes(FILES[name](), name=name)

    headings = [h for h in _headings(document) if h != "Privacy notice for parents"]
    assert headings == HEADINGS
    assert [b.text for b in document.blocks if b.kind == Kind.ITEM] == ITEMS
    assert document.counts()["paragraph"] == 5
    words = " ".join(document.text().split())
    assert "Write to office@hollybrook.example.org or telephone 01632 960123." in words


@pytest.mark.parametrize("name", ["notice.html", "notice.docx", "notice.odt", "notice.pdf"])
def test_links_keep_their_targets(name):
    document = read_bytes(FILES[name](), name=name)

    assert [link.target for link in document.links] == LINK_TARGETS
    assert document.links[1].text.rstrip(".") == "Information Commissioner's Office"


@pytest.mark.parametrize("name", ["notice.txt", "bold-headings.docx", "notice.pdf"])
def test_the_title_is_listed_as_not_imported(name):
    document = read_bytes(FILES[name](), name=name)

    assert ("Privacy notice for parents", TITLE) in [
        (line.text, line.reason) for line in document.not_imported
    ]


def test_it_decides_the_format_by_content_not_by_name():
    assert read_bytes(notice_docx(), name="notice.txt").format == "docx"
    assert read_bytes(notice_odt(), name="notice").format == "odt"
    assert read_bytes(notice_pdf(), name="notice.docx").format == "pdf"
    assert read_bytes(notice_html().encode(), name="notice.txt").format == "html"


def test_a_web_page_leaves_out_its_menu_cookie_banner_and_footer():
    document = read_bytes(notice_html().encode(), name="privacy.html")

    text = document.text()
    for boilerplate in ("cookies", "Term dates", "Accessibility", "Mill Lane"):
        assert boilerplate not in text
    left_out = {line.text: line.reason for line in document.not_imported}
    assert left_out["We use cookies to make this site work. Accept all cookies"] == WEB_BOILERPLATE
    assert any("Term dates" in line for line in left_out)


def test_a_web_page_without_main_element_is_read_by_its_main_content():
    html = notice_html().replace("<main>", '<div id="content">').replace("</main>", "</div>")
    html = html.replace("<header>", "<div class='site-menu'>").replace("</header>", "</div>")

    document = read_bytes(html.encode(), name="privacy.html")

    assert [h for h in _headings(document) if h != "Privacy notice for parents"] == HEADINGS
    assert "Term dates" not in document.text()
    assert any("Term dates" in line.text for line in document.not_imported)


def test_a_pdf_loses_its_running_header_page_numbers_and_hyphens():
    document = read_bytes(notice_pdf(pages=3), name="notice.pdf")

    text = document.text()
    assert "Hollybrook Primary School privacy notice" not in text
    assert "Page " not in text
    assert "\u2010" not in text and "com- plain" not in text
    assert "you can complain to the Information" in text
    furniture = [line.text for line in document.not_imported if line.reason == PAGE_FURNITURE]
    assert "Hollybrook Primary School privacy notice" in furniture
    assert any(line.startswith("Page 1 of 3") for line in furniture)


def test_lines_hyphenated_at_the_margin_are_joined():
    lines = [
        Line("Write to the school office at ad-", gap_before=False, emphasis=False),
        Line("min@hollybrook.example.org for a copy.", gap_before=False, emphasis=False),
    ]

    document = lines_to_document(lines, name="x.pdf", format="pdf")

    assert document.blocks[0].text == (
        "Write to the school office at admin@hollybrook.example.org for a copy."
    )


def test_word_page_headers_and_footers_are_listed():
    document = read_bytes(notice_docx(), name="notice.docx")

    assert {(line.text, line.reason) for line in document.not_imported} >= {
        ("Hollybrook Primary School: privacy notice", WORD_HEADER_FOOTER),
        ("Reviewed every year by the governors", WORD_HEADER_FOOTER),
    }


def test_one_line_per_paragraph_keeps_headings_and_bullets_apart():
    text = (
        "How we use information\n"
        "We use it to teach and to keep pupils safe.\n"
        "We keep:\n"
        "• names\n"
        "• attendance\n"
        "Who sees it\n"
        "Only staff who need it.\n"
    )

    document = read_plain(text)

    assert [(b.kind.value, b.text) for b in document.blocks] == [
        ("heading", "How we use information"),
        ("paragraph", "We use it to teach and to keep pupils safe."),
        ("paragraph", "We keep:"),
        ("item", "names"),
        ("item", "attendance"),
        ("heading", "Who sees it"),
        ("paragraph", "Only staff who need it."),
    ]


def test_lines_wrapped_at_a_margin_are_one_paragraph():
    text = (
        "Keeping records\n\n"
        "We keep the records of each pupil while they are at the school and for\n"
        "as long afterwards as the law requires, then destroy them securely.\n\n"
        "Complaints\n\nWrite to us.\n"
    )

    document = read_plain(text)

    kinds = [b.kind.value for b in document.blocks]
    assert kinds == ["heading", "paragraph", "heading", "paragraph"]
    assert document.blocks[1].text.startswith("We keep the records") and "for as long" in (
        document.blocks[1].text
    )


def test_short_lines_before_a_heading_are_kept():
    text = (
        "Contact us\n\n"
        "Our data protection officer answers questions about this notice.\n\n"
        "DPO: Robin Quayle, privacy@fenshire.example.gov.uk\n\n"
        "Date: May 2018\n\n"
        "Review date\n\n"
        "September 2025\n"
    )

    document = read_plain(text)

    texts = [b.text for b in document.blocks]
    for line in ("DPO: Robin Quayle, privacy@fenshire.example.gov.uk", "Date: May 2018"):
        assert line in texts
    assert "September 2025" in texts and document.not_imported == []


def test_an_address_is_text_not_headings():
    text = "Advice\n\nWrite to:\n\nInformation Commissioner's Office\nWycliffe House\nWater Lane\n"

    document = read_plain(text)

    assert _headings(document) == ["Advice"]


def test_markdown_in_a_text_file_is_read_as_markdown():
    text = (
        "Your rights\n\nYou can see the records we keep about **pupils**; read more "
        "[on the ICO's site](https://ico.org.uk/your-data-matters/) or [here](#).\n"
    )

    document = read_bytes(text.encode(), name="notice.txt")

    paragraph = document.blocks[1]
    assert paragraph.text == (
        "You can see the records we keep about pupils; read more on the ICO's site or here."
    )
    assert [(link.text, link.target) for link in paragraph.links] == [
        ("on the ICO's site", "https://ico.org.uk/your-data-matters/")
    ]
    assert ("here", LINK_WITHOUT_TARGET.format(target="#")) in [
        (line.text, line.reason) for line in document.not_imported
    ]


def test_a_markdown_file_keeps_its_headings_lists_and_links():
    text = (
        "# Notice\n\n## Who we are\n\nWe are [a school](https://hollybrook.example.org/).\n\n"
        "- one\n- two\n"
    )

    document = read_bytes(text.encode(), name="notice.md")

    assert [(b.kind.value, b.level) for b in document.blocks] == [
        ("heading", 1),
        ("heading", 2),
        ("paragraph", 0),
        ("item", 1),
        ("item", 1),
    ]
    assert document.links[0].target == "https://hollybrook.example.org/"


SAMPLE = "Who we are\n\nWe\u2019re the school\u2019s office \u2013 caf\u00e9 open.\n"


@pytest.mark.parametrize(
    "encoded",
    [
        SAMPLE.encode(),
        SAMPLE.encode("utf-8-sig"),
        SAMPLE.encode("utf-16"),
        SAMPLE.encode("cp1252"),
    ],
)
def test_text_in_any_of_its_encodings(encoded):
    document = read_bytes(encoded, name="notice.txt")

    assert [b.text for b in document.blocks] == SAMPLE.strip().split("\n\n")


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600, reader_errors.WORD_97),
        (b"{\\rtf1\\ansi Hello}", reader_errors.RTF),
        (_zip({"readme.txt": b"hello"}), reader_errors.OTHER_ZIP),
        (b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", reader_errors.NOT_A_DOCUMENT),
        (b"   \n\n", reader_errors.EMPTY),
        (b"%PDF-1.7\nnot really a pdf", reader_errors.BROKEN),
    ],
)
def test_a_file_it_cannot_read_gets_one_clear_sentence(data, message):
    with pytest.raises(ReaderError) as error:
        read_bytes(data, name="old-notice.doc")

    assert str(error.value).startswith("old-notice.doc ")
    assert str(error.value) == message.format(
        name="old-notice.doc", format="PDF", problem=_problem(error.value, message)
    )


def _problem(error: ReaderError, message: str) -> str:
    """The library's own words inside BROKEN, whatever they are."""
    if message != reader_errors.BROKEN:
        return ""
    text = str(error)
    return text[text.index("(") + 1 : text.rindex(")")]


def test_an_opendocument_spreadsheet_is_not_a_notice():
    data = _zip({"mimetype": b"application/vnd.oasis.opendocument.spreadsheet"})

    with pytest.raises(ReaderError, match="not a text document"):
        read_bytes(data, name="schools.ods")


def test_a_file_over_the_size_limit_is_refused():
    with pytest.raises(ReaderError) as error:
        read_bytes(b"a" * (reader_errors.MAX_BYTES + 1), name="huge.txt")

    assert str(error.value) == reader_errors.TOO_LARGE.format(name="huge.txt", size=10, limit=10)


def test_a_zip_bomb_is_refused_before_it_is_unpacked():
    bomb = _zip(
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": b" " * (reader_errors.MAX_UNPACKED_BYTES + 1),
        }
    )
    assert len(bomb) < 1_000_000

    with pytest.raises(ReaderError) as error:
        read_bytes(bomb, name="bomb.docx")

    assert "unpacks to more than 50 MB" in str(error.value)


def test_a_pdf_over_the_page_limit_is_refused(monkeypatch):
    monkeypatch.setattr("onboarding.reader.pdf.MAX_PDF_PAGES", 2)

    with pytest.raises(ReaderError) as error:
        read_bytes(notice_pdf(pages=3), name="long.pdf")

    assert str(error.value) == reader_errors.TOO_MANY_PAGES.format(
        name="long.pdf", pages=3, limit=2
    )


def test_a_line_of_many_thousand_characters_is_read():
    text = "Heading\n\n" + "a" * 200_000 + "@" + "b." * 50_000 + "\n"

    document = read_plain(text)

    assert len(document.blocks) == 2


def test_a_web_page_with_headings_as_plain_paragraphs_gets_them_from_the_text():
    html = notice_html().replace("<h2>", "<p>").replace("</h2>", "</p>")

    document = read_bytes(html.encode(), name="privacy.html")

    assert [h for h in _headings(document) if h != "Privacy notice for parents"] == HEADINGS
    assert document.links[0].target == LINK_TARGETS[0]


def test_an_address_in_a_word_file_of_plain_paragraphs_is_text_not_headings():
    import docx

    word = docx.Document()
    for line in (
        "Advice",
        "For independent advice, write to the regulator at:",
        "Information Commissioner's Office",
        "Wycliffe House",
        "Water Lane",
        "Wilmslow SK9 5AF",
        "Complaints",
        "Tell us first and we will try to put it right.",
    ):
        word.add_paragraph(line)
    buffer = io.BytesIO()
    word.save(buffer)

    document = read_bytes(buffer.getvalue(), name="notice.docx")

    assert _headings(document) == ["Advice", "Complaints"]
