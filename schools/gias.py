"""Import schools from the DfE "Get Information About Schools" (GIAS) establishment export.

Columns are matched by name, never by position: they come and go between years. The file is
published as ISO-8859-1 (Windows-1252 in practice) and often re-saved as UTF-8; both are read.
Each row is written in its own transaction and revision, so one bad row never stops the others
and is never half-written.
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify

from .models import LocalAuthority, School
from .validators import normalise_phone, normalise_postcode

REQUIRED_COLUMNS = ["URN", "EstablishmentName", "LA (code)", "LA (name)"]
MISSING_COLUMNS = "This is not a GIAS establishment export: it has no column {columns}."
NOT_TEXT = "This is not a CSV file (it is not text in UTF-8 or Windows-1252)."
BROKEN_CSV = "Line {line} cannot be read as CSV ({problem}); nothing was imported."
WRONG_COLUMNS = "expected {expected} columns, found {found}"
CLOSED = "closed ({status})"
# Establishments in these states are schools today: their notices are published. Others (such as
# "Proposed to open") are imported, so their details are ready, but are not published.
PUBLISHED_STATUSES = {"open", "open, but proposed to close"}
OTHER_AUTHORITY = "another local authority ({code})"
NOT_APPLICABLE = {"", "not applicable", "not recorded"}

PHASES = {
    "nursery": School.Phase.NURSERY,
    "primary": School.Phase.PRIMARY,
    "middle deemed primary": School.Phase.MIDDLE,
    "middle deemed secondary": School.Phase.MIDDLE,
    "secondary": School.Phase.SECONDARY,
    "all-through": School.Phase.ALL_THROUGH,
    "all through": School.Phase.ALL_THROUGH,
    "16 plus": School.Phase.SIXTH_FORM,
}
# Fields an import keeps up to date; anything else (DPO, contacts for data requests) is ours.
IMPORTED_FIELDS = [
    "name",
    "local_authority",
    "phase",
    "establishment_type",
    "street",
    "locality",
    "town",
    "postcode",
    "phone",
    "website",
    "headteacher",
    "establishment_status",
    "is_open",
]


@dataclass
class ImportReport:
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    skipped: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    invalid: list[tuple[int, str]] = field(default_factory=list)  # (line, reason)
    not_published: list[tuple[str, str]] = field(default_factory=list)  # (URN, status)
    authorities_created: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (
            f"Created {len(self.created)}, updated {len(self.updated)}, "
            f"unchanged {len(self.unchanged)}, skipped {len(self.skipped)}, "
            f"invalid {len(self.invalid)}."
        )


def decode(content: bytes) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252 as GIAS publishes it."""
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return content.decode("cp1252")
    except UnicodeDecodeError as error:
        raise ValidationError(NOT_TEXT) from error


def _phase(row: dict[str, str]) -> str:
    phase = row.get("PhaseOfEducation (name)", "").strip().lower()
    kind = row.get("TypeOfEstablishment (name)", "").lower()
    if phase in PHASES:
        return PHASES[phase]
    if "special" in kind:
        return School.Phase.SPECIAL
    if "pupil referral" in kind or "alternative" in kind:
        return School.Phase.ALTERNATIVE
    if "nursery" in kind:
        return School.Phase.NURSERY
    return School.Phase.OTHER


