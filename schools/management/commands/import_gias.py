from __future__ import annotations

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser

from schools.gias import gias_import


class Command(BaseCommand):
    help = "Create or update schools by URN from a GIAS establishment export (CSV)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The GIAS CSV export.")
        parser.add_argument(
            "--authority-code", metavar="CODE", help="Import only this local authority (e.g. 881)."
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing."
        )

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        try:
            report = gias_import(
                content=path.read_bytes(),
                authority_code=options["authority_code"],
                dry_run=options["dry_run"],
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        prefix = "Dry run, nothing saved. " if options["dry_run"] else ""
        self.stdout.write(prefix + report.summary())
        for name in report.authorities_created:
            self.stdout.write(f"  New local authority: {name}")
        for urn, status in report.not_published:
            self.stdout.write(f"  Not published (not open): URN {urn}, {status}")
        for line, reason in report.skipped:
            self.stdout.write(f"  Skipped line {line}: {reason}")
        for line, reason in report.invalid:
            self.stderr.write(f"  Invalid line {line}: {reason}")
