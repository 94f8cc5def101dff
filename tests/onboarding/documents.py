"""Small notice files built by the tests, one per format, from one fictional notice.

Each builder writes the same content the way its format keeps structure (Word heading and list
styles, ODT outline levels, HTML elements, a printed PDF), so tests can check that every format
reads back to the same clauses, lists and links.
"""

from __future__ import annotations

import io
from html import escape

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from odf import teletype
from odf.opendocument import OpenDocumentText
from odf.style import Style, TextProperties
from odf.text import A, H, List, ListItem, P

# (kind, text, link): kind is "title", "h", "p" or "li"; link is (words in text, target) or None.
NOTICE: list[tuple[str, str, tuple[str, str] | None]] = [
    ("title", "Privacy notice for parents", None),
    ("h", "Who we are", None),
    (
        "p",
        "Hollybrook Primary School is the controller of the information we keep about pupils "
        "and their families.",
        None,
    ),
    ("p", "Write to office@hollybrook.example.org or telephone 01632 960123.", None),
    ("h", "What we keep", None),
    ("p", "The information we keep includes:", None),
    ("li", "names, addresses and contact details", None),
    ("li", "attendance and assessment records", None),
    ("li", "medical conditions and dietary needs", None),
    ("h", "Who we share it with", None),
    (
        "p",
        "We share some records with the Department for Education, which explains its use of "
        "them on its own website.",
        (
            "its own website",
            "https://www.gov.uk/data-protection-how-we-collect-and-share-research-data",
        ),
    ),
    ("h", "Complaints", None),
    (
        "p",
        "If you are unhappy with how we use information you can complain to the Information "
        "Commissioner's Office.",
        ("Information Commissioner's Office", "https://ico.org.uk/make-a-complaint/"),
    ),
]


def notice_text(*, blank_lines: bool = True) -> str:
    """The notice as plain text: a blank line between paragraphs, or one line per paragraph."""
    lines = [f"- {text}" if kind == "li" else text for kind, text, _ in NOTICE]
    separator = "\n\n" if blank_lines else "\n"
    return separator.join(lines) + "\n"


def notice_html(*, with_site: bool = True) -> str:
    """The notice as a school website's page: menu, cookie banner and footer around it."""
    body, in_list = [], False
    for kind, text, link in NOTICE:
        if kind == "li" and not in_list:
            body.append("<ul>")
        if kind != "li" and in_list:
            body.append("</ul>")
        in_list = kind == "li"
        html = escape(text)
        if link:
            words, target = link
            html = html.replace(escape(words), f'<a href="{escape(target)}">{escape(words)}</a>')
        tag = {"title": "h1", "h": "h2", "p": "p", "li": "li"}[kind]
        body.append(f"<{tag}>{html}</{tag}>")
    if in_list:
        body.append("</ul>")
    content = "\n".join(body)
    if not with_site:
        return f"<!doctype html><html><body>{content}</body></html>"
    return f"""<!doctype html>
<html lang="en"><head><title>Privacy | Hollybrook Primary School</title></head>
<body>
<div class="cookie-banner"><p>We use cookies to make this site work.</p>
<button>Accept all cookies</button></div>
<header><a href="/">Hollybrook Primary School</a>
<nav><ul><li><a href="/">Home</a></li><li><a href="/term-dates">Term dates</a></li>
<li><a href="/policies">Policies</a></li></ul></nav></header>
<main>{content}</main>
<footer><p>Hollybrook Primary School, Mill Lane, Exampleton</p>
<p><a href="/accessibility">Accessibility</a></p></footer>
</body></html>"""


def _add_hyperlink(paragraph, text: str, target: str) -> None:  # type: ignore[no-untyped-def]
    relation = paragraph.part.relate_to(
        target, docx.opc.constants.RELATIONSHIP_TYPE.HYPERLINK, is_external=True
    )
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), relation)
    run = OxmlElement("w:r")
    text_element = OxmlElement("w:t")
    text_element.text = text
    text_element.set(qn("xml:space"), "preserve")
    run.append(text_element)
    link.append(run)
    paragraph._p.append(link)


