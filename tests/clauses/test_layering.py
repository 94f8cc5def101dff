"""The clause library stands alone: nothing in clauses/ imports from the apps built on it."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.contrib import admin
from django.urls import reverse

from clauses.models import Clause, ClauseVersion

CLAUSES = Path(__file__).resolve().parents[2] / "clauses"
HIGHER = ("notices", "health", "onboarding", "office", "config")


def _imported_modules(path: Path) -> set[str]:
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text())):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
            modules.add(node.module)
    return modules


@pytest.mark.parametrize("path", sorted(CLAUSES.rglob("*.py")), ids=lambda p: p.name)
def test_no_module_of_clauses_imports_a_higher_layer(path):
    upward = {m for m in _imported_modules(path) if m.split(".")[0] in HIGHER}

    assert upward == set()


def test_the_workflow_pages_keep_their_admin_url_names():
    assert reverse("admin:clauses_clause_start_draft", args=[1]) == (
        "/admin/clauses/clause/1/start-draft/"
    )
    for name in ("preview", "impact", "publish"):
        assert reverse(f"admin:clauses_clauseversion_{name}", args=[1]) == (
            f"/admin/clauses/clauseversion/1/{name}/"
        )
    assert "publish_selected" in admin.site.get_model_admin(ClauseVersion).actions
    assert admin.site.get_model_admin(Clause).change_form_template
