"""What a draft clause version would do before it is published: a preview and its impact."""

from __future__ import annotations

from dataclasses import dataclass

from django.utils import timezone

from clauses.models import ClauseVersion
from notices.diff import SectionDiff, compare_notices
from notices.models import Publication, SchoolNotice
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.publishing.rendering import render_notice_html
from notices.publishing.runs import school_notices_using
from notices.selectors import live_publications


@dataclass(frozen=True)
class Preview:
    school_notice: SchoolNotice
    html: str
    problems: list[str]


@dataclass(frozen=True)
class Impact:
    school_notice: SchoolNotice
    live: Publication | None
    sections: list[SectionDiff]  # only the sections that change
    problems: list[str]


def version_preview(*, version: ClauseVersion, school_notice: SchoolNotice) -> Preview:
    """The school's notice as it would read with this version of the clause."""
    inputs = InputsBuilder(overrides={version.clause_id: version}).build(school_notice)
    live = school_notice.live_publication()
    html = render_notice_html(
        inputs=inputs, number=(live.number + 1) if live else 1, published_at=timezone.now()
    )
    return Preview(school_notice=school_notice, html=html, problems=inputs.problems())


def version_impact(*, version: ClauseVersion) -> list[Impact]:
    """Every school notice the version would change, with a word-level diff of each."""
    builder = InputsBuilder(overrides={version.clause_id: version})
    affected = school_notices_for_publishing(
        school_notices_using(version.clause).values_list("pk", flat=True)
    )
    live_by_notice = live_publications([sn.pk for sn in affected])
    impacts: list[Impact] = []
    for school_notice in affected:
        inputs = builder.build(school_notice)
        live = live_by_notice.get(school_notice.pk)
        new_html = render_notice_html(
            inputs=inputs, number=(live.number + 1) if live else 1, published_at=timezone.now()
        )
        sections = [
            section
            for section in compare_notices(live.html if live else "", new_html)
            if section.status != "unchanged"
        ]
        if sections or inputs.problems():
            impacts.append(Impact(school_notice, live, sections, inputs.problems()))
    return impacts
