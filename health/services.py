"""The health checks with their data: outdated terms and closed partners from the database,
notices from their publications or drafts. Callers: onboarding, the clause editor, the dashboard."""

from __future__ import annotations

import hashlib
import re
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from clauses.markup import PLACEHOLDERS, compile_body
from clauses.models import ClauseVersion
from notices.diff import notice_sections
from notices.models import Publication, SchoolNotice
from notices.publishing.rendering import notice_text
from notices.publishing.runs import school_notices_using
from schools.models import DataProtectionOfficer, SharingPartner

from .checks import Finding, HealthReport, Severity, TermEntry, TextSection, notice_health
from .checks.contacts import dpo_mentions, dpo_variants
from .checks.terms import CLOSED_PARTNER, term_findings
from .models import OutdatedTerm, PublicationHealth

PARTNER_GONE = {
    SharingPartner.Status.RENAMED: "{name} was renamed on {date:%-d %B %Y}.",
    SharingPartner.Status.MERGED: "{name} merged into another body on {date:%-d %B %Y}.",
    SharingPartner.Status.CLOSED: "{name} closed on {date:%-d %B %Y}.",
}
SUCCESSOR = "{successor} took on its work"
PARTNER_NAMES = "partner names"

_HREF_RE = re.compile(r'href="([^"]{1,2000})"')
# The contacts a stored notice opens with (our own markup, not user text).
_CONTACTS_RE = re.compile(
    r'<section class="notice-contacts"[^>]*>\s*<h2[^>]*>(?P<heading>.*?)</h2>'
    r"(?P<body>.*?)</section>",
    re.S,
)


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
    sections = [
        TextSection(where=s.heading, text=s.text, links=links_by_key.get(s.key, ()))
        for s in notice_sections(html)
    ]
    contacts = _CONTACTS_RE.search(html)
    if contacts:
        sections.insert(
            0,
            TextSection(
                where=" ".join(notice_text(contacts["heading"]).split()),
                text=" ".join(notice_text(contacts["body"].replace("</dd>", "</dd>. ")).split()),
                links=tuple(_HREF_RE.findall(contacts["body"])),
            ),
        )
    return sections


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


# Bump when a check changes what it finds, so stored results are checked again.
CHECKS_VERSION = "1"
# Notices checked for the first time on one dashboard load: the worker checks new publications
# after each run, so the dashboard only catches up on a few (a page must load in seconds).
HEALTH_CHECKED_PER_PAGE = 10


def terms_fingerprint(terms: Sequence[TermEntry]) -> str:
    rows = sorted(
        (t.term, t.reason, t.replacement, str(t.since), t.severity, t.check, t.is_law)
        for t in terms
    )
    return hashlib.sha256(repr((CHECKS_VERSION, rows)).encode()).hexdigest()


def publication_health_stored(
    *, publication: Publication, terms: Sequence[TermEntry], fingerprint: str
) -> PublicationHealth:
    """Check one publication and keep the result."""
    sections = html_sections(publication.html)
    report = notice_health(
        sections=sections,
        terms=terms,
        facts=dict(publication.inputs.get("facts", {})),
        not_applicable=publication.school_notice.notice_type.not_applicable_items,
    )
    row, _ = PublicationHealth.objects.update_or_create(
        publication=publication,
        defaults={
            "fingerprint": fingerprint,
            "findings": [finding.as_dict() for finding in report.findings],
            "coverage": [
                {**c.as_dict(), "label": c.label, "where": c.where} for c in report.coverage
            ],
            "reading_age": report.readability.reading_age,
            "longest": list(report.readability.longest),
            "dpo_mentions": [list(map(list, m)) for m in dpo_mentions(sections=sections)],
        },
    )
    return row


