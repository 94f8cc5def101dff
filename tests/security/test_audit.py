"""The dependency audit fails on a known vulnerability that has a fix, and only then."""

from __future__ import annotations

import importlib.util
from pathlib import Path

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit.py"
spec = importlib.util.spec_from_file_location("audit", SCRIPT)
assert spec and spec.loader
audit = importlib.util.module_from_spec(spec)
spec.loader.exec_module(audit)


def report(*vulns: dict) -> dict:
    return {
        "dependencies": [
            {"name": "django", "version": "5.2.0", "vulns": list(vulns)},
            {"name": "nh3", "version": "0.2.21", "vulns": []},
        ]
    }


def test_a_vulnerability_with_a_fixed_release_fails_the_audit():
    found = report({"id": "PYSEC-2025-1", "fix_versions": ["5.2.1"], "aliases": []})

    assert audit.fixable(found) == ["django 5.2.0: PYSEC-2025-1 (fixed in 5.2.1)"]


def test_one_without_a_fix_is_only_listed():
    found = report({"id": "GHSA-xxxx", "fix_versions": [], "aliases": []})

    assert audit.fixable(found) == []
    assert audit.unfixed(found) == ["django 5.2.0: GHSA-xxxx (no fixed release yet)"]


def test_a_clean_report_passes():
    assert audit.fixable(report()) == []
