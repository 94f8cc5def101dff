"""Bootstrap a clause library from one existing notice.

Each heading of the notice becomes a clause (published as version 1) of a new notice type, in
order; every occurrence of the school's own facts becomes a placeholder, so the same library
can serve every other school. Rendering the new notice for the same school gives back the
original text.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from clauses.markup import validate_body
from clauses.models import Clause, ClauseVersion
from notices.models import NoticeType, NoticeTypeClause, SchoolNotice
from notices.publishing.inputs import InputsBuilder, school_facts, school_notices_for_publishing
from notices.publishing.rendering import render_sections
from onboarding.documents import Block, blocks, html_to_text, normalise_space
from schools.models import School

# Facts that become placeholders, longest values first so a name inside an email stays put.
FACT_PLACEHOLDERS = [
    "school.email",
    "school.data_request_email",
    "dpo.email",
    "school.website",
    "school.phone",
    "dpo.phone",
    "school.name",
    "school.headteacher",
    "dpo.name",
]
_SPECIAL = re.compile(r"([\\`*_\[\]<>#&{}!|~])")


@dataclass(frozen=True)
class TemplateImport:
    notice_type: NoticeType
    clauses: int
    placeholders: int
    similarity: float


def _escape(text: str) -> str:
    """Literal text as Markdown: nothing in it may turn into markup or a placeholder."""
    text = _SPECIAL.sub(r"\\\1", text)
    text = re.sub(r"^(\s*)([-+])(?=\s)", r"\1\\\2", text)  # not a bullet
    return re.sub(r"^(\s*\d+)([.)])(?=\s)", r"\1\\\2", text)  # not a numbered item


def _with_placeholders(text: str, facts: dict[str, str]) -> tuple[str, int]:
    values = sorted(
        ((facts[name], name) for name in FACT_PLACEHOLDERS if len(facts.get(name, "")) > 3),
        key=lambda pair: -len(pair[0]),
    )
    if not values:
        return _escape(text), 0
    pattern = re.compile("|".join(re.escape(value) for value, _ in values))
    names = dict(values)
    parts, count, position = [], 0, 0
    for match in pattern.finditer(text):
        parts.append(_escape(text[position : match.start()]))
        parts.append(f"{{{{ {names[match.group(0)]} }}}}")
        count += 1
        position = match.end()
    parts.append(_escape(text[position:]))
    return "".join(parts), count


def _body(section: list[Block], facts: dict[str, str]) -> tuple[str, int]:
    lines, count, previous_item = [], 0, False
    for block in section:
        text, found = _with_placeholders(block.text, facts)
        count += found
        if block.is_item:
            lines.append(("" if previous_item else "\n") + f"- {text}")
        else:
            lines.append(f"\n{text}")
        previous_item = block.is_item
    return "\n".join(lines).strip(), count


def sections_of(text: str) -> list[tuple[str, list[Block]]]:
    """Headings with the blocks under them; headings with nothing under them are titles."""
    sections: list[tuple[str, list[Block]]] = []
    for block in blocks(text):
        if block.is_heading or not sections:
            sections.append((block.text if block.is_heading else "Introduction", []))
            if block.is_heading:
                continue
        sections[-1][1].append(block)
    return [(heading, body) for heading, body in sections if body]


def _unique_key(base: str) -> str:
    key, number = base[:70] or "clause", 2
    while Clause.objects.filter(key=key).exists():
        key, number = f"{base[:66]}-{number}", number + 1
    return key


@transaction.atomic
def template_import(
    *, text: str, school: School, title: str, user: AbstractBaseUser | None = None
) -> TemplateImport:
    facts = school_facts(school)
    slug = _unique_slug(slugify(title)[:70] or "imported-notice")
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Imported from an existing notice of {school}.")
        notice_type = NoticeType(slug=slug, title=title, audience="Parents, carers and pupils")
        notice_type.full_clean()
        notice_type.save()
        placeholders = 0
        sections = sections_of(text)
        for position, (heading, section) in enumerate(sections):
            body, found = _body(section, facts)
            placeholders += found
            clause = Clause(
                key=_unique_key(f"{slug[:30]}-{slugify(heading)}"), heading=heading[:200]
            )
            clause.full_clean()
            clause.save()
            version = ClauseVersion(
                clause=clause,
                body=body,
                status=ClauseVersion.Status.PUBLISHED,
                published_at=timezone.now(),
                effective_date=timezone.localdate(),
                change_summary="Imported from an existing notice.",
                author=user,
            )
            errors = validate_body(body)
            if errors:
                raise ValueError(f"“{heading}” could not be imported: {' '.join(errors)}")
            version.save()
            NoticeTypeClause.objects.create(
                notice_type=notice_type, clause=clause, position=position
            )
        school_notice = SchoolNotice.objects.create(school=school, notice_type=notice_type)
    return TemplateImport(
        notice_type=notice_type,
        clauses=len(sections),
        placeholders=placeholders,
        similarity=round(round_trip_similarity(school_notice=school_notice, text=text), 4),
    )


def _unique_slug(base: str) -> str:
    slug, number = base, 2
    while NoticeType.objects.filter(slug=slug).exists():
        slug, number = f"{base[:66]}-{number}", number + 1
    return slug


def rendered_text(school_notice: SchoolNotice) -> str:
    school_notice = school_notices_for_publishing([school_notice.pk]).get()
    sections = render_sections(InputsBuilder().build(school_notice))
    return "\n\n".join(f"{s.heading}\n\n{html_to_text(s.html)}" for s in sections)


def round_trip_similarity(*, school_notice: SchoolNotice, text: str) -> float:
    """How much of the original text the rendered notice gives back (whitespace aside)."""
    original = " ".join(block.text for block in blocks(text))
    rendered = " ".join(block.text for block in blocks(rendered_text(school_notice)))
    return difflib.SequenceMatcher(
        a=normalise_space(original).split(), b=normalise_space(rendered).split(), autojunk=False
    ).ratio()
