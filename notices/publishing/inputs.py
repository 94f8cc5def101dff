"""Everything a school's notice is rendered from, gathered once and hashed.

Building inputs reads the database; everything after (rendering HTML, hashing, comparing with
the last publication) is pure. `InputsBuilder` loads the shared parts (clause versions, national
and authority partners) once, so publishing hundreds of schools costs a handful of queries.
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import asdict, dataclass, field, replace
from functools import cached_property

from clauses.markup import PLACEHOLDERS, compile_body
from clauses.models import Art13Item, ClauseVersion, ClauseVersionTranslation
from notices.models import NoticeType, SchoolNotice
from notices.publishing.guard import ContactIndex
from schools.models import School, SharingPartner
from schools.validators import strip_forbidden_characters

# Bump when the notice templates change what a publication looks like, so every notice
# re-publishes with the new layout.
RENDERER_VERSION = "2"

MISSING_FACT = "{school} has no {field}, which the clause “{clause}” needs."
NO_PARTNERS = "{school} has no sharing partners, which the clause “{clause}” lists."
NO_CLAUSES = "“{notice_type}” has no published clauses for {school}."


@dataclass(frozen=True)
class ClauseInput:
    key: str
    heading: str
    version_id: int
    version_number: int
    body: str
    summary: str = ""
    change_summary: str = ""


@dataclass(frozen=True)
class PartnerInput:
    name: str
    category: str
    purpose: str
    lawful_basis: str
    privacy_notice_url: str
    school_note: str


@dataclass(frozen=True)
class TranslatedClause:
    key: str
    heading: str
    body: str
    summary: str
    # "current": translates the version in the notice; "behind": translates an older one;
    # "missing": no translation at all, so the English is shown (marked as English).
    status: str
    translated_version: int = 0


@dataclass(frozen=True)
class TranslationInputs:
    language: str
    notice_title: str
    audience: str
    facts: dict[str, str]  # the facts that read differently in this language (a Welsh name)
    clauses: tuple[TranslatedClause, ...]

    @property
    def behind(self) -> list[str]:
        return [clause.key for clause in self.clauses if clause.status != "current"]


# Facts with a form of their own in a language, where the school records one.
LANGUAGE_FACTS: dict[str, dict[str, str]] = {"cy": {"school.name": "name_cy"}}


def language_facts(school: School, language: str) -> dict[str, str]:
    facts = {}
    for name, attribute in LANGUAGE_FACTS.get(language, {}).items():
        value = " ".join(str(getattr(school, attribute, "") or "").split())
        if value:
            facts[name] = value
    return facts


@dataclass(frozen=True)
class NoticeInputs:
    school_notice_id: int
    school_slug: str
    school_name: str
    notice_type_slug: str
    notice_title: str
    audience: str
    is_primary: bool
    review_date: str
    facts: dict[str, str]
    partners: tuple[PartnerInput, ...]
    clauses: tuple[ClauseInput, ...]
    # The section that says how to complain, linked from the contacts at the top of the notice.
    complaint_key: str = ""
    translations: tuple[TranslationInputs, ...] = ()
    renderer_version: str = RENDERER_VERSION
    hash: str = field(default="", compare=False)

    @cached_property
    def _snapshot(self) -> dict:
        return {
            "school_notice_id": self.school_notice_id,
            "school_slug": self.school_slug,
            "school_name": self.school_name,
            "notice_type_slug": self.notice_type_slug,
            "notice_title": self.notice_title,
            "audience": self.audience,
            "is_primary": self.is_primary,
            "review_date": self.review_date,
            "facts": dict(self.facts),
            # The fields are plain strings and numbers: a copy of each is what asdict() makes.
            "partners": [dict(vars(partner)) for partner in self.partners],
            "clauses": [dict(vars(clause)) for clause in self.clauses],
            "complaint_key": self.complaint_key,
            "translations": [asdict(translation) for translation in self.translations],
            "renderer_version": self.renderer_version,
        }

    def snapshot(self) -> dict:
        """A JSON-able record of the inputs (lists, as read back), stored with the publication."""
        return self._snapshot

    def problems(self) -> list[str]:
        """Why this notice cannot be published: missing facts, named by school, field, clause."""
        problems: list[str] = []
        if not self.clauses:
            problems.append(
                NO_CLAUSES.format(notice_type=self.notice_title, school=self.school_name)
            )
        for clause in self.clauses:
            used = (
                compile_body(clause.body).placeholders + compile_body(clause.summary).placeholders
            )
            for name in dict.fromkeys(used):
                placeholder = PLACEHOLDERS[name]
                if placeholder.is_block:
                    if name == "partners" and not self.partners:
                        problems.append(
                            NO_PARTNERS.format(school=self.school_name, clause=clause.heading)
                        )
                elif not self.facts.get(name):
                    problems.append(
                        MISSING_FACT.format(
                            school=self.school_name, field=placeholder.label, clause=clause.heading
                        )
                    )
        return problems


def inputs_hash(snapshot: dict) -> str:
    canonical = json.dumps(snapshot, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode()).hexdigest()


def school_facts(school: School) -> dict[str, str]:
    """The value of every text placeholder for this school ('' where it has none)."""
    sources = {"school": school, "dpo": school.dpo, "authority": school.local_authority}
    facts: dict[str, str] = {}
    for name, placeholder in PLACEHOLDERS.items():
        if placeholder.is_block:
            continue
        source_name, attribute = name.split(".", 1)
        source = sources[source_name]
        value = getattr(source, attribute, "") if source is not None else ""
        facts[name] = " ".join(strip_forbidden_characters(str(value or "")).split())
    return facts


class InputsBuilder:
    """Builds `NoticeInputs` for many school notices with a fixed, small number of queries."""

    def __init__(self, *, overrides: Mapping[int, ClauseVersion] | None = None) -> None:
        """`overrides` maps a clause id to a (draft) version to use instead of the live one."""
        self._overrides = dict(overrides or {})
        self._clauses: dict[int, list[tuple[int, bool, ClauseInput]]] = {}
        self._partners: dict[tuple[str, int | None], list[PartnerInput]] | None = None
        self._complaint_keys: set[str] = set()
        self._translations: dict[int, dict[tuple[str, str], ClauseVersionTranslation]] = {}
        self._contacts: ContactIndex | None = None

    def contacts(self) -> ContactIndex:
        """Every school's contact details, loaded once (one query) for the guard at publishing."""
        if self._contacts is None:
            self._contacts = ContactIndex.load()
        return self._contacts

    def _type_clauses(self, notice_type: NoticeType) -> list[tuple[int, bool, ClauseInput]]:
        if notice_type.pk not in self._clauses:
            live = {
                v.clause_id: v
                for v in ClauseVersion.objects.published().filter(
                    clause__notice_items__notice_type=notice_type
                )
            }
            rows = []
            for item in notice_type.items.select_related("clause").order_by("position", "id"):
                version = self._overrides.get(item.clause_id) or live.get(item.clause_id)
                if version is None:
                    continue  # no published version: the clause is not part of any notice yet
                if Art13Item.COMPLAINT in item.clause.art13_items:
                    self._complaint_keys.add(item.clause.key)
                rows.append(
                    (
                        item.clause_id,
                        item.clause.required,
                        ClauseInput(
                            key=item.clause.key,
                            heading=strip_forbidden_characters(item.clause.heading),
                            version_id=version.pk,
                            version_number=version.number,
                            body=strip_forbidden_characters(version.body),
                            summary=strip_forbidden_characters(version.summary),
                            change_summary=version.change_summary,
                        ),
                    )
                )
            self._clauses[notice_type.pk] = rows
        return self._clauses[notice_type.pk]

    def _type_translations(
        self, notice_type: NoticeType
    ) -> dict[tuple[str, str], ClauseVersionTranslation]:
        """For each (clause key, language): the newest translation of the version in use or
        of an earlier published one (a draft's translation only when previewing that draft)."""
        if notice_type.pk not in self._translations:
            used = {clause.key: clause for _, _, clause in self._type_clauses(notice_type)}
            languages = notice_type.languages()
            chosen: dict[tuple[str, str], ClauseVersionTranslation] = {}
            candidates = ClauseVersionTranslation.objects.filter(
                version__clause__key__in=list(used), language__in=languages
            ).select_related("version__clause")
            for translation in candidates:
                version = translation.version
                clause = used[version.clause.key]
                usable = version.number <= clause.version_number and (
                    version.status != ClauseVersion.Status.DRAFT or version.pk == clause.version_id
                )
                key = (version.clause.key, translation.language)
                if usable and (key not in chosen or chosen[key].version.number < version.number):
                    chosen[key] = translation
            self._translations[notice_type.pk] = chosen
        return self._translations[notice_type.pk]

    def _translation_inputs(
        self, school_notice: SchoolNotice, clauses: tuple[ClauseInput, ...]
    ) -> tuple[TranslationInputs, ...]:
        notice_type = school_notice.notice_type
        offered = {t.language: t for t in notice_type.translations.all()}
        chosen = self._type_translations(notice_type)
        translations = []
        for language in school_notice.languages:
            if language not in offered:
                continue
            translated = []
            for clause in clauses:
                found = chosen.get((clause.key, language))
                if found is None:
                    translated.append(
                        TranslatedClause(
                            clause.key, clause.heading, clause.body, clause.summary, "missing"
                        )
                    )
                    continue
                number = found.version.number
                translated.append(
                    TranslatedClause(
                        key=clause.key,
                        heading=found.heading,
                        body=found.body,
                        summary=found.summary,
                        status="current" if number == clause.version_number else "behind",
                        translated_version=number,
                    )
                )
            translations.append(
                TranslationInputs(
                    language=language,
                    notice_title=offered[language].title,
                    audience=offered[language].audience,
                    facts=language_facts(school_notice.school, language),
                    clauses=tuple(translated),
                )
            )
        return tuple(translations)

    def _all_partners(self) -> dict[tuple[str, int | None], list[PartnerInput]]:
        if self._partners is None:
            grouped: dict[tuple[str, int | None], list[PartnerInput]] = defaultdict(list)
            for partner in SharingPartner.objects.order_by("category", "name"):
                if partner.school_id:
                    key = ("school", partner.school_id)
                elif partner.local_authority_id:
                    key = ("authority", partner.local_authority_id)
                else:
                    key = ("national", None)
                grouped[key].append(
                    PartnerInput(
                        name=strip_forbidden_characters(partner.name),
                        category=partner.get_category_display(),
                        purpose=strip_forbidden_characters(partner.purpose),
                        lawful_basis=strip_forbidden_characters(partner.lawful_basis_text()),
                        privacy_notice_url=strip_forbidden_characters(partner.privacy_notice_url),
                        school_note=strip_forbidden_characters(partner.school_note),
                    )
                )
            self._partners = grouped
        return self._partners

    def partners_for(self, school: School) -> tuple[PartnerInput, ...]:
        grouped = self._all_partners()
        partners = [
            *grouped.get(("national", None), []),
            *grouped.get(("authority", school.local_authority_id), []),
            *grouped.get(("school", school.pk), []),
        ]
        return tuple(sorted(partners, key=lambda p: (p.category, p.name)))

    def build(self, school_notice: SchoolNotice) -> NoticeInputs:
        school = school_notice.school
        notice_type = school_notice.notice_type
        omitted = {c.pk for c in school_notice.omitted_clauses.all()}
        clauses = tuple(
            clause
            for clause_id, required, clause in self._type_clauses(notice_type)
            if required or clause_id not in omitted
        )
        complaint_key = next(
            (clause.key for clause in clauses if clause.key in self._complaint_keys),
            "",
        )
        inputs = NoticeInputs(
            school_notice_id=school_notice.pk,
            school_slug=school.slug,
            school_name=school.name,
            notice_type_slug=notice_type.slug,
            notice_title=notice_type.title,
            audience=notice_type.audience,
            is_primary=notice_type.is_primary,
            review_date=school_notice.review_date.isoformat() if school_notice.review_date else "",
            facts=school_facts(school),
            partners=self.partners_for(school),
            clauses=clauses,
            complaint_key=complaint_key,
            translations=self._translation_inputs(school_notice, clauses),
        )
        snapshot = inputs.snapshot()
        hashed = replace(inputs, hash=inputs_hash(snapshot))
        hashed.__dict__["_snapshot"] = snapshot  # the same inputs: reuse, do not rebuild
        return hashed


def school_notices_for_publishing(ids: Iterable[int] | None = None):  # type: ignore[no-untyped-def]
    """School notices with everything `InputsBuilder.build` reads, loaded up front."""
    queryset = SchoolNotice.objects.select_related(
        "school__local_authority", "school__dpo", "notice_type"
    ).prefetch_related("omitted_clauses", "notice_type__translations")
    if ids is not None:
        queryset = queryset.filter(pk__in=list(ids))
    return queryset.order_by("school__name", "notice_type__title")
