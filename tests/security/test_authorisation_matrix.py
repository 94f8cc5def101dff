"""The authorisation matrix, generated from the URL resolver: every admin, portal and account URL
x five kinds of user x the objects of school A and of school B, by GET, and by POST for all
but staff (whose writes are theirs to make).

Every URL must have a declared policy below; a new view or ModelAdmin without one fails.
School A's office staff must change nothing of school B's (B's rows hash the same after every
request they make) and see none of B's rows anywhere outside the public site.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from typing import Any

import pytest
from django.apps import apps
from django.core import serializers
from django.db import models
from django.test import Client

from notices.models import Publication
from schools.models import School
from tests.security.routes import Route, all_routes

pytestmark = pytest.mark.django_db

# Who may use each part of the site. Admin pages of a model follow its app (or its label).
STAFF, SUPERUSER, OFFICE, SIGN_IN, PUBLIC = "staff", "superuser", "office", "sign-in", "public"
MODEL_POLICY = {
    "schools": STAFF,
    "clauses": STAFF,
    "notices": STAFF,
    "review": STAFF,
    "health": STAFF,
    "auth.user": STAFF,  # DPO staff may look up users (to link them to schools), not change them
    "auth.group": SUPERUSER,
    "axes": SUPERUSER,
    "otp_totp": SUPERUSER,
    "otp_static": SUPERUSER,
    "django_tasks_database": SUPERUSER,
}
VIEW_POLICY = {
    "dpo_dashboard": STAFF,
    "adopt_notice": STAFF,
    "admin:index": STAFF,
    "admin:password_change": STAFF,
    "admin:password_change_done": STAFF,
    "admin:autocomplete": STAFF,
    "admin:jsi18n": STAFF,
    "admin:view_on_site": STAFF,
    "admin:app_list": STAFF,
    "/admin/(?P<url>.*)": STAFF,
    "admin:login": SIGN_IN,
    "admin:logout": SIGN_IN,
    "office:home": OFFICE,
    "office:school": OFFICE,
    "office:status": OFFICE,
    "office:change": OFFICE,
    "office:partner_add": OFFICE,
    "office:partner_change": OFFICE,
    "office:partner_remove": OFFICE,
    "office:suggested_partner_change": OFFICE,
    "office:history": OFFICE,
    "office:password_change": OFFICE,
    "office:password_changed": OFFICE,
    "office:login": SIGN_IN,
    "office:logout": SIGN_IN,
    "office:password_reset": SIGN_IN,
    "office:password_reset_sent": SIGN_IN,
    "office:password_reset_confirm": SIGN_IN,
    "office:password_reset_complete": SIGN_IN,
    "security:verify": SIGN_IN,
    "security:setup": SIGN_IN,
    "security:backup_codes": SIGN_IN,
}
PUBLIC_PREFIXES = ("schools:", "notices:", "/favicon.ico")
# What an attacker would send: plausible field values, and the admin's bulk delete.
ATTACK = {
    "name": "Changed by another school",
    "phone": "01632 960000",
    "email": "mallory@example.org",
    "headteacher": "Mallory",
    "purpose": "Changed by another school",
    "body": "Changed by another school",
    "action": "delete_selected",
    "post": "yes",
    "confirm": "yes",
    "code": "123456",
}


def policy_of(route: Route) -> str:
    if route.name.startswith(PUBLIC_PREFIXES):
        return PUBLIC
    if route.model is not None:
        meta = route.model._meta
        return MODEL_POLICY.get(meta.label_lower) or MODEL_POLICY[meta.app_label]
    return VIEW_POLICY[route.name]


def b_rows(school_b: School) -> dict[str, str]:
    """A hash of every row that belongs to school B: the school, and rows pointing to it."""
    rows: list[models.Model] = [school_b, school_b.dpo, school_b.local_authority]
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.ForeignKey) and field.related_model is School:
                rows += list(model._default_manager.filter(**{field.name: school_b}))
    rows += list(Publication.objects.filter(school_notice__school=school_b))
    return {
        f"{row._meta.label}:{row.pk}": hashlib.sha256(
            serializers.serialize("json", [row]).encode()
        ).hexdigest()
        for row in rows
    }


def b_markers(world: Any) -> list[str]:
    """Text that only school B's rows contain."""
    b = world.school_b
    return [b.name, b.urn, f"Partner of {b.name}", f"Suggested wording of {b.name}", "office-b"]


