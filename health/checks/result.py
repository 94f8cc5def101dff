"""What every check reports: one plain record a command, a page or JSON can show."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from enum import StrEnum


class Severity(StrEnum):
    ERROR = "error"  # wrong in law or unreachable: fix before publishing
    WARNING = "warning"  # outdated or doubtful: worth a look
    INFO = "info"  # advice, such as plainer language


@dataclass(frozen=True)
class Finding:
    check: str
    severity: str
    where: str
    found: str
    suggestion: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass(frozen=True)
class TextSection:
    """A part of a notice checked on its own: a clause, or a heading of an outside document."""

    where: str
    text: str
    links: tuple[str, ...] = ()  # link targets that are not in the text (a rendered href)


SEVERITY_ORDER = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}


def sorted_findings(findings: list[Finding]) -> list[Finding]:
    """Errors first; the same finding in the same place once."""
    unique = list(dict.fromkeys(findings))
    return sorted(unique, key=lambda f: SEVERITY_ORDER.get(Severity(f.severity), 3))
