"""The health checks with their data: outdated terms and closed partners from the database,
notices from their publications or drafts. Callers: onboarding, the clause editor, the dashboard."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from clauses.markup import PLACEHOLDERS, compile_body
from clauses.models import ClauseVersion
from notices.diff import notice_sections
from notices.models import Publication, SchoolNotice
from notices.publishing.rendering import notice_text
from schools.models import DataProtectionOfficer, SharingPartner

from .checks import Finding, HealthReport, Severity, TermEntry, TextSection, notice_health
from .checks.contacts import dpo_variants
from .checks.terms import CLOSED_PARTNER, term_findings
from .models import OutdatedTerm

PARTNER_GONE = {
    SharingPartner.Status.RENAMED: "{name} was renamed on {date:%-d %B %Y}.",
    SharingPartner.Status.MERGED: "{name} merged into another body on {date:%-d %B %Y}.",
    SharingPartner.Status.CLOSED: "{name} closed on {date:%-d %B %Y}.",
}
SUCCESSOR = "{successor} took on its work"
PARTNER_NAMES = "partner names"

_HREF_RE = re.compile(r'href="([^"]{1,2000})"')


def term_entries() -> tuple[TermEntry, ...]:
    """The outdated terms to look for: the maintained list, and every partner that was
    renamed, merged or closed (its successor is what to write instead)."""
    entries = [
        TermEntry(
            term=term.term,
            reason=term.reason,
            replacement=term.replacement,
            since=term.outdated_since,
            severity=Severity.ERROR if term.kind == OutdatedTerm.Kind.LAW else Severity.WARNING,
            is_law=term.kind == OutdatedTerm.Kind.LAW,
        )
        for term in OutdatedTerm.objects.active()
    ]
    for partner in SharingPartner.objects.no_longer_active().select_related("successor"):
        reason = PARTNER_GONE[partner.status].format(name=partner.name, date=partner.status_date)
        entries.append(
            TermEntry(
                term=partner.name,
                reason=reason,
                replacement=partner.successor.name if partner.successor else "",
                since=partner.status_date,
                severity=Severity.WARNING,
                check=CLOSED_PARTNER,
            )
        )
    return tuple(entries)


def html_sections(html: str) -> list[TextSection]:
    """A stored notice as sections to check, link targets included."""
    parts = re.split(r'(?=<section class="notice-section")', html)
    links_by_key: dict[str, tuple[str, ...]] = {}
    for part in parts:
        match = re.match(r'<section class="notice-section" id="([^"]+)"', part)
        if match:
            links_by_key[match.group(1)] = tuple(_HREF_RE.findall(part))
    return [
        TextSection(where=s.heading, text=s.text, links=links_by_key.get(s.key, ()))
        for s in notice_sections(html)
    ]


def publication_health(
    *, publication: Publication, terms: Sequence[TermEntry] | None = None
) -> HealthReport:
    school_notice = publication.school_notice
    return notice_health(
        sections=html_sections(publication.html),
        terms=term_entries() if terms is None else terms,
        facts=dict(publication.inputs.get("facts", {})),
        not_applicable=school_notice.notice_type.not_applicable_items,
    )


def clause_version_text(version: ClauseVersion) -> str:
    """A clause's text with each placeholder shown as what it stands for, e.g. [school name]."""
    facts = {name: f"[{p.label}]" for name, p in PLACEHOLDERS.items() if not p.is_block}
    html = compile_body(version.body).render(facts, {"partners": lambda: "<p>[partners]</p>"})
    html = html.replace("</p>", "</p>\n\n").replace("<li>", "\n- ")
    return notice_text(html)


def clause_version_health(*, version: ClauseVersion) -> HealthReport:
    """A draft on its own: outdated terms, private links, phones and its reading age."""
    section = TextSection(
        where=version.clause.heading,
        text=clause_version_text(version),
        links=tuple(_HREF_RE.findall(compile_body(version.body).render({}, {}))),
    )
    return notice_health(sections=[section], terms=term_entries(), whole_notice=False)


@dataclass
class AuthorityHealth:
    """Which published notices fail which checks, for the whole authority."""

    by_check: dict[str, list[tuple[SchoolNotice, list[Finding]]]] = field(default_factory=dict)
    reading_ages: list[tuple[SchoolNotice, int | None]] = field(default_factory=list)
    dpo_variants: list[Finding] = field(default_factory=list)
    partner_names: list[Finding] = field(default_factory=list)
    checked: int = 0

    @property
    def counts(self) -> list[tuple[str, int]]:
        return sorted(((check, len(rows)) for check, rows in self.by_check.items()))

    @property
    def is_clean(self) -> bool:
        return not (self.by_check or self.dpo_variants or self.partner_names)


def authority_health(
    *, publications: Iterable[Publication], dpos: Iterable[DataProtectionOfficer] = ()
) -> AuthorityHealth:
    """Every live publication checked, grouped by check, with one DPO written several ways
    and partner names that are out of date."""
    terms = term_entries()
    board = AuthorityHealth()
    by_check: dict[str, list[tuple[SchoolNotice, list[Finding]]]] = defaultdict(list)
    texts: list[tuple[str, list[TextSection]]] = []
    for publication in publications:
        school_notice = publication.school_notice
        report = publication_health(publication=publication, terms=terms)
        board.checked += 1
        board.reading_ages.append((school_notice, report.readability.reading_age))
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in report.findings:
            grouped[finding.check].append(finding)
        for check, findings in grouped.items():
            by_check[check].append((school_notice, findings))
        texts.append((school_notice.school.name, html_sections(publication.html)))
    board.by_check = dict(sorted(by_check.items()))
    board.reading_ages.sort(key=lambda row: -(row[1] or 0))
    board.dpo_variants = dpo_variants(
        notices=texts, records=[(str(d), d.phone, d.email) for d in dpos]
    )
    partners = list(SharingPartner.objects.all())
    board.partner_names = term_findings(
        sections=[TextSection(where=PARTNER_NAMES, text=p.name) for p in partners if p.is_active],
        entries=[t for t in terms if t.check != CLOSED_PARTNER],
    )
    return board


def closed_partner_warnings(*, school_notices: Iterable[SchoolNotice]) -> list[str]:
    """For publishing: partners these notices still list although they were renamed, merged or
    closed, each with who took on their work."""
    schools = {sn.school_id for sn in school_notices}
    authorities = set(
        SchoolNotice.objects.filter(school_id__in=schools).values_list(
            "school__local_authority_id", flat=True
        )
    )
    warnings: list[str] = []
    for partner in SharingPartner.objects.no_longer_active().select_related("successor"):
        listed = (
            partner.school_id in schools
            if partner.school_id
            else partner.local_authority_id in authorities
            if partner.local_authority_id
            else bool(schools)
        )
        if not listed:
            continue
        message = PARTNER_GONE[partner.status].format(name=partner.name, date=partner.status_date)
        if partner.successor:
            message += (
                " " + SUCCESSOR.format(successor=partner.successor.name) + ": list it instead."
            )
        warnings.append(message)
    return warnings