def _website(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    value = re.sub(r"^https?://", "", value, flags=re.I)
    return f"https://{value}"


def _phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if len(digits) == 10 and not digits.startswith("0"):
        digits = "0" + digits  # GIAS exports often lose the leading zero
    return digits


def _headteacher(row: dict[str, str]) -> str:
    parts = [
        row.get("HeadTitle (name)", ""),
        row.get("HeadFirstName", ""),
        row.get("HeadLastName", ""),
    ]
    return " ".join(p.strip() for p in parts if p.strip().lower() not in NOT_APPLICABLE)


def school_values(row: dict[str, str], authority: LocalAuthority) -> dict[str, object]:
    status = row.get("EstablishmentStatus (name)", "").strip()
    return {
        "establishment_status": status[:60],
        "is_open": not status or status.lower() in PUBLISHED_STATUSES,
        "name": row["EstablishmentName"].strip(),
        "local_authority": authority,
        "phase": _phase(row),
        "establishment_type": row.get("TypeOfEstablishment (name)", "").strip()[:120],
        "street": row.get("Street", "").strip(),
        "locality": " ".join(
            p.strip() for p in (row.get("Locality", ""), row.get("Address3", "")) if p.strip()
        ),
        "town": row.get("Town", "").strip(),
        "postcode": row.get("Postcode", "").strip(),
        "phone": _phone(row.get("TelephoneNum", "")),
        "website": _website(row.get("SchoolWebsite", "")),
        "headteacher": _headteacher(row),
    }


def _authority(row: dict[str, str], report: ImportReport) -> LocalAuthority:
    code = row["LA (code)"].strip()
    authority = LocalAuthority.objects.filter(code=code).first()
    if authority is None:
        name = row["LA (name)"].strip()
        authority = LocalAuthority(name=name, code=code, slug=slugify(name)[:120] or code)
        authority.full_clean()
        authority.save()
        report.authorities_created.append(name)
    return authority


def _unique_slug(name: str, urn: str) -> str:
    slug = slugify(name)[:150] or urn
    if School.objects.filter(slug=slug).exclude(urn=urn).exists():
        slug = f"{slug[:150]}-{urn}"
    return slug


def _import_row(
    row: dict[str, str], report: ImportReport, user: AbstractBaseUser | None
) -> tuple[str, str]:
    urn = row["URN"].strip()
    values = school_values(row, _authority(row, report))
    school = School.objects.filter(urn=urn).first()
    if school is None:
        school = School(urn=urn, slug=_unique_slug(str(values["name"]), urn), **values)
        outcome = "created"
    else:
        before = _comparable({name: getattr(school, name) for name in IMPORTED_FIELDS})
        for name, value in values.items():
            setattr(school, name, value)
        if _comparable(values) == before:
            return "unchanged", urn
        outcome = "updated"
    school.full_clean()
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"{outcome.capitalize()} from a GIAS import.")
        school.save()
    return outcome, urn


def _comparable(values: dict[str, object]) -> dict[str, object]:
    """Values as the model stores them (it normalises phone numbers and postcodes on save)."""
    return {
        **values,
        "phone": normalise_phone(str(values["phone"])),
        "postcode": normalise_postcode(str(values["postcode"])),
    }


def gias_import(
    *,
    content: bytes,
    authority_code: str | None = None,
    user: AbstractBaseUser | None = None,
    dry_run: bool = False,
) -> ImportReport:
    """Create or update schools by URN from a GIAS export; idempotent."""
    reader = csv.reader(io.StringIO(decode(content), newline=""))
    try:
        columns = next(reader, [])
        rows = [(reader.line_num, values) for values in reader if values]
    except csv.Error as error:
        raise ValidationError(BROKEN_CSV.format(line=reader.line_num, problem=error)) from error
    missing = [column for column in REQUIRED_COLUMNS if column not in columns]
    if missing:
        raise ValidationError(MISSING_COLUMNS.format(columns=", ".join(f"“{c}”" for c in missing)))
    report = ImportReport()
    with transaction.atomic():
        for line, values in rows:
            if len(values) != len(columns):
                report.invalid.append(
                    (line, WRONG_COLUMNS.format(expected=len(columns), found=len(values)))
                )
                continue
            row = dict(zip(columns, values, strict=True))
            status = row.get("EstablishmentStatus (name)", "").strip()
            if status.lower().startswith("closed"):
                report.skipped.append((line, CLOSED.format(status=status)))
                continue
            code = row["LA (code)"].strip()
            if authority_code and code != authority_code:
                report.skipped.append((line, OTHER_AUTHORITY.format(code=code)))
                continue
            try:
                with transaction.atomic():
                    outcome, urn = _import_row(row, report, user)
            except ValidationError as error:
                report.invalid.append((line, _reason(error)))
                continue
            getattr(report, outcome).append(urn)
            if status and status.lower() not in PUBLISHED_STATUSES:
                report.not_published.append((urn, status))
        if dry_run:
            transaction.set_rollback(True)
    return report


def _reason(error: ValidationError) -> str:
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{name}: {' '.join(messages)}" for name, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
