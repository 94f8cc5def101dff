"""The notice health checks: pure functions of a notice's text (no database)."""

from .coverage import Coverage, checklist, coverage_from_text
from .engine import HealthReport, notice_health
from .readability import Readability, readability
from .result import Finding, Severity, TextSection
from .terms import TermEntry

__all__ = [
    "Coverage",
    "Finding",
    "HealthReport",
    "Readability",
    "Severity",
    "TermEntry",
    "TextSection",
    "checklist",
    "coverage_from_text",
    "notice_health",
    "readability",
]
