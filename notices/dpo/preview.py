"""What a draft clause version would do before it is published: a preview and its impact."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.models import Q
from django.utils import timezone

from clauses.models import ClauseVersion
from clauses.services import clause_version_publish_problems
from notices.diff import SectionDiff, changed_sections
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
    changes: list[SectionDiff]  # what differs from the school's live notice


# How many matching schools the preview's school search lists when the text fits several.
PICKER_MATCHES_SHOWN = 50
PICKER_QUERY_MAX_CHARS = 200


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
    changes = changed_sections(live.html if live else "", html)
    return Preview(
        school_notice=school_notice, html=html, problems=inputs.problems(), changes=changes
    )


def preview_matches(
    *, version: ClauseVersion, query: str, notice_type_id: int | None
) -> list[SchoolNotice]:
    """The notices using the clause whose school's name (or URN) matches what was typed.

    An exact name wins outright, so choosing a name from the list always finds one school.
    """
    query = " ".join(query.split())[:PICKER_QUERY_MAX_CHARS]
    if not query:
        return []
    candidates = school_notices_using(version.clause).select_related("school", "notice_type")
    if notice_type_id is not None:
        candidates = candidates.filter(notice_type_id=notice_type_id)
    exact = list(candidates.filter(school__name__iexact=query).order_by("notice_type__title"))
    if exact:
        return exact
    return list(
        candidates.filter(Q(school__name__icontains=query) | Q(school__urn=query)).order_by(
            "school__name", "notice_type__title"
        )[:PICKER_MATCHES_SHOWN]
    )


def version_impact(*, version: ClauseVersion) -> list[Impact]:
    """Every school notice the version would change, with a word-level diff of each."""
    return versions_impact(versions=[version])


def versions_impact(*, versions: Sequence[ClauseVersion]) -> list[Impact]:
    """Every school notice that publishing these versions together would change or fail."""
    builder = InputsBuilder(overrides={version.clause_id: version for version in versions})
    ids: set[int] = set()
    for version in versions:
        ids.update(school_notices_using(version.clause).values_list("pk", flat=True))
    affected = school_notices_for_publishing(ids)
    live_by_notice = live_publications([sn.pk for sn in affected])
    impacts: list[Impact] = []
    for school_notice in affected:
        inputs = builder.build(school_notice)
        live = live_by_notice.get(school_notice.pk)
        new_html = render_notice_html(
            inputs=inputs, number=(live.number + 1) if live else 1, published_at=timezone.now()
        )
        sections = changed_sections(live.html if live else "", new_html)
        if sections or inputs.problems():
            impacts.append(Impact(school_notice, live, sections, inputs.problems()))
    return impacts


# Words of unchanged text kept on each side of a change: enough to place it, and short enough
# that the same edit reads the same at every school and is shown once.
CONTEXT_WORDS = 10


def _trimmed(section: SectionDiff) -> SectionDiff:
    parts: list[tuple[str, str]] = []
    last = len(section.parts) - 1
    for index, (op, text) in enumerate(section.parts):
        words = text.split()
        if op == "equal" and len(words) > CONTEXT_WORDS:
            if index == 0:
                text = "… " + " ".join(words[-CONTEXT_WORDS:])
            elif index == last:
                text = " ".join(words[:CONTEXT_WORDS]) + " …"
            elif len(words) > 2 * CONTEXT_WORDS:
                text = " ".join([*words[:CONTEXT_WORDS], "…", *words[-CONTEXT_WORDS:]])
        parts.append((op, text))
    return SectionDiff(section.key, section.heading, section.status, parts)


@dataclass(frozen=True)
class Change:
    """One distinct change and every school notice it applies to."""

    sections: list[SectionDiff]
    school_notices: list[SchoolNotice]

    @property
    def school_count(self) -> int:
        return len({school_notice.school_id for school_notice in self.school_notices})


@dataclass(frozen=True)
class Blocked:
    school_notice: SchoolNotice
    problems: list[str]


@dataclass(frozen=True)
class VersionCheck:
    version: ClauseVersion
    problems: list[str]


@dataclass(frozen=True)
class PublishPlan:
    """What publishing some drafts everywhere would do, for a DPO to check before confirming."""

    versions: list[VersionCheck]
    changes: list[Change]  # distinct, the most widespread first
    blocked: list[Blocked]  # notices that would stay as they are, and why

    @property
    def can_publish(self) -> bool:
        return bool(self.versions) and not any(check.problems for check in self.versions)

    @property
    def notice_count(self) -> int:
        return sum(len(change.school_notices) for change in self.changes)

    @property
    def school_count(self) -> int:
        return len({sn.school_id for change in self.changes for sn in change.school_notices})

    @property
    def blocked_school_count(self) -> int:
        return len({blocked.school_notice.school_id for blocked in self.blocked})


def publish_plan(*, versions: Sequence[ClauseVersion]) -> PublishPlan:
    """The impact of publishing the versions, each distinct change once with its schools."""
    groups: dict[tuple, Change] = {}
    blocked: list[Blocked] = []
    for impact in versions_impact(versions=versions):
        if impact.problems:
            blocked.append(Blocked(impact.school_notice, impact.problems))
            continue
        sections = [_trimmed(section) for section in impact.sections]
        key = tuple((s.key, s.heading, s.status, tuple(s.parts)) for s in sections)
        groups.setdefault(key, Change(sections, [])).school_notices.append(impact.school_notice)
    return PublishPlan(
        versions=[
            VersionCheck(version, clause_version_publish_problems(version=version))
            for version in versions
        ],
        changes=sorted(groups.values(), key=lambda change: -len(change.school_notices)),
        blocked=blocked,
    )
