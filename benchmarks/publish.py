"""Publishing benchmark: how soon pages and PDFs are live for a county of schools.

Builds N schools in a fresh database, then times every page going live after a clause change,
every PDF being stored (against bare WeasyPrint as the floor, with 1 and 2 workers), and one
school's phone change reaching its page and its PDF. Prints a table, then the figures as JSON.

    .venv/bin/python benchmarks/publish.py [--schools 550] [--jobs-list 1,2] [--json-out FILE]
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import platform
import resource
import shutil
import statistics
import sys
import tempfile
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    pass

REPO_ROOT = Path(__file__).resolve().parent.parent

from county import (  # noqa: E402  (benchmarks/ is on the path when run as a script)
    BENCH_DATABASE,
    County,
    _log,
    _postgres_recreate,
    _timer,
    build_county,
    configure_django,
)

# Upper bounds, in the unit of each measure.
PAGES_LIVE_TARGET_S = 1.5
WORKER_RSS_TARGET_MB = 300.0
APP_OVER_BARE_TARGET = 1.1
PHONE_PAGE_TARGET_S = 1.0
PHONE_PDF_TARGET_S = 2.0


@dataclass(frozen=True)
class Row:
    """One line of the results table: a measure, its value, and its upper bound if any."""

    key: str
    measure: str
    value: float
    unit: str
    target: float | None = None

    @property
    def passed(self) -> bool | None:
        return None if self.target is None else self.value <= self.target

    @property
    def verdict(self) -> str:
        return {None: "info", True: "pass", False: "FAIL"}[self.passed]


def _current_rss_mb() -> float:
    """This process's resident set size now (Linux)."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def publish_pages(expected: int) -> float:
    """Publish every open school's notice; the seconds until every live page was written (each
    version's own page and the versions pages follow). All must publish, none fail."""
    from django.conf import settings

    from notices.publishing.batch import notices_publish, select_school_notices

    started = time.monotonic()
    report = notices_publish(
        school_notices=select_school_notices(), jobs=settings.PUBLISH_PAGE_JOBS
    )
    finished = time.monotonic()
    if len(report.published) != expected or report.failed or report.pages_live_at is None:
        problems = [error for result in report.failed for error in result.errors][:5]
        raise RuntimeError(
            f"Published {len(report.published)} of {expected}, failed {len(report.failed)}: "
            f"{problems}"
        )
    live = report.pages_live_at - started
    _log(f"  pages live {live:.2f} s, every page written {finished - started:.2f} s")
    return live


def change_clause_and_publish(county: County, review: int, expected: int) -> float:
    """A new version of the clause, then every page: seconds from the clause publish."""
    from clauses.services import clause_version_publish, clause_version_start_draft

    user = county.user
    draft = clause_version_start_draft(clause=county.clause, user=user)
    draft.body += f"\n\nThe DPO service reviewed this section (review {review})."
    draft.change_summary = f"Review {review}: added a note of the review."
    draft.save()
    # Clause changes come minutes apart: the last run's writes reach the disk before this one
    # starts, rather than the kernel flushing them in the middle of it.
    os.sync()
    with _timer() as elapsed:
        clause_version_publish(version=draft, user=user)
    pages = publish_pages(expected)
    _log(
        f"  clause v{draft.number}: pages {pages:.2f} s, with the clause {elapsed[0] + pages:.2f} s"
    )
    return elapsed[0] + pages


def warm_pdf_renderer() -> float:
    """Import WeasyPrint and parse the print stylesheet in this process, so workers fork warm."""
    with _timer() as elapsed:
        from notices.publishing.pdf import _font_config, _print_css

        _font_config()
        _print_css()
    return elapsed[0]


def print_documents(publication_ids: list[int]) -> list[str]:
    """The exact documents the app renders for these publications: the notice with its cover,
    and its summary for paper."""
    from notices.models import Publication
    from notices.publishing.pdf import print_document
    from notices.publishing.services import publication_cover

    documents = []
    publications = Publication.objects.select_related(
        "school_notice__school", "school_notice__notice_type"
    ).filter(pk__in=publication_ids)
    for publication in publications.order_by("pk"):
        cover = publication_cover(publication)
        documents.append(print_document(notice_html=publication.html, cover=cover))
        documents.append(
            print_document(notice_html=publication.html, cover=cover, summary_only=True)
        )
    return documents


