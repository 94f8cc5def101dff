from __future__ import annotations

import sys

from django.core.management.base import BaseCommand, CommandError, CommandParser
from tqdm import tqdm

from notices.publishing.batch import (
    BatchReport,
    live_publications_without_pdf,
    notices_publish,
    pdfs_render,
    select_school_notices,
)
from notices.publishing.runs import publish_run_start


class Command(BaseCommand):
    help = "Publish school notices whose inputs changed, then render their PDFs."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--school",
            action="append",
            dest="schools",
            metavar="SLUG",
            help="A school to publish (repeatable).",
        )
        parser.add_argument("--authority", metavar="CODE", help="Every school of this LA code.")
        parser.add_argument("--all", action="store_true", help="Every open school.")
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            metavar="N",
            help="Processes for the pages (when there are more than a few dozen) and the PDFs "
            "(default 1).",
        )
        parser.add_argument(
            "--background",
            action="store_true",
            help="Queue the work for the worker (manage.py run_worker) instead of doing it now.",
        )
        parser.add_argument(
            "--no-pdf",
            action="store_true",
            help="Publish the pages only; PDFs are rendered on first download.",
        )

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        if not (options["schools"] or options["authority"] or options["all"]):
            raise CommandError("Say what to publish: --school SLUG, --authority CODE or --all.")
        if options["jobs"] < 1:
            raise CommandError("--jobs must be 1 or more.")
        school_notices = list(
            select_school_notices(
                school_slugs=options["schools"], authority_code=options["authority"]
            )
        )
        if options["schools"]:
            found = {sn.school.slug for sn in school_notices}
            missing = sorted(set(options["schools"]) - found)
            if missing:
                raise CommandError(f"No open school with a notice: {', '.join(missing)}.")
        if options["background"]:
            run = publish_run_start(
                school_notices=school_notices, reason="Published from the command line"
            )
            self.stdout.write(f"Queued {run.total} notices for the worker (publish run {run.pk}).")
            return
        show = options["verbosity"] > 0
        report = BatchReport()
        with tqdm(
            total=len(school_notices),
            desc="Pages",
            unit="notice",
            disable=not show,
            file=sys.stderr,
        ) as bar:
            notices_publish(
                school_notices=school_notices,
                progress=bar.update,
                report=report,
                jobs=options["jobs"],
            )
        if not options["no_pdf"]:
            pending = live_publications_without_pdf(sn.pk for sn in school_notices)
            with tqdm(
                total=len(pending), desc="PDFs", unit="pdf", disable=not show, file=sys.stderr
            ) as bar:
                pdfs_render(
                    publication_ids=pending,
                    jobs=options["jobs"],
                    progress=bar.update,
                    report=report,
                )
        self._summary(report)
        if not report.ok:
            sys.exit(1)

    def _summary(self, report: BatchReport) -> None:
        self.stdout.write(
            f"Published {len(report.published)}, unchanged {len(report.unchanged)}, "
            f"failed {len(report.failed)}; PDFs rendered {report.pdfs_rendered}, "
            f"PDFs failed {len(report.pdf_failures)}."
        )
        for result in report.failed:
            for error in result.errors:
                self.stderr.write(f"  {result.school_notice}: {error}")
        for publication_id, error in report.pdf_failures:
            self.stderr.write(f"  PDF of publication {publication_id}: {error}")
