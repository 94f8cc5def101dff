"""Fail when an installed dependency has a known vulnerability that a newer release fixes.

Runs pip-audit over the virtualenv (its advisories come from PyPI). A vulnerability with no
fixed release yet is listed but does not fail the run: there is nothing to upgrade to.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any


def fixable(report: dict[str, Any]) -> list[str]:
    return [
        f"{dependency['name']} {dependency['version']}: {vuln['id']} "
        f"(fixed in {', '.join(vuln['fix_versions'])})"
        for dependency in report.get("dependencies", [])
        for vuln in dependency.get("vulns", [])
        if vuln.get("fix_versions")
    ]


def unfixed(report: dict[str, Any]) -> list[str]:
    return [
        f"{dependency['name']} {dependency['version']}: {vuln['id']} (no fixed release yet)"
        for dependency in report.get("dependencies", [])
        for vuln in dependency.get("vulns", [])
        if not vuln.get("fix_versions")
    ]


def main() -> int:
    pip_audit = Path(sys.executable).with_name("pip-audit")
    with tempfile.TemporaryDirectory() as folder:
        output = Path(folder) / "audit.json"
        subprocess.run(  # noqa: S603 - our own virtualenv's pip-audit
            [
                str(pip_audit),
                "--skip-editable",
                "--progress-spinner",
                "off",
                "-f",
                "json",
                "-o",
                str(output),
            ],
            check=False,
        )
        if not output.exists():
            print("pip-audit produced no report (is PyPI reachable?)", file=sys.stderr)
            return 2
        report = json.loads(output.read_text())
    for line in unfixed(report):
        print(f"warning: {line}")
    problems = fixable(report)
    for line in problems:
        print(f"vulnerable: {line}")
    audited = len(report.get("dependencies", []))
    print(f"pip-audit: {audited} packages, {len(problems)} with a known vulnerability and a fix")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