def bare_render(document: str) -> tuple[int, int]:
    """One document through bare WeasyPrint: PDF size and this worker's peak RSS in KB."""
    import weasyprint  # noqa: TID251 - the floor the app is measured against

    from notices.publishing.pdf import (
        ASSET_ORIGIN,
        PDF_OPTIONS,
        StaticOnlyFetcher,
        _font_config,
        _print_css,
    )

    content = weasyprint.HTML(
        string=document, base_url=ASSET_ORIGIN, url_fetcher=StaticOnlyFetcher()
    ).write_pdf(stylesheets=[_print_css()], font_config=_font_config(), **PDF_OPTIONS)
    return len(content), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def bare_render_all(documents: list[str], jobs: int) -> tuple[float, int]:
    """Render every document in a pool of `jobs` forked workers: seconds, peak worker RSS KB."""
    from django.db import connections

    connections.close_all()
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork"))
    with _timer() as elapsed, pool:
        results = list(pool.map(bare_render, documents, chunksize=2))
    if not all(size for size, _peak in results):
        raise RuntimeError("Bare WeasyPrint produced an empty PDF.")
    return elapsed[0], max(peak for _size, peak in results)


def measure_pdfs(jobs: int, expected: int) -> dict[str, float]:
    """Store every pending PDF through the app, then the same documents through bare WeasyPrint."""
    from notices.models import Publication, SchoolNotice
    from notices.publishing.batch import live_publications_without_pdf, pdfs_render

    pending = live_publications_without_pdf(SchoolNotice.objects.values_list("pk", flat=True))
    if len(pending) != expected:
        raise RuntimeError(f"{len(pending)} PDFs pending, expected {expected}.")
    parent_rss = _current_rss_mb()
    with _timer() as app:
        report = pdfs_render(publication_ids=pending, jobs=jobs)
    stored = Publication.objects.filter(pk__in=pending).exclude(pdf="")
    if report.pdf_failures or report.pdfs_rendered != expected or stored.count() != expected:
        raise RuntimeError(f"PDFs: {report.pdfs_rendered} rendered, {report.pdf_failures[:3]}")
    pages = sum(stored.values_list("pdf_pages", flat=True))
    _log(f"  jobs={jobs}: app {app[0]:.1f} s for {expected} PDFs ({pages / expected:.1f} pages)")
    documents = print_documents(pending)
    bare_s, bare_peak_kb = bare_render_all(documents, jobs)
    _log(f"  jobs={jobs}: bare WeasyPrint {bare_s:.1f} s")
    return {
        "app_s": app[0],
        "bare_s": bare_s,
        "app_over_bare": app[0] / bare_s,
        "worker_peak_rss_mb": max(report.worker_peak_rss_kb) / 1024,
        "bare_worker_peak_rss_mb": bare_peak_kb / 1024,
        "parent_rss_at_start_mb": parent_rss,
        "mean_pdf_pages": pages / expected,
    }


def spin(rounds: int) -> int:
    """Pure-Python CPU work, for the calibration below."""
    total = 0
    for value in range(rounds):
        total += value * value
    return total


def cpu_parallel_speedup(jobs: int = 2, tasks: int = 8, rounds: int = 2_000_000) -> float:
    """How much faster `jobs` forked processes get through fixed CPU work than one (ideal: jobs).

    The median of three alternating trials, as a shared virtual machine's speed drifts.
    """
    from django.db import connections

    connections.close_all()
    ratios = []
    for _trial in range(3):
        timings = []
        for workers in (1, jobs):
            context = multiprocessing.get_context("fork")
            pool = ProcessPoolExecutor(max_workers=workers, mp_context=context)
            with _timer() as elapsed, pool:
                list(pool.map(spin, [rounds] * tasks))
            timings.append(elapsed[0])
        ratios.append(timings[0] / timings[1])
    return statistics.median(ratios)


