"""The clause list reads like the notice: in its order, with each clause's first words."""

from __future__ import annotations

import pytest

from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def library():
    main = NoticeTypeFactory(is_primary=True, title="Pupils")
    other = NoticeTypeFactory(title="Workforce", slug="workforce")
    clauses = {}
    for key, heading in [
        ("a-complaints", "How to complain"),
        ("b-who", "Who we are"),
        ("c-rights", "Your rights"),
        ("d-payroll", "Payroll"),
        ("e-unused", "Unused"),
    ]:
        clauses[key] = ClauseFactory(key=key, heading=heading)
    ClauseVersionFactory(
        clause=clauses["b-who"],
        published=True,
        body="We are {{ school.name }}, a school that looks after your child's information "
        "carefully and lawfully.",
    )
    ClauseVersionFactory(clause=clauses["c-rights"], published=True, body="You may ask.")
    ClauseVersionFactory(clause=clauses["c-rights"], body="You may ask us anything.")
    for position, key in [(10, "b-who"), (20, "c-rights"), (30, "a-complaints")]:
        NoticeTypeClauseFactory(notice_type=main, clause=clauses[key], position=position)
    NoticeTypeClauseFactory(notice_type=other, clause=clauses["d-payroll"], position=5)
    return clauses


def test_clauses_are_listed_in_the_main_notices_order_then_the_rest(library, dpo_client):
    response = dpo_client.get("/admin/clauses/clause/")

    rows = list(response.context["cl"].result_list)
    assert [clause.key for clause in rows] == [
        "b-who",
        "c-rights",
        "a-complaints",
        "d-payroll",
        "e-unused",
    ]
    assert [clause.main_rank for clause in rows[:3]] == [1, 2, 3]


def test_each_clause_shows_its_first_words_and_its_draft_in_words(library, dpo_client):
    response = dpo_client.get("/admin/clauses/clause/")

    page = response.content.decode()
    assert "We are {{ school.name }}, a school that looks after your child&#x27;s …" in page
    assert "draft v2 in progress" in page
    assert page.count("no draft") == 4
    assert "clause v1" in page
    assert "not published" in page
    assert "not in the main notice" in page
    assert "in no notice" in page
    assert "icon-no.svg" not in page


def test_the_clause_picker_of_a_version_uses_the_same_order(library, dpo_client):
    add = dpo_client.get("/admin/clauses/clauseversion/add/")
    search = dpo_client.get(
        "/admin/autocomplete/",
        {"app_label": "clauses", "model_name": "clauseversion", "field_name": "clause"},
    )

    assert add.status_code == 200
    assert [item["text"] for item in search.json()["results"]] == [
        "Who we are",
        "Your rights",
        "How to complain",
        "Payroll",
        "Unused",
    ]
