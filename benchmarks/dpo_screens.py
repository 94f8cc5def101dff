"""DPO screens benchmark: the confirmation, impact, dashboard and preview pages at county scale.

Builds N schools (as benchmarks/publish.py does) in a fresh database, publishes them, starts a
draft that changes one clause for every school, then times each DPO page as a signed-in DPO
would load it and prints its size and how many distinct changes it shows. Prints a table, then
the figures as JSON. Nothing is published by the measurements.

    .venv/bin/python benchmarks/dpo_screens.py [--schools 550] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import county as county_builder  # the county the publishing benchmark builds
from publish import publish_pages

# Upper bounds in seconds for one page at 550 schools on the reference machine (2 cores).
CONFIRM_TARGET_S = 15.0
DASHBOARD_TARGET_S = 5.0
PREVIEW_TARGET_S = 1.0


def _get(view: Any, path: str, user: Any, **kwargs: Any) -> tuple[float, int, Any]:
    """Call an admin view as a signed-in DPO: seconds, bytes of HTML, the response."""
    from django.test import RequestFactory

    request = RequestFactory().get(path)
    request.user = user
    with county_builder._timer() as elapsed:
        response = view(request, **kwargs)
        response.render() if hasattr(response, "render") else None
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    return elapsed[0], len(response.content), response


def run(schools: int) -> dict[str, Any]:
    from django.contrib.auth import get_user_model

    from clauses.services import clause_version_start_draft
    from notices.dpo import views
    from notices.dpo.preview import publish_plan

    county = county_builder.build_county(schools)
    publish_pages(schools)
    dpo = get_user_model().objects.create_superuser(username="bench-super", password=None)
    draft = clause_version_start_draft(clause=county.clause, user=county.user)
    draft.body = (
        draft.body.replace("complain", "raise a concern", 1) + "\n\nWe reply within a month."
    )
    draft.change_summary = "Plainer words; a reply time."
    draft.save()
    county_builder._log(f"{schools} schools published; measuring the DPO pages")

    with county_builder._timer() as plan_s:
        plan = publish_plan(versions=[draft])
    confirm_s, confirm_bytes, _ = _get(
        views.version_publish_view,
        f"/admin/clauses/clauseversion/{draft.pk}/publish/",
        dpo,
        version_id=draft.pk,
    )
    impact_s, impact_bytes, _ = _get(
        views.version_impact_view,
        f"/admin/clauses/clauseversion/{draft.pk}/impact/",
        dpo,
        version_id=draft.pk,
    )
    dashboard_s, dashboard_bytes, _ = _get(views.dashboard, "/admin/dashboard/", dpo)
    behind_s, behind_bytes, _ = _get(views.dashboard, "/admin/dashboard/?show=behind", dpo)
    name = plan.changes[0].school_notices[0].school.name if plan.changes else ""
    preview_s, preview_bytes, _ = _get(
        views.version_preview_view,
        f"/admin/clauses/clauseversion/{draft.pk}/preview/?school={name}",
        dpo,
        version_id=draft.pk,
    )
    return {
        "schools": schools,
        "plan_s": plan_s[0],
        "notices_changing": plan.notice_count,
        "distinct_changes": len(plan.changes),
        "schools_blocked": plan.blocked_school_count,
        "confirm_s": confirm_s,
        "confirm_kb": confirm_bytes / 1024,
        "impact_s": impact_s,
        "impact_kb": impact_bytes / 1024,
        "dashboard_s": dashboard_s,
        "dashboard_kb": dashboard_bytes / 1024,
        "dashboard_behind_s": behind_s,
        "dashboard_behind_kb": behind_bytes / 1024,
        "preview_s": preview_s,
        "preview_kb": preview_bytes / 1024,
    }


ROWS = [
    ("plan_s", "impact of the draft computed (every notice rendered and compared)", "s", None),
    ("confirm_s", "confirmation page", "s", CONFIRM_TARGET_S),
    ("confirm_kb", "confirmation page size", "KB", None),
    ("impact_s", "impact page", "s", CONFIRM_TARGET_S),
    ("impact_kb", "impact page size", "KB", None),
    ("distinct_changes", "distinct changes shown (each once, with its count)", "", None),
    ("notices_changing", "notices that would change", "", None),
    ("dashboard_s", "dashboard, every school", "s", DASHBOARD_TARGET_S),
    ("dashboard_kb", "dashboard size", "KB", None),
    ("dashboard_behind_s", "dashboard, only the schools behind", "s", DASHBOARD_TARGET_S),
    ("preview_s", "preview for one school found by name", "s", PREVIEW_TARGET_S),
]


def print_table(figures: dict[str, Any]) -> list[str]:
    missed = []
    print(f"DPO screens at {figures['schools']} schools")
    for key, label, unit, target in ROWS:
        value = figures[key]
        verdict = "info" if target is None else ("pass" if value <= target else "FAIL")
        if verdict == "FAIL":
            missed.append(key)
        bound = f"≤ {target:g} {unit}" if target is not None else ""
        print(f"  {label:<68} {value:>9.2f} {unit:<3} {bound:<10} {verdict}")
    return missed


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=550, help="Schools to build (550).")
    parser.add_argument("--json-out", type=Path, help="Also write the JSON figures here.")
    args = parser.parse_args(argv)
    if args.schools < 1:
        parser.error("--schools must be 1 or more.")
    workdir = Path(tempfile.mkdtemp(prefix="notices-dpo-bench-"))
    try:
        county_builder.configure_django(workdir, None)
        from django.conf import settings
        from django.test import override_settings

        # Pages link their stylesheets; no collectstatic manifest is built for a benchmark.
        plain = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}
        with override_settings(STORAGES={**settings.STORAGES, "staticfiles": plain}):
            figures = run(args.schools)
        figures["missed"] = print_table(figures)
        output = json.dumps(figures, indent=2)
        print(output)
        if args.json_out:
            args.json_out.write_text(output + "\n")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