def measure_phone_change() -> dict[str, float]:
    """One school's phone changes: seconds until its page is live, then its PDF stored (the
    notice's own PDF, served from then on; its summary for paper is made after it)."""
    import reversion

    from notices.models import SchoolNotice
    from notices.publishing.inputs import school_notices_for_publishing
    from notices.publishing.services import notice_publish, publication_render_pdf
    from notices.publishing.signals import publication_pdf_stored

    school_notice = SchoolNotice.objects.select_related("school").order_by("pk").first()
    school = school_notice.school
    stored_at: list[float] = []

    def note_stored(sender: type, **kwargs: object) -> None:
        stored_at.append(time.perf_counter())

    publication_pdf_stored.connect(note_stored, dispatch_uid="bench-phone-change")
    started = time.perf_counter()
    try:
        with _timer() as to_page:
            with reversion.create_revision():
                school.phone = "0117 496 0999"
                school.save()
            fresh = school_notices_for_publishing(ids=[school_notice.pk]).get()
            result = notice_publish(school_notice=fresh)
            if result.status != "published":
                raise RuntimeError(f"Phone change: notice {result.status}, {result.errors}")
        publication = publication_render_pdf(publication=result.publication)
    finally:
        publication_pdf_stored.disconnect(dispatch_uid="bench-phone-change")
    if not publication.has_pdf or not stored_at:
        raise RuntimeError("Phone change: the PDF was not stored.")
    return {
        "page_live_s": to_page[0],
        "pdf_stored_s": stored_at[0] - started,
        "summary_pdf_stored_s": time.perf_counter() - started,
    }


def machine_info() -> dict[str, Any]:
    """What the figures were measured on."""
    import django
    import weasyprint  # noqa: TID251 - only its version
    from django.conf import settings
    from django.db import connection

    return {
        "cpu_count": os.cpu_count(),
        "cpus_usable": len(os.sched_getaffinity(0)),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "django": django.get_version(),
        "weasyprint": weasyprint.__version__,
        "database_vendor": connection.vendor,
        "django_debug": settings.DEBUG,
    }


def build_rows(figures: dict[str, Any]) -> list[Row]:
    """The table's rows, in the order measured, each with its target where it has one."""
    rows = [
        Row("setup_s", "county built (setup)", figures["setup_s"], "s"),
        Row(
            "cpu_speedup",
            "CPU speed-up, 2 processes vs 1 (machine)",
            figures["cpu_speedup_2_processes"],
            "x",
        ),
        Row("initial_pages_s", "initial pages, all schools", figures["initial_pages_s"], "s"),
        Row(
            "pages_live_s",
            f"pages live after a clause change (median of {len(figures['pages_live_runs_s'])})",
            figures["pages_live_s"],
            "s",
            PAGES_LIVE_TARGET_S,
        ),
    ]
    if "pdf_warmup_s" in figures:
        rows.append(
            Row("pdf_warmup_s", "PDF renderer start-up (once)", figures["pdf_warmup_s"], "s")
        )
    for jobs, pdf in figures["pdfs"].items():
        rows += [
            Row(f"pdfs_{jobs}_app_s", f"all PDFs stored, jobs={jobs}", pdf["app_s"], "s"),
            Row(f"pdfs_{jobs}_bare_s", f"bare WeasyPrint floor, jobs={jobs}", pdf["bare_s"], "s"),
            Row(
                f"pdfs_{jobs}_ratio",
                f"app / bare, jobs={jobs}",
                pdf["app_over_bare"],
                "x",
                APP_OVER_BARE_TARGET,
            ),
            Row(
                f"pdfs_{jobs}_rss_mb",
                f"peak RSS per worker, jobs={jobs}" + (" (main process)" if jobs == 1 else ""),
                pdf["worker_peak_rss_mb"],
                "MB",
                WORKER_RSS_TARGET_MB,
            ),
            Row(
                f"pdfs_{jobs}_bare_rss_mb",
                f"bare peak RSS per worker, jobs={jobs}",
                pdf["bare_worker_peak_rss_mb"],
                "MB",
            ),
        ]
    phone = figures.get("phone_change")
    if phone is None:  # --pages-only
        return rows
    rows += [
        Row(
            "phone_page_s",
            "phone change: page live",
            phone["page_live_s"],
            "s",
            PHONE_PAGE_TARGET_S,
        ),
        Row(
            "phone_pdf_s",
            "phone change: PDF stored",
            phone["pdf_stored_s"],
            "s",
            PHONE_PDF_TARGET_S,
        ),
        Row(
            "phone_summary_pdf_s",
            "phone change: summary PDF stored",
            phone["summary_pdf_stored_s"],
            "s",
        ),
    ]
    return rows


