"""Which clause translations each offered language lacks or has fallen behind on."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from clauses.languages import language_name
from clauses.models import ClauseVersion, ClauseVersionTranslation
from notices.models import NoticeTypeTranslation


@dataclass(frozen=True)
class ClauseTranslationState:
    live: ClauseVersion
    translation: ClauseVersionTranslation | None  # the newest of a published version, if any

    @property
    def is_missing(self) -> bool:
        return self.translation is None

    @property
    def is_stale(self) -> bool:
        return self.translation is not None and self.translation.version.number < self.live.number


@dataclass
class LanguageReport:
    language: str
    notice_types: list[str] = field(default_factory=list)
    stale: list[ClauseTranslationState] = field(default_factory=list)
    missing: list[ClauseTranslationState] = field(default_factory=list)
    current: int = 0

    @property
    def name(self) -> str:
        return language_name(self.language)


def translation_reports() -> list[LanguageReport]:
    """Per offered language: the live clause versions with a stale or no translation."""
    offered = NoticeTypeTranslation.objects.select_related("notice_type").order_by("language")
    clauses_by_language: dict[str, set[int]] = defaultdict(set)
    reports: dict[str, LanguageReport] = {}
    for item in offered:
        report = reports.setdefault(item.language, LanguageReport(item.language))
        report.notice_types.append(item.notice_type.title)
        clauses_by_language[item.language].update(
            item.notice_type.items.values_list("clause_id", flat=True)
        )
    if not reports:
        return []
    live = {
        version.clause_id: version
        for version in ClauseVersion.objects.published().select_related("clause")
    }
    newest: dict[tuple[int, str], ClauseVersionTranslation] = {}
    for translation in (
        ClauseVersionTranslation.objects.filter(language__in=list(reports))
        .exclude(version__status=ClauseVersion.Status.DRAFT)
        .select_related("version")
        .order_by("version__number")
    ):
        newest[(translation.version.clause_id, translation.language)] = translation
    for language, report in reports.items():
        clause_ids = [c for c in clauses_by_language[language] if c in live]
        for clause_id in sorted(clause_ids, key=lambda c: live[c].clause.heading):
            state = ClauseTranslationState(live[clause_id], newest.get((clause_id, language)))
            if state.is_missing:
                report.missing.append(state)
            elif state.is_stale:
                report.stale.append(state)
            else:
                report.current += 1
    return list(reports.values())
