"""The one health check of a notice, whatever it comes from: an outside document being adopted,
a draft clause before publishing, or a published notice on the dashboard."""

from __future__ import annotations

from collections.abc import Collection, Sequence
from dataclasses import dataclass, field

from . import contacts, notice
from .coverage import Coverage, checklist, coverage_from_text
from .readability import Readability, readability, readability_findings
from .result import Finding, Severity, TextSection, sorted_findings
from .terms import THE_WHOLE_NOTICE, TermEntry, term_findings

COVERAGE = "coverage"
NOT_COVERED = "Nothing in the notice says: {label}."
ADD_IT = "Add it (UK GDPR Art. {article})."


@dataclass(frozen=True)
class HealthReport:
    findings: list[Finding]
    coverage: list[Coverage]
    readability: Readability
    sections: list[tuple[str, Readability]] = field(default_factory=list)

    def checks(self) -> set[str]:
        return {finding.check for finding in self.findings}

    def missing_items(self) -> list[str]:
        return [c.item for c in self.coverage if not c.covered]


def coverage_findings(
    *, coverage: Sequence[Coverage], not_applicable: Collection[str]
) -> list[Finding]:
    """Items a notice must cover and does not (the ICO's "if applicable" items aside)."""
    articles = {item.key: item.article for item in checklist()}
    return [
        Finding(
            COVERAGE,
            Severity.WARNING,
            THE_WHOLE_NOTICE,
            NOT_COVERED.format(label=c.label.lower()),
            ADD_IT.format(article=articles[c.item]),
        )
        for c in coverage
        if not c.covered and not c.if_applicable and c.item not in not_applicable
    ]


def notice_health(
    *,
    sections: Sequence[TextSection],
    terms: Sequence[TermEntry] = (),
    facts: dict[str, str] | None = None,
    not_applicable: Collection[str] = (),
    whole_notice: bool = True,
    per_section: bool = False,
) -> HealthReport:
    """Every check on a notice's sections. `whole_notice=False` (one clause on its own) skips
    what only a whole notice can show: coverage, a DPO and a complaints route. `per_section`
    adds each section's reading age."""
    findings: list[Finding] = []
    if facts:
        findings += contacts.record_findings(facts=facts)
    findings += term_findings(sections=sections, entries=terms)
    findings += notice.private_links(sections=sections)
    findings += contacts.text_findings(sections=sections)
    coverage = coverage_from_text(sections=sections)
    if whole_notice:
        findings += notice.missing_dpo(sections=sections)
        findings += notice.complaints_first(sections=sections)
        findings += coverage_findings(coverage=coverage, not_applicable=not_applicable)
    section_scores = [(s.where, readability(s.text)) for s in sections] if per_section else []
    overall = readability("\n\n".join(s.text for s in sections))
    findings += (
        readability_findings(
            score=overall, where=THE_WHOLE_NOTICE if whole_notice else sections[0].where
        )
        if sections
        else []
    )
    return HealthReport(
        findings=sorted_findings(findings),
        coverage=coverage,
        readability=overall,
        sections=section_scores,
    )