def print_table(rows: list[Row]) -> None:
    """Aligned columns, then which targets were missed."""
    cells = [
        (
            row.measure,
            f"{row.value:.2f} {row.unit}",
            f"<= {row.target:g} {row.unit}" if row.target is not None else "-",
            row.verdict,
        )
        for row in rows
    ]
    header = ("measure", "value", "target", "result")
    widths = [max(len(line[i]) for line in [header, *cells]) for i in range(4)]
    for line in [header, tuple("-" * width for width in widths), *cells]:
        print(f"{line[0]:<{widths[0]}}  {line[1]:>{widths[1]}}  {line[2]:>{widths[2]}}  {line[3]}")
    missed = [row.measure for row in rows if row.passed is False]
    print(
        f"\nMissed {len(missed)} target(s): {'; '.join(missed)}" if missed else "\nAll targets met."
    )


def run(
    schools: int, jobs_list: list[int], *, pages_only: bool = False, repeats: int = 3
) -> dict[str, Any]:
    """Every measurement in order; the figures as a JSON-able dict."""
    from django.db import reset_queries

    with _timer() as setup:
        county = build_county(schools)
    _log(f"Built {schools} schools in {setup[0]:.1f} s; initial publish…")
    figures: dict[str, Any] = {"schools": schools, "setup_s": setup[0]}
    figures["cpu_speedup_2_processes"] = cpu_parallel_speedup()
    figures["initial_pages_s"] = publish_pages(schools)
    reset_queries()
    _log("Measurement 1: pages live after a clause change")
    # Each clause change is timed; the figure is their median (a shared machine is noisy).
    live = figures["pages_live_runs_s"] = []
    review = 1
    for review in range(1, (repeats if pages_only else 1) + 1):
        live.append(change_clause_and_publish(county, review, schools))
    figures["pdfs"] = {}
    if not pages_only:
        figures["pdf_warmup_s"] = warm_pdf_renderer()
        for jobs in jobs_list:
            _log(f"Measurement 2 and 3: PDFs with jobs={jobs}")
            review += 1
            live.append(change_clause_and_publish(county, review, schools))
            reset_queries()
            figures["pdfs"][jobs] = measure_pdfs(jobs, schools)
        _log("Measurement 4: one school's phone change")
        figures["phone_change"] = measure_phone_change()
    figures["pages_live_s"] = statistics.median(live)
    return figures


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    """The command line: how many schools, which worker counts, where to put the JSON."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--schools", type=int, default=550, help="Schools to build (550).")
    parser.add_argument(
        "--jobs-list",
        default="1,2",
        type=lambda value: list(dict.fromkeys(int(jobs) for jobs in value.split(","))),
        help="PDF worker counts to measure, comma-separated (1,2).",
    )
    parser.add_argument("--json-out", type=Path, help="Also write the JSON figures here.")
    parser.add_argument(
        "--pages-only",
        action="store_true",
        help="Measure only the pages live after a clause change (no PDFs, no phone change).",
    )
    parser.add_argument(
        "--repeats",
        type=int,
        default=3,
        help="With --pages-only: clause changes to time, the median reported (3).",
    )
    parser.add_argument(
        "--database-url",
        help="A PostgreSQL URL whose server gets a fresh database named "
        f"{BENCH_DATABASE} (SQLite in a temporary folder by default).",
    )
    args = parser.parse_args(argv)
    if args.schools < 1 or args.repeats < 1 or min(args.jobs_list) < 1:
        parser.error("--schools, --repeats and every --jobs-list value must be 1 or more.")
    return args


def main(argv: list[str] | None = None) -> int:
    """Run, report, clean up; 0 even when targets are missed (this is a benchmark)."""
    args = parse_args(argv)
    workdir = Path(tempfile.mkdtemp(prefix="notices-bench-"))
    try:
        configure_django(workdir, args.database_url)
        figures = run(
            args.schools, args.jobs_list, pages_only=args.pages_only, repeats=args.repeats
        )
        figures["machine"] = machine_info()
        rows = build_rows(figures)
        figures["results"] = [
            {
                "key": row.key,
                "measure": row.measure,
                "value": round(row.value, 4),
                "unit": row.unit,
                "target": row.target,
                "passed": row.passed,
            }
            for row in rows
        ]
        figures["missed"] = [row.key for row in rows if row.passed is False]
        print_table(rows)
        if figures["machine"]["django_debug"]:
            print("Note: DJANGO_DEBUG is on, so Django logs every query (as `make bench` runs).")
        output = json.dumps(figures, indent=2, default=str)
        print(output)
        if args.json_out:
            args.json_out.write_text(output + "\n")
    finally:
        if args.database_url:
            from django.db import connections

            connections.close_all()
            _postgres_recreate(args.database_url, create=False)
        shutil.rmtree(workdir, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