def publications_health(
    *, publications: Sequence[Publication], limit: int | None = None
) -> tuple[dict[int, PublicationHealth], int]:
    """The stored health of each publication, checking those never checked (or checked
    against other terms), at most `limit` of them; returns the results and how many wait."""
    terms = term_entries()
    fingerprint = terms_fingerprint(terms)
    stored = {
        row.publication_id: row
        for row in PublicationHealth.objects.filter(publication__in=publications)
    }
    results: dict[int, PublicationHealth] = {}
    waiting = 0
    for publication in publications:
        row = stored.get(publication.pk)
        if row is None or row.fingerprint != fingerprint:
            if limit is not None and limit <= 0:
                waiting += 1
                continue
            row = publication_health_stored(
                publication=publication, terms=terms, fingerprint=fingerprint
            )
            limit = None if limit is None else limit - 1
        results[publication.pk] = row
    return results, waiting


@dataclass
class AuthorityHealth:
    """Which published notices fail which checks, across the schools shown."""

    by_check: dict[str, list[tuple[SchoolNotice, list[Finding]]]] = field(default_factory=dict)
    reading_ages: list[tuple[SchoolNotice, int | None, list[str]]] = field(default_factory=list)
    dpo_variants: list[Finding] = field(default_factory=list)
    partner_names: list[Finding] = field(default_factory=list)
    checked: int = 0
    waiting: int = 0  # live notices not checked yet

    @property
    def counts(self) -> list[tuple[str, int]]:
        return [(check, len(rows)) for check, rows in self.by_check.items()]

    @property
    def is_clean(self) -> bool:
        return not (self.by_check or self.dpo_variants or self.partner_names)


def authority_health(
    *,
    publications: Sequence[Publication],
    dpos: Iterable[DataProtectionOfficer] = (),
    limit: int | None = HEALTH_CHECKED_PER_PAGE,
) -> AuthorityHealth:
    """Every live publication's health, grouped by check, with one DPO written several ways
    and partner names that are out of date."""
    rows, waiting = publications_health(publications=publications, limit=limit)
    board = AuthorityHealth(checked=len(rows), waiting=waiting)
    by_check: dict[str, list[tuple[SchoolNotice, list[Finding]]]] = defaultdict(list)
    mentions: list[tuple[str, list]] = []
    for publication in publications:
        row = rows.get(publication.pk)
        if row is None:
            continue
        school_notice = publication.school_notice
        board.reading_ages.append((school_notice, row.reading_age, row.longest))
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for data in row.findings:
            grouped[data["check"]].append(Finding(**data))
        for check, findings in grouped.items():
            by_check[check].append((school_notice, findings))
        mentions.append((school_notice.school.name, [tuple(m) for m in row.dpo_mentions]))
    board.by_check = dict(sorted(by_check.items(), key=lambda item: -len(item[1])))
    board.reading_ages.sort(key=lambda row: -(row[1] or 0))
    board.dpo_variants = dpo_variants(
        notices=mentions, records=[(str(d), d.phone, d.email) for d in dpos]
    )
    board.partner_names = term_findings(
        sections=[
            TextSection(where=PARTNER_NAMES, text=partner.name)
            for partner in SharingPartner.objects.filter(status=SharingPartner.Status.ACTIVE)
        ],
        entries=[t for t in term_entries() if t.check != CLOSED_PARTNER],
    )
    return board


@dataclass(frozen=True)
class DraftsHealth:
    """Before publishing drafts: each one's health, and partners the notices still list
    although they closed (with who took on their work)."""

    versions: list[tuple[ClauseVersion, HealthReport]]
    partners: list[str]

    @property
    def any(self) -> bool:
        return bool(self.partners) or any(report.findings for _, report in self.versions)


def drafts_health(*, versions: Sequence[ClauseVersion]) -> DraftsHealth:
    affected: set[int] = set()
    for version in versions:
        affected.update(school_notices_using(version.clause).values_list("pk", flat=True))
    return DraftsHealth(
        versions=[(version, clause_version_health(version=version)) for version in versions],
        partners=closed_partner_warnings(
            school_notices=SchoolNotice.objects.filter(pk__in=affected)
        ),
    )


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
