"""Coverage benchmark: precision and recall, per checklist item, of coverage judged from text.

Two kinds of notice, each labelled item by item:
- the demo library's notice types (labelled by their clauses' checklist tags), each also with
  the clauses of one item left out, so the item must then be found missing;
- the two real notices in ../shared/reference/ when that folder is there, labelled by hand below
  (a DPO's reading of each notice, item by item).

    .venv/bin/python benchmarks/coverage.py [--reference DIR] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
DEFAULT_REFERENCE = REPO_ROOT.parent / "shared" / "reference"

# A DPO's reading of the real notices: the items each one covers (everything else it lacks).
REFERENCE_LABELS: dict[str, set[str]] = {
    "essex-template-john-ray-infant.txt": {
        "controller", "dpo", "purposes", "recipients", "transfers", "retention", "rights",
        "automated-decisions",
    },
    "dfe-model-writtle-infant.txt": {
        "controller", "dpo", "purposes", "lawful-basis", "categories", "recipients", "transfers",
        "retention", "rights", "withdraw-consent", "complaint", "source", "statutory",
        "automated-decisions",
    },
}  # fmt: skip

FACTS = {
    "school.name": "Meadow Lane Primary School",
    "school.address": "1 Meadow Lane, Chelmsford, CM1 1AA",
    "school.email": "office@meadowlane.example.org",
    "school.phone": "020 7946 0123",
    "dpo.name": "the Data Protection Officer",
    "dpo.organisation": "Testshire DPO Service",
    "dpo.email": "dpo@example.org",
    "dpo.phone": "020 7946 0456",
}


@dataclass(frozen=True)
class Case:
    name: str
    sections: list  # list[TextSection]
    covered: set[str]


def _setup_django() -> None:
    sys.path.insert(0, str(REPO_ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()


def _demo_cases() -> list[Case]:
    from clauses.markup import compile_body
    from health.checks.result import TextSection
    from notices.demo.library import CLAUSES, NOTICE_TYPES
    from notices.publishing.rendering import notice_text

    clauses = {clause.key: clause for clause in CLAUSES}
    facts = {**{name: name.split(".")[-1] for name in ()}, **FACTS}
    cases: list[Case] = []

    def section(key: str) -> TextSection:
        clause = clauses[key]
        html = compile_body(clause.body).render(
            facts, {"partners": lambda: "<ul><li>The local authority</li></ul>"}
        )
        html = html.replace("</p>", "</p>\n\n").replace("<li>", "\n- ")
        return TextSection(where=clause.heading, text=notice_text(html))

    for notice_type in NOTICE_TYPES:
        keys = list(notice_type.clause_keys)
        tagged = {item.value for key in keys for item in clauses[key].art13_items}
        cases.append(Case(notice_type.slug, [section(key) for key in keys], tagged))
        for item in sorted(tagged):
            kept = [key for key in keys if item not in {i.value for i in clauses[key].art13_items}]
            still = {i.value for key in kept for i in clauses[key].art13_items}
            cases.append(
                Case(f"{notice_type.slug} without {item}", [section(k) for k in kept], still)
            )
    return cases


def _reference_cases(folder: Path) -> list[Case]:
    from onboarding.adoption import document_sections

    return [
        Case(name, document_sections((folder / name).read_text(encoding="utf-8")), covered)
        for name, covered in REFERENCE_LABELS.items()
        if (folder / name).is_file()
    ]


ROUNDS = 3


def _time_all_checks(cases: list[Case]) -> tuple[float, float]:
    """Mean milliseconds for every check on a notice, with the seeded outdated terms: with
    nothing remembered (a county's first notice), then with the sentences notices share
    remembered (the rest of a county, whose notices differ mostly in the school's facts)."""
    import importlib

    from health.checks import TermEntry, notice_health
    from health.checks.sentences import sentences
    from health.checks.words import _text_haystack, cached_words

    seed = importlib.import_module("health.migrations.0002_seed_outdated_terms")
    terms = [
        TermEntry(term, reason, replacement, since, is_law=kind == "law")
        for term, kind, reason, replacement, since in seed.TERMS
    ]
    notice_health(sections=cases[0].sections, terms=terms)  # load the syllable dictionary
    cold = 0.0
    for case in cases:
        for cached in (sentences, cached_words, _text_haystack):
            cached.cache_clear()
        started = time.perf_counter()
        notice_health(sections=case.sections, terms=terms)
        cold += time.perf_counter() - started
    started = time.perf_counter()
    for _ in range(ROUNDS):
        for case in cases:
            notice_health(sections=case.sections, terms=terms)
    warm = (time.perf_counter() - started) / ROUNDS
    return cold * 1000 / len(cases), warm * 1000 / len(cases)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reference", type=Path, default=DEFAULT_REFERENCE)
    parser.add_argument("--json-out", type=Path)
    parser.add_argument("--verbose", action="store_true", help="Print every wrong call.")
    args = parser.parse_args()
    _setup_django()
    from health.checks.coverage import checklist, coverage_from_text

    cases = _demo_cases()
    reference = _reference_cases(args.reference) if args.reference.is_dir() else []
    counts = {item.key: {"tp": 0, "fp": 0, "fn": 0, "tn": 0} for item in checklist()}
    wrong: list[str] = []
    started = time.perf_counter()
    for case in [*cases, *reference]:
        for result in coverage_from_text(sections=case.sections):
            truth = result.item in case.covered
            cell = {(True, True): "tp", (True, False): "fp", (False, True): "fn"}.get(
                (result.covered, truth), "tn"
            )
            counts[result.item][cell] += 1
            if cell in ("fp", "fn"):
                wrong.append(f"{cell} {result.item:22} {case.name}: {result.evidence[:90]}")
    elapsed = time.perf_counter() - started

    def ratio(a: int, b: int) -> float | None:
        return round(a / b, 3) if b else None

    rows = {
        key: {
            **c,
            "precision": ratio(c["tp"], c["tp"] + c["fp"]),
            "recall": ratio(c["tp"], c["tp"] + c["fn"]),
        }
        for key, c in counts.items()
    }
    total = {k: sum(c[k] for c in counts.values()) for k in ("tp", "fp", "fn", "tn")}
    print(
        f"{len(cases)} demo notices (whole and with one item left out), "
        f"{len(reference)} real notices; {elapsed * 1000:.0f} ms in all"
    )
    print(f"{'item':24} {'TP':>3} {'FP':>3} {'FN':>3} {'TN':>3} {'precision':>9} {'recall':>6}")
    for key, row in rows.items():
        p = "-" if row["precision"] is None else f"{row['precision']:.2f}"
        r = "-" if row["recall"] is None else f"{row['recall']:.2f}"
        print(f"{key:24} {row['tp']:3} {row['fp']:3} {row['fn']:3} {row['tn']:3} {p:>9} {r:>6}")
    precision = ratio(total["tp"], total["tp"] + total["fp"])
    recall = ratio(total["tp"], total["tp"] + total["fn"])
    print(f"{'all items':24} {total['tp']:3} {total['fp']:3} {total['fn']:3} {total['tn']:3} "
          f"{precision:>9} {recall:>6}")  # fmt: skip
    if args.verbose:
        print("\n".join(wrong))
    cold_ms, warm_ms = _time_all_checks([*cases, *reference])
    print(
        f"every health check on one notice: {cold_ms:.1f} ms with nothing remembered, "
        f"{warm_ms:.1f} ms with shared sentences remembered (mean of {len(cases)} + "
        f"{len(reference)} notices)"
    )
    figures = {
        "items": rows,
        "total": {**total, "precision": precision, "recall": recall},
        "all_checks_ms_per_notice_cold": round(cold_ms, 1),
        "all_checks_ms_per_notice_warm": round(warm_ms, 1),
    }
    print(json.dumps(figures))
    if args.json_out:
        args.json_out.write_text(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
