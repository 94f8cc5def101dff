"""What publishing chosen notices now would do: the admin list actions' confirmation page.

The same checks the publish run makes (missing facts, another school's contact details) decide
what cannot be published; closed schools are skipped; Art. 13 gaps are shown but do not stop a
notice. Everything is read with a fixed number of queries however many schools are chosen,
besides two for each distinct set of clauses a school leaves out (the coverage check).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet

from clauses.models import Art13Item
from health.coverage import gap_message, school_notice_gaps
from notices.dpo.preview import Blocked
from notices.models import NoticeType, SchoolNotice
from notices.publishing.guard import foreign_contacts
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.selectors import live_input_hashes


@dataclass(frozen=True)
class CoverageGap:
    """Art. 13 items a notice type leaves uncovered at some of the schools being published."""

    notice_type: NoticeType
    items: list[Art13Item]
    school_notices: list[SchoolNotice]

    @property
    def message(self) -> str:
        return gap_message(self.notice_type, self.items)


@dataclass(frozen=True)
class SelectionPlan:
    """What publishing the chosen school notices would do, for a DPO to check before confirming."""

    blocked: list[Blocked]  # would fail in the run, and why: they keep their live notice
    closed: list[SchoolNotice]  # their school has closed: skipped
    gaps: list[CoverageGap]  # published all the same, but not covering everything
    ready: list[SchoolNotice]  # what the run publishes
    unchanged: int  # of those ready, how many are already up to date (nothing new is published)

    @property
    def notice_count(self) -> int:
        return len(self.ready)

    @property
    def school_count(self) -> int:
        return len({school_notice.school_id for school_notice in self.ready})

    @property
    def changing_count(self) -> int:
        return self.notice_count - self.unchanged

    @property
    def blocked_school_count(self) -> int:
        return len({blocked.school_notice.school_id for blocked in self.blocked})

    @property
    def closed_school_count(self) -> int:
        return len({school_notice.school_id for school_notice in self.closed})

    @property
    def fingerprint(self) -> str:
        """A digest of exactly which notices would be published: confirming checks it again."""
        ids = ",".join(str(pk) for pk in sorted(sn.pk for sn in self.ready))
        return hashlib.sha256(ids.encode()).hexdigest()


def notice_types_publish_plan(*, notice_types: QuerySet[NoticeType]) -> SelectionPlan:
    """Publishing the notice types to every school that has them."""
    return school_notices_publish_plan(
        school_notices=SchoolNotice.objects.filter(notice_type__in=notice_types)
    )


def school_notices_publish_plan(*, school_notices: QuerySet[SchoolNotice]) -> SelectionPlan:
    """Publishing these school notices now: what is skipped and why, and what goes ahead."""
    chosen = school_notices_for_publishing().filter(pk__in=school_notices.values("pk"))
    builder = InputsBuilder()
    blocked: list[Blocked] = []
    closed: list[SchoolNotice] = []
    ready: list[SchoolNotice] = []
    hashes: dict[int, str] = {}
    for school_notice in chosen:
        if not school_notice.school.is_open:
            closed.append(school_notice)
            continue
        inputs = builder.build(school_notice)
        problems = inputs.problems() or foreign_contacts(inputs=inputs, index=builder.contacts())
        if problems:
            blocked.append(Blocked(school_notice, problems))
            continue
        ready.append(school_notice)
        hashes[school_notice.pk] = inputs.hash
    live = live_input_hashes(list(hashes))
    return SelectionPlan(
        blocked=blocked,
        closed=closed,
        gaps=_coverage_gaps(ready),
        ready=ready,
        unchanged=sum(1 for pk, hashed in hashes.items() if live.get(pk) == hashed),
    )


def _coverage_gaps(school_notices: Iterable[SchoolNotice]) -> list[CoverageGap]:
    """The notices with Art. 13 gaps, grouped by notice type and the items missing.

    Notices that leave out the same clauses have the same gaps: each such set is checked once.
    """
    checked: dict[tuple[int, frozenset[int]], list[Art13Item]] = {}
    groups: dict[tuple[int, tuple[Art13Item, ...]], CoverageGap] = {}
    for school_notice in school_notices:
        omitted = frozenset(clause.pk for clause in school_notice.omitted_clauses.all())
        key = (school_notice.notice_type_id, omitted)
        if key not in checked:
            checked[key] = school_notice_gaps(school_notice)
        items = checked[key]
        if items:
            group = groups.setdefault(
                (school_notice.notice_type_id, tuple(items)),
                CoverageGap(school_notice.notice_type, items, []),
            )
            group.school_notices.append(school_notice)
    return list(groups.values())
