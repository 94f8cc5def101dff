"""Bootstrap a clause library from one existing notice.

Each heading of the notice becomes a clause (published as version 1) of a new notice type, in
order; every occurrence of the school's own facts becomes a placeholder, so the same library
can serve every other school. Rendering the new notice for the same school gives back the
original: the import measures how closely, in words and in structure (headings, paragraphs and
list items in and out), and lists whatever was not imported and every contact detail still
written out literally, for the DPO to confirm or turn into a placeholder.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from clauses.markup import validate_body
from clauses.models import Clause, ClauseVersion
from notices.models import NoticeType, NoticeTypeClause, SchoolNotice
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.publishing.rendering import render_sections
from onboarding.facts import contact_literals, fact_matches, facts_for_import
from onboarding.reader import Block, Document, Kind, Link, NotImported, read_plain
from onboarding.reader.html import html_document
from onboarding.reader.structure import EMPTY_HEADING, TITLE
from schools.models import School

_SPECIAL = re.compile(r"([\\`*_\[\]<>#&{}!|~])")
LINK_NOT_KEPT = (
    "a link to “{target}”: only https://, mailto: and tel: links can be kept; its words are"
)
STRUCTURE_DIFFERS = (
    "The rendered notice differs in structure from the original: {details}. Check the clauses "
    "named above."
)
CANNOT_IMPORT = "“{heading}” could not be imported: {errors}"


@dataclass(frozen=True)
class Literal:
    clause: str
    text: str


@dataclass(frozen=True)
class TemplateImport:
    notice_type: NoticeType
    clauses: int
    placeholders: int
    similarity: float  # words
    structure_in: dict[str, int] = field(default_factory=dict)
    structure_out: dict[str, int] = field(default_factory=dict)
    not_imported: list[NotImported] = field(default_factory=list)
    literals: list[Literal] = field(default_factory=list)  # contact details left as text

    @property
    def structure_differs(self) -> bool:
        return self.structure_in != self.structure_out

    def structure_message(self) -> str:
        details = ", ".join(
            f"{kind}s {self.structure_in.get(kind, 0)} in, {self.structure_out.get(kind, 0)} out"
            for kind in ("heading", "paragraph", "item")
            if self.structure_in.get(kind, 0) != self.structure_out.get(kind, 0)
        )
        return STRUCTURE_DIFFERS.format(details=details)


def _escape(text: str) -> str:
    """Literal text as Markdown: nothing in it may turn into markup or a placeholder."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([-+])(?=\s)", r"\1\\\2", text)  # not a bullet
    return re.sub(r"^(\s*\d+)([.)])(?=\s)", r"\1\\\2", text)  # not a numbered item


def _link_target(link: Link, facts: dict[str, str]) -> str | None:
    """The link's address for the clause (a placeholder where it is the school's), or None."""
    target = link.target.strip()
    if target.lower().startswith("mailto:"):
        address = target[7:].split("?")[0].lower()
        for name in ("school.email", "school.data_request_email", "dpo.email"):
            if facts.get(name) and facts[name].lower() == address:
                return f"mailto:{{{{ {name} }}}}"
        return target
    if target.lower().startswith("tel:"):
        return target
    if not target.lower().startswith("https://"):
        return None
    for name in ("school.website", "authority.website"):
        value = facts.get(name, "")
        if value and urlsplit(value)._replace(fragment="") == urlsplit(target)._replace(
            fragment=""
        ):
            return f"{{{{ {name} }}}}"
    return target.replace("(", "%28").replace(")", "%29").replace(" ", "%20")


class _Writer:
    """Block text as clause Markdown: facts as placeholders, links kept, the rest literal."""

    def __init__(self, facts: dict[str, str], dpo_is_person: bool) -> None:
        self.facts, self.dpo_is_person = facts, dpo_is_person
        self.placeholders = 0
        self.not_imported: list[NotImported] = []

    def plain(self, text: str) -> str:
        parts, position = [], 0
        for match in fact_matches(text, self.facts, dpo_is_person=self.dpo_is_person):
            parts.append(_escape(text[position : match.start]))
            parts.append(f"{{{{ {match.name} }}}}")
            self.placeholders += 1
            position = match.end
        parts.append(_escape(text[position:]))
        return "".join(parts)

    def block(self, block: Block) -> str:
        text, parts, position = block.text, [], 0
        for link in block.links:
            start = text.find(link.text, position)
            target = _link_target(link, self.facts)
            if start < 0 or not link.text:
                continue
            if target is None:
                self.not_imported.append(
                    NotImported(link.text, LINK_NOT_KEPT.format(target=link.target))
                )
                continue
            parts.append(self.plain(text[position:start]))
            parts.append(f"[{self.plain(link.text)}](<{target}>)")
            position = start + len(link.text)
        parts.append(self.plain(text[position:]))
        return "".join(parts)

    def body(self, section: list[Block]) -> str:
        lines, previous_item = [], False
        for block in section:
            text = self.block(block)
            if block.is_item:
                indent = "  " * max(0, min(block.level, 3) - 1) if block.kind == Kind.ITEM else ""
                lines.append(("" if previous_item else "\n") + f"{indent}- {text}")
            else:
                lines.append(f"\n{text}")
            previous_item = block.is_item
        return "\n".join(lines).strip()


