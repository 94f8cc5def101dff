"""Web pages (and Markdown, once rendered): the main content's structure, links kept.

A page saved from a school's website carries its menu, cookie banner and footer. What the page
marks as such (nav, header, footer, aside, ARIA roles, cookie/consent containers) is left out;
when the page does not say where its content is (no <main> or <article>), readability-lxml picks
the main content. Everything left out is listed as not imported.
"""

from __future__ import annotations

from lxml import etree
from lxml import html as lxml_html
from readability import Document as Readability

from onboarding.reader.errors import BROKEN, EMPTY, ReaderError
from onboarding.reader.structure import (
    LINK_WITHOUT_TARGET,
    TITLE,
    WEB_BOILERPLATE,
    Block,
    Document,
    Kind,
    Link,
    NotImported,
)
from onboarding.reader.text import Line, lines_to_document

_DROP = {"script", "style", "template", "svg", "iframe", "object", "embed", "noscript", "head"}
_BOILERPLATE_TAGS = {"nav", "header", "footer", "aside", "form", "dialog", "menu", "button"}
_BOILERPLATE_ROLES = {"navigation", "banner", "contentinfo", "complementary", "search", "dialog"}
_BOILERPLATE_WORDS = {
    "cookie",
    "cookies",
    "consent",
    "gdpr",
    "nav",
    "navbar",
    "navigation",
    "menu",
    "breadcrumb",
    "breadcrumbs",
    "footer",
    "sidebar",
    "skip",
    "share",
    "social",
    "masthead",
}
_HEADINGS = {f"h{n}": n for n in range(1, 7)}
_PARAGRAPHS = {"p", "blockquote", "address", "pre", "dd", "dt", "figcaption", "caption"}
_LISTS = {"ul", "ol", "dl"}
_BLOCKS = (
    set(_HEADINGS)
    | _PARAGRAPHS
    | _LISTS
    | {"li", "table", "tr", "div", "section", "article", "main", "body", "thead", "tbody"}
    | {"tfoot", "figure", "details", "summary", "hr", "fieldset"}
    | _BOILERPLATE_TAGS
)
_NO_TARGET = ("#", "javascript:", "")


def _clean(text: str) -> str:
    return " ".join(text.split())


def _words_of(element: etree._Element) -> set[str]:
    names = f"{element.get('class', '')} {element.get('id', '')}".lower()
    for separator in "-_":
        names = names.replace(separator, " ")
    return set(names.split())


def _is_boilerplate(element: etree._Element) -> bool:
    if element.tag in _BOILERPLATE_TAGS or element.get("role", "") in _BOILERPLATE_ROLES:
        return True
    return bool(_words_of(element) & _BOILERPLATE_WORDS)


class _Walker:
    def __init__(self, document: Document) -> None:
        self.document = document

    def links(self, element: etree._Element) -> tuple[Link, ...]:
        found = []
        for anchor in element.iter("a"):
            text, target = _clean(anchor.text_content()), (anchor.get("href") or "").strip()
            if target.lower().startswith(_NO_TARGET[1]) or target in _NO_TARGET:
                if text:
                    self.document.not_imported.append(
                        NotImported(text, LINK_WITHOUT_TARGET.format(target=target))
                    )
                continue
            found.append(Link(text or target, target))
        return tuple(found)

    def add(self, kind: Kind, element: etree._Element, text: str, level: int = 0) -> None:
        if text:
            self.document.blocks.append(Block(kind, text, level=level, links=self.links(element)))

    def walk(self, element: etree._Element, depth: int = 0, *, in_content: bool = False) -> None:
        tag = element.tag if isinstance(element.tag, str) else ""
        if tag in _DROP or not tag:
            return
        if tag in {"article", "main"}:
            in_content = True
        if _is_boilerplate(element):
            text = _clean(" ".join(element.itertext()))
            if text:
                reason = TITLE if in_content and tag == "header" else WEB_BOILERPLATE
                self.document.not_imported.append(NotImported(text, reason))
            return
        if tag in _HEADINGS:
            self.add(Kind.HEADING, element, _clean(element.text_content()), _HEADINGS[tag])
        elif tag in _PARAGRAPHS and not any(
            isinstance(child.tag, str) and child.tag in _BLOCKS for child in element
        ):
            self.add(Kind.PARAGRAPH, element, _clean(element.text_content()))
        elif tag == "li":
            self.list_item(element, depth)
        elif tag == "tr":
            cells = tuple(
                _clean(cell.text_content()) for cell in element if cell.tag in ("td", "th")
            )
            if any(cells):
                self.document.blocks.append(
                    Block(Kind.ROW, " | ".join(cells), cells=cells, links=self.links(element))
                )
        else:
            self.mixed(element, depth + (tag in _LISTS), in_content=in_content)

    def mixed(self, element: etree._Element, depth: int, *, in_content: bool) -> None:
        """Loose text between block elements is a paragraph of its own."""
        run: list[str] = [element.text or ""]
        holder = lxml_html.Element("p")

        def flush() -> None:
            text = _clean("".join(run))
            if text:
                self.add(Kind.PARAGRAPH, holder, text)
            run.clear()
            holder.clear()

        for child in element:
            if isinstance(child.tag, str) and (child.tag in _BLOCKS or child.tag == "br"):
                if child.tag == "br" and not _clean("".join(run)):
                    run.append(child.tail or "")
                    continue
                flush()
                if child.tag != "br":
                    self.walk(child, depth, in_content=in_content)
                run.append(child.tail or "")
            elif isinstance(child.tag, str) and child.tag not in _DROP:
                run.append(child.text_content())
                run.append(child.tail or "")
                holder.append(_copy(child))
            else:
                run.append(child.tail or "")
        flush()

    def list_item(self, element: etree._Element, depth: int) -> None:
        own: list[str] = [element.text or ""]
        holder = lxml_html.Element("p")
        nested = []
        for child in element:
            if isinstance(child.tag, str) and child.tag in _LISTS | {"div", "p", "table"}:
                nested.append(child)
            elif isinstance(child.tag, str):
                own.append(child.text_content())
                holder.append(_copy(child))
            own.append(child.tail or "")
        text = _clean("".join(own))
        nested_paragraphs = [child for child in nested if child.tag in {"div", "p"}]
        if not text and nested_paragraphs:
            text = _clean(nested_paragraphs[0].text_content())
            holder = nested_paragraphs[0]
            nested = [child for child in nested if child is not holder]
        self.add(Kind.ITEM, holder, text, level=max(1, depth))
        for child in nested:
            self.walk(child, depth)