def test_the_authorisation_matrix(
    world,
    dpo_client,
    superuser_client,
    office_a_client,
    office_b_client,
    signed_in_client,
    office_a,
    dpo_user,
    superuser,
    capsys,
):
    routes = all_routes()
    undeclared = []
    for route in routes:
        try:
            policy_of(route)
        except KeyError:
            undeclared.append(route.name)
    assert not undeclared, f"URLs with no declared policy: {undeclared}"

    clients = {
        "anonymous": Client(),
        "office A": office_a_client,
        "office B": office_b_client,
        "DPO staff": dpo_client,
        "superuser": superuser_client,
    }
    markers = b_markers(world)
    problems: list[str] = []
    counts: Counter[str] = Counter()
    ordered = sorted(routes, key=lambda r: "logout" in r.route or "password" in r.route)
    for route in ordered:
        policy = policy_of(route)
        if policy == PUBLIC:
            continue
        for school in ("a", "b"):
            url = world.url(route, school)
            for who, client in clients.items():
                # Staff writes are theirs to make (and a bulk delete would empty the matrix):
                # they are checked by GET; everyone else also tries to write.
                methods = ("GET",) if who in {"DPO staff", "superuser"} else ("GET", "POST")
                for method in methods:
                    if who == "office A":
                        before = b_rows(world.school_b)
                    if method == "GET":
                        response = client.get(url)
                    else:
                        data = dict(ATTACK)
                        data["_selected_action"] = [
                            str(obj.pk) for obj in world.owned[school].values()
                        ]
                        response = client.post(url, data)
                    counts["requests"] += 1
                    status = response.status_code
                    granted = 200 <= status < 300
                    cell = f"{who} {method} {url} ({policy}) -> {status}"
                    if who in {"anonymous", "office A", "office B"} and policy in {
                        STAFF,
                        SUPERUSER,
                    }:
                        counts["admin refused"] += not granted
                        if granted:
                            problems.append(f"reached the admin: {cell}")
                    if who == "anonymous" and policy == OFFICE and granted:
                        problems.append(f"reached the portal signed out: {cell}")
                    superuser_page = policy == SUPERUSER and route.name.endswith("_changelist")
                    if who == "DPO staff" and superuser_page and method == "GET" and granted:
                        problems.append(f"DPO staff reached a superuser page: {cell}")
                    if who == "office A" and school == "b":
                        counts["cross-school requests"] += 1
                        counts["cross-school writes"] += method == "POST"
                        if granted and policy == OFFICE and "<slug:school_slug>" in route.route:
                            problems.append(f"office A reached school B's page: {cell}")
                    if who == "office A" and granted and policy != PUBLIC:
                        body = response.content.decode(errors="replace")
                        seen = [marker for marker in markers if marker in body]
                        if seen:
                            problems.append(f"office A saw {seen}: {cell}")
                            counts["B rows seen by A"] += 1
                    if who == "office A":
                        after = b_rows(world.school_b)
                        if after != before:
                            changed = sorted(
                                k
                                for k in before.keys() | after.keys()
                                if before.get(k) != after.get(k)
                            )
                            problems.append(f"office A changed {changed}: {cell}")
                            counts["cross-school writes that succeeded"] += 1

    with capsys.disabled():
        print(
            f"\nauthorisation matrix: {len(routes)} URL patterns "
            f"({sum(policy_of(r) != PUBLIC for r in routes)} admin/portal/account) x "
            f"{len(clients)} roles x schools A and B x GET (and POST but for staff) = "
            f"{counts['requests']} "
            f"requests; {counts['admin refused']} admin requests by anonymous or office staff "
            f"refused; office A: {counts['cross-school writes']} cross-school writes, "
            f"{counts['cross-school writes that succeeded']} succeeded, "
            f"{counts['B rows seen by A']} pages showing B's rows; {len(problems)} problems"
        )
    # Each role can still do its own work (the matrix is not passing by
    # refusing everything); fresh clients, as the matrix signed its own out.
    assert (
        signed_in_client(office_a).get(f"/office/schools/{world.school_a.slug}/").status_code == 200
    )
    assert signed_in_client(dpo_user).get("/admin/schools/school/").status_code == 200
    assert signed_in_client(dpo_user).get("/admin/axes/accessattempt/").status_code == 403
    assert signed_in_client(superuser).get("/admin/axes/accessattempt/").status_code == 200
    assert not problems, "\n".join(problems[:30])
