"""What needs a DPO's attention across every school: the data behind /admin/dashboard/."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

from django.utils import timezone

from clauses.models import Art13Item, Clause, ClauseVersion
from health.coverage import missing_summaries, uncovered
from health.services import AuthorityHealth, authority_health
from notices.models import NoticeType, PublishRun, SchoolNotice
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.selectors import live_publications
from schools.models import School

REVIEW_SOON_DAYS = 30
ACTIVITY_SCHOOLS_NAMED = 3

# The dashboard's "show" filter: what each choice keeps of the schools' rows.
SHOW_CHOICES = {
    "": "All schools",
    "behind": "Behind the latest clauses or facts",
    "failed": "Failed renders",
    "overdue": "Reviews overdue",
}


@dataclass(frozen=True)
class Activity:
    """A publish run in progress, named by the schools it covers and what started it."""

    run: PublishRun
    school_names: list[str]  # the first few, by name
    school_count: int

    @property
    def schools(self) -> str:
        if self.school_count == 0:
            return "No school"
        if self.school_count <= ACTIVITY_SCHOOLS_NAMED:
            return ", ".join(self.school_names)
        others = self.school_count - len(self.school_names)
        return (
            f"{', '.join(self.school_names)} and {others} other school{'s' if others != 1 else ''}"
        )


@dataclass(frozen=True)
class NoticeRow:
    school_notice: SchoolNotice
    live_number: int | None
    clause_versions: dict[str, int]  # clause key -> version number in the live publication
    behind: bool
    problems: list[str]
    gaps: list[Art13Item]
    cells: list[tuple[int | None, bool]]  # per clause column: version used, behind the live one


@dataclass
class Dashboard:
    notice_type: NoticeType | None
    rows: list[NoticeRow] = field(default_factory=list)
    clauses: list[Clause] = field(default_factory=list)
    live_versions: dict[str, int] = field(default_factory=dict)
    type_gaps: dict[NoticeType, list[Art13Item]] = field(default_factory=dict)
    # Warnings only: live clause versions without an "At a glance" summary, per notice type.
    summary_gaps: dict[NoticeType, list[ClauseVersion]] = field(default_factory=dict)
    running_runs: list[PublishRun] = field(default_factory=list)
    activity: list[Activity] = field(default_factory=list)
    show: str = ""
    failed_runs: list[PublishRun] = field(default_factory=list)
    today: date = field(default_factory=timezone.localdate)
    health: AuthorityHealth | None = None  # checks of the live notices' text

    @property
    def clause_columns(self) -> list[tuple[Clause, int | None]]:
        return [(clause, self.live_versions.get(clause.key)) for clause in self.clauses]

    @property
    def shown_rows(self) -> list[NoticeRow]:
        """The rows of the clause-version grid, narrowed by the "show" filter."""
        return {
            "behind": self.behind,
            "failed": self.failed,
            "overdue": self.reviews_overdue,
        }.get(self.show, self.rows)

    @property
    def behind(self) -> list[NoticeRow]:
        return [row for row in self.rows if row.behind]

    @property
    def never_published(self) -> list[NoticeRow]:
        return [row for row in self.rows if row.live_number is None]

    @property
    def missing_data(self) -> list[NoticeRow]:
        return [row for row in self.rows if row.problems]

    @property
    def failed(self) -> list[NoticeRow]:
        return [row for row in self.rows if row.school_notice.last_error]

    @property
    def gaps(self) -> list[NoticeRow]:
        return [row for row in self.rows if row.gaps]

    @property
    def reviews_overdue(self) -> list[NoticeRow]:
        return [
            row
            for row in self.rows
            if row.school_notice.review_date and row.school_notice.review_date < self.today
        ]

    @property
    def reviews_due(self) -> list[NoticeRow]:
        soon = self.today + timedelta(days=REVIEW_SOON_DAYS)
        return [
            row
            for row in self.rows
            if row.school_notice.review_date and self.today <= row.school_notice.review_date <= soon
        ]

    @property
    def is_clean(self) -> bool:
        return not (
            self.behind
            or self.never_published
            or self.missing_data
            or self.failed
            or self.gaps
            or self.reviews_overdue
            or self.type_gaps_any
        )

    @property
    def type_gaps_any(self) -> bool:
        return any(self.type_gaps.values())


def dashboard_build(
    *,
    notice_type: NoticeType | None,
    authority_id: int | None = None,
    dpo_id: int | None = None,
    show: str = "",
) -> Dashboard:
    """Every open school's notice of one type, with what is out of date, missing or failing."""
    board = Dashboard(notice_type=notice_type, show=show if show in SHOW_CHOICES else "")
    for each_type in NoticeType.objects.prefetch_related("items__clause"):
        live = set(
            ClauseVersion.objects.published()
            .filter(clause__notice_items__notice_type=each_type)
            .values_list("clause_id", flat=True)
        )
        clauses = [i.clause for i in each_type.items.all() if i.clause_id in live]
        board.type_gaps[each_type] = uncovered(
            clauses=clauses, not_applicable=each_type.not_applicable_items
        )
        board.summary_gaps[each_type] = missing_summaries(each_type)
    board.running_runs = list(
        PublishRun.objects.filter(finished_at__isnull=True).select_related("requested_by")[:10]
    )
    board.activity = [_activity(run) for run in board.running_runs]
    board.failed_runs = [
        run
        for run in PublishRun.objects.filter(finished_at__isnull=False)[:20]
        if run.status == "failed"
    ]
    if notice_type is None:
        return board

    items = list(notice_type.items.select_related("clause").order_by("position", "id"))
    board.clauses = [item.clause for item in items]
    board.live_versions = dict(
        ClauseVersion.objects.published()
        .filter(clause__in=board.clauses)
        .values_list("clause__key", "number")
    )
    queryset = school_notices_for_publishing().filter(notice_type=notice_type, school__is_open=True)
    if authority_id:
        queryset = queryset.filter(school__local_authority_id=authority_id)
    if dpo_id:
        queryset = queryset.filter(school__dpo_id=dpo_id)
    school_notices = list(queryset)
    live = live_publications([sn.pk for sn in school_notices])
    builder = InputsBuilder()
    for school_notice in school_notices:
        inputs = builder.build(school_notice)
        publication = live.get(school_notice.pk)
        omitted = {c.pk for c in school_notice.omitted_clauses.all()}
        used = {
            c["key"]: c["version_number"]
            for c in (publication.inputs["clauses"] if publication else [])
        }
        board.rows.append(
            NoticeRow(
                school_notice=school_notice,
                live_number=publication.number if publication else None,
                clause_versions=used,
                behind=publication is not None and publication.input_hash != inputs.hash,
                problems=inputs.problems(),
                gaps=uncovered(
                    clauses=[
                        item.clause
                        for item in items
                        if item.clause_id not in omitted and item.clause.key in board.live_versions
                    ],
                    not_applicable=notice_type.not_applicable_items,
                ),
                cells=[
                    (
                        used.get(clause.key),
                        used.get(clause.key) is not None
                        and used[clause.key] != board.live_versions.get(clause.key),
                    )
                    for clause in board.clauses
                ],
            )
        )
    publications = []
    for school_notice in school_notices:
        if (publication := live.get(school_notice.pk)) is not None:
            publication.school_notice = school_notice  # already loaded with its school
            publications.append(publication)
    board.health = authority_health(
        publications=publications,
        dpos={sn.school.dpo for sn in school_notices if sn.school.dpo is not None},
    )
    return board


def _activity(run: PublishRun) -> Activity:
    schools = School.objects.filter(notices__publish_runs=run).distinct().order_by("name")
    return Activity(
        run=run,
        school_names=list(schools.values_list("name", flat=True)[:ACTIVITY_SCHOOLS_NAMED]),
        school_count=schools.count(),
    )