def notice_docx(*, styled: bool = True) -> bytes:
    """The notice as Word writes it: heading styles and list paragraphs (styled=False: bold
    Normal paragraphs for headings and typed bullets, as many school files are made)."""
    document = docx.Document()
    if "List Bullet" not in [s.name for s in document.styles if s.type == WD_STYLE_TYPE.PARAGRAPH]:
        document.styles.add_style("List Bullet", WD_STYLE_TYPE.PARAGRAPH)
    document.sections[0].header.paragraphs[0].text = "Hollybrook Primary School: privacy notice"
    document.sections[0].footer.paragraphs[0].text = "Reviewed every year by the governors"
    for kind, text, link in NOTICE:
        if styled and kind == "title":
            paragraph = document.add_paragraph(style="Title")
        elif styled and kind == "h":
            paragraph = document.add_paragraph(style="Heading 1")
        elif styled and kind == "li":
            paragraph = document.add_paragraph(style="List Bullet")
        else:
            paragraph = document.add_paragraph()
        shown = text if styled or kind != "li" else f"• {text}"
        if link:
            words, target = link
            before, after = shown.split(words, 1)
            paragraph.add_run(before)
            _add_hyperlink(paragraph, words, target)
            paragraph.add_run(after)
        else:
            run = paragraph.add_run(shown)
            run.bold = not styled and kind in ("title", "h")
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def notice_odt() -> bytes:
    document = OpenDocumentText()
    bold = Style(name="Bold", family="paragraph")
    bold.addElement(TextProperties(fontweight="bold"))
    document.automaticstyles.addElement(bold)
    current_list = None
    for kind, text, link in NOTICE:
        if kind == "li":
            if current_list is None:
                current_list = List()
                document.text.addElement(current_list)
            item = ListItem()
            paragraph = P()
            teletype.addTextToElement(paragraph, text)
            item.addElement(paragraph)
            current_list.addElement(item)
            continue
        current_list = None
        element = H(outlinelevel=1 if kind == "title" else 2) if kind in ("title", "h") else P()
        if link:
            words, target = link
            before, after = text.split(words, 1)
            teletype.addTextToElement(element, before)
            anchor = A(href=target, type="simple")
            teletype.addTextToElement(anchor, words)
            element.addElement(anchor)
            teletype.addTextToElement(element, after)
        else:
            teletype.addTextToElement(element, text)
        document.text.addElement(element)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


PRINT_CSS = """
@page { size: A5; margin: 22mm 16mm;
  @top-center { content: "Hollybrook Primary School privacy notice"; font-size: 8pt }
  @bottom-center { content: "Page " counter(page) " of " counter(pages); font-size: 8pt } }
body { font-family: sans-serif; font-size: 10pt; hyphens: auto }
h1 { font-size: 18pt } h2 { font-size: 13pt; margin-top: 14pt }
p, li { margin: 0 0 8pt }
"""


def notice_pdf(*, pages: int = 1) -> bytes:
    """The notice printed to PDF by WeasyPrint: running header, page numbers, hyphenation.
    pages > 1 repeats the body on new pages (for furniture repeated on every page)."""
    import weasyprint  # noqa: TID251 - building a test fixture, not rendering a notice

    html = notice_html(with_site=False).replace("<html>", '<html lang="en">')
    if pages > 1:
        start = html.index("<body>") + len("<body>")
        end = html.index("</body>")
        page = '<div style="break-before: page">' + html[start:end] + "</div>"
        html = html[:end] + page * (pages - 1) + html[end:]
    return weasyprint.HTML(string=html).write_pdf(stylesheets=[weasyprint.CSS(string=PRINT_CSS)])