def _copy(element: etree._Element) -> etree._Element:
    copy = lxml_html.fromstring(etree.tostring(element, encoding="unicode", with_tail=False))
    return copy


def _parse(html: str, name: str) -> etree._Element:
    try:
        root = lxml_html.document_fromstring(html)
    except (etree.ParserError, ValueError) as error:
        raise ReaderError(BROKEN.format(name=name, format="web page", problem=error)) from error
    return root


def html_document(html: str, *, name: str, format: str = "html", page: bool = True) -> Document:
    """A web page (page=True: boilerplate and off-content text left out) or an HTML fragment."""
    if not html.strip():
        raise ReaderError(EMPTY.format(name=name))
    root = _parse(html, name)
    body = root.find("body")
    if body is None:
        body = root
    document = Document(name=name, format=format)
    if not page:
        _Walker(document).mixed(body, 0, in_content=True)
        return document
    content = body.xpath("(.//main | .//*[@role='main'])[1] | (.//article)[1][not(ancestor::main)]")
    walker = _Walker(document)
    if content:
        _outside(body, content[0], document)
        walker.walk(content[0], in_content=True)
    else:
        summary = Readability(html).summary(html_partial=True)
        main = _Walker(Document(name=name, format=format))
        summary_root = _parse(summary, name)
        summary_body = summary_root.find("body")
        main.walk(summary_root if summary_body is None else summary_body, in_content=True)
        whole = Document(name=name, format=format)
        _Walker(whole).walk(body)
        kept = {block.text for block in main.document.blocks}
        document.blocks = main.document.blocks
        document.not_imported = whole.not_imported + [
            NotImported(block.text, WEB_BOILERPLATE)
            for block in whole.blocks
            if block.text not in kept
        ]
    if not document.blocks:
        raise ReaderError(EMPTY.format(name=name))
    if not any(block.is_heading and block.level > 1 for block in document.blocks):
        return _headings_from_text(document)
    return document


def _headings_from_text(document: Document) -> Document:
    """A page whose headings are plain paragraphs (as many school websites have): its
    paragraphs read line by line like plain text, links and lists kept."""
    lines = [
        Line(
            f"\u2022 {block.text}" if block.is_item else block.text,
            gap_before=True,
            links=block.links,
            level=block.level,
        )
        for block in document.blocks
    ]
    found = lines_to_document(lines, name=document.name, format=document.format)
    found.not_imported[:0] = document.not_imported
    return found


def _outside(body: etree._Element, content: etree._Element, document: Document) -> None:
    """The page's text outside its main content, listed as not imported."""
    outside = Document(name=document.name, format=document.format)
    copy = lxml_html.fromstring(etree.tostring(body, encoding="unicode"))
    marker = copy.xpath("(.//main | .//*[@role='main'])[1] | (.//article)[1][not(ancestor::main)]")
    if marker:
        marker[0].drop_tree()
    _Walker(outside).walk(copy)
    document.not_imported.extend(outside.not_imported)
    document.not_imported.extend(
        NotImported(block.text, WEB_BOILERPLATE) for block in outside.blocks
    )
