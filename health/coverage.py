"""UK GDPR Art. 13 coverage: which of the ICO's items a notice's clauses leave uncovered."""

from __future__ import annotations

from collections.abc import Iterable

from clauses.models import Art13Item, Clause, ClauseVersion
from notices.models import NoticeType, SchoolNotice

COVERAGE_GAP = "“{notice}” does not cover: {items}."


def _published_clauses(notice_type: NoticeType) -> list[Clause]:
    live = set(
        ClauseVersion.objects.published()
        .filter(clause__notice_items__notice_type=notice_type)
        .values_list("clause_id", flat=True)
    )
    return [
        item.clause for item in notice_type.items.select_related("clause") if item.clause_id in live
    ]


def uncovered(*, clauses: Iterable[Clause], not_applicable: Iterable[str]) -> list[Art13Item]:
    covered = {item for clause in clauses for item in clause.art13_items}
    skipped = set(not_applicable)
    return [item for item in Art13Item if item not in covered and item not in skipped]


def notice_type_gaps(notice_type: NoticeType) -> list[Art13Item]:
    return uncovered(
        clauses=_published_clauses(notice_type), not_applicable=notice_type.not_applicable_items
    )


def school_notice_gaps(school_notice: SchoolNotice) -> list[Art13Item]:
    """Gaps of the school's notice: its type's, plus items only its omitted clauses covered.

    A required clause is published even where a school omits it, so it still covers its items.
    """
    omitted = {clause.pk for clause in school_notice.omitted_clauses.all()}
    clauses = [
        clause
        for clause in _published_clauses(school_notice.notice_type)
        if clause.required or clause.pk not in omitted
    ]
    return uncovered(clauses=clauses, not_applicable=school_notice.notice_type.not_applicable_items)


def gap_message(notice: object, gaps: list[Art13Item]) -> str:
    return COVERAGE_GAP.format(notice=notice, items="; ".join(item.label for item in gaps))


def missing_summaries(notice_type: NoticeType) -> list[ClauseVersion]:
    """The live versions of the type's clauses that have no summary, in notice order.

    A warning, not a blocker: such a section shows only its heading under "At a glance".
    """
    live = {
        version.clause_id: version
        for version in ClauseVersion.objects.published()
        .filter(clause__notice_items__notice_type=notice_type)
        .select_related("clause")
    }
    return [
        live[item.clause_id]
        for item in notice_type.items.order_by("position", "id")
        if item.clause_id in live and not live[item.clause_id].summary.strip()
    ]