def sections_of(document: Document) -> tuple[list[tuple[str, list[Block]]], list[NotImported]]:
    """Headings with the blocks under them. A heading with nothing under it (the document's
    title, a heading straight above another) is listed, not made a clause."""
    sections: list[tuple[str, list[Block]]] = []
    left_out: list[NotImported] = []
    for block in document.blocks:
        if block.is_heading:
            sections.append((block.text, []))
        elif not sections:
            sections.append(("Introduction", [block]))
        else:
            sections[-1][1].append(block)
    kept = []
    for heading, body in sections:
        if body:
            kept.append((heading, body))
        else:
            left_out.append(NotImported(heading, EMPTY_HEADING if kept else TITLE))
    return kept, left_out


def _unique_key(base: str) -> str:
    key, number = base[:70] or "clause", 2
    while Clause.objects.filter(key=key).exists():
        key, number = f"{base[:66]}-{number}", number + 1
    return key


@transaction.atomic
def template_import(
    *,
    school: School,
    title: str,
    document: Document | None = None,
    text: str = "",
    user: AbstractBaseUser | None = None,
) -> TemplateImport:
    """Import a read document (or plain text) as a new notice type for the school."""
    document = document if document is not None else read_plain(text)
    facts, dpo_is_person = facts_for_import(school)
    writer = _Writer(facts, dpo_is_person)
    slug = _unique_slug(slugify(title)[:70] or "imported-notice")
    sections, left_out = sections_of(document)
    literals: list[Literal] = []
    school_hosts = _school_hosts()
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Imported from an existing notice of {school}.")
        notice_type = NoticeType(slug=slug, title=title, audience="Parents, carers and pupils")
        notice_type.full_clean()
        notice_type.save()
        for position, (heading, section) in enumerate(sections):
            body = writer.body(section)
            errors = validate_body(body)
            if errors:
                raise ValueError(CANNOT_IMPORT.format(heading=heading, errors=" ".join(errors)))
            clause = Clause(
                key=_unique_key(f"{slug[:30]}-{slugify(heading)}"), heading=heading[:200]
            )
            clause.full_clean()
            clause.save()
            ClauseVersion(
                clause=clause,
                body=body,
                status=ClauseVersion.Status.PUBLISHED,
                published_at=timezone.now(),
                effective_date=timezone.localdate(),
                change_summary="Imported from an existing notice.",
                author=user,
            ).save()
            NoticeTypeClause.objects.create(
                notice_type=notice_type, clause=clause, position=position
            )
            literals += [
                Literal(heading, found)
                for found in contact_literals(body, school_hosts=school_hosts)
            ]
        school_notice = SchoolNotice.objects.create(school=school, notice_type=notice_type)
    original = _original(sections)
    rendered = rendered_document(school_notice)
    return TemplateImport(
        notice_type=notice_type,
        clauses=len(sections),
        placeholders=writer.placeholders,
        similarity=round(_similarity(original, rendered, school), 4),
        structure_in=_structure(original),
        structure_out=_structure(rendered.blocks),
        not_imported=document.not_imported + left_out + writer.not_imported,
        literals=literals,
    )


def _school_hosts() -> frozenset[str]:
    hosts = set()
    for website in School.objects.exclude(website="").values_list("website", flat=True):
        host = (urlsplit(website).hostname or "").removeprefix("www.")
        if host:
            hosts.add(host)
    return frozenset(hosts)


def _structure(blocks: list[Block]) -> dict[str, int]:
    counts = {"heading": 0, "paragraph": 0, "item": 0}
    for block in blocks:
        kind = "item" if block.is_item else block.kind.value
        counts[kind] += 1
    return counts


def _unique_slug(base: str) -> str:
    slug, number = base, 2
    while NoticeType.objects.filter(slug=slug).exists():
        slug, number = f"{base[:66]}-{number}", number + 1
    return slug


def rendered_document(school_notice: SchoolNotice) -> Document:
    """The notice as the library renders it for its school, read back into structure."""
    school_notice = school_notices_for_publishing([school_notice.pk]).get()
    document = Document(name=str(school_notice), format="html")
    for section in render_sections(InputsBuilder().build(school_notice)):
        document.blocks.append(Block(Kind.HEADING, section.heading, level=2))
        if section.html.strip():
            document.blocks += html_document(section.html, name="", page=False).blocks
    return document


def rendered_text(school_notice: SchoolNotice) -> str:
    return rendered_document(school_notice).text()


def _original(sections: list[tuple[str, list[Block]]]) -> list[Block]:
    return [block for heading, body in sections for block in (Block(Kind.HEADING, heading), *body)]


def _similarity(original: list[Block], rendered: Document, school: School) -> float:
    """How much of the original the rendered notice gives back: its words, in order, with each
    one's kind of block, so a heading run into a paragraph or a list flattened counts as lost.
    The school's facts count as one word each, whatever their printed form ("0113 496 0123"
    rendered for "01134960123" is the same fact)."""
    facts, dpo_is_person = facts_for_import(school)

    def facts_as_words(text: str) -> str:
        parts, position = [], 0
        for match in fact_matches(text, facts, dpo_is_person=dpo_is_person):
            parts += [text[position : match.start], f" {{{match.name}}} "]
            position = match.end
        return "".join([*parts, text[position:]])

    def tokens(blocks: list[Block]) -> list[str]:
        return [
            f"{'item' if block.is_item else block.kind.value}:{word}"
            for block in blocks
            for word in facts_as_words(block.text).split()
        ]

    return difflib.SequenceMatcher(
        a=tokens(original), b=tokens(rendered.blocks), autojunk=False
    ).ratio()


def round_trip_similarity(*, school_notice: SchoolNotice, document: Document) -> float:
    sections, _ = sections_of(document)
    return _similarity(_original(sections), rendered_document(school_notice), school_notice.school)
