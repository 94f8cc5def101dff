from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import connections

from backups.services import BackupError, backup_restore, table_counts


class Command(BaseCommand):
    help = (
        "Replace the database and the stored PDFs with those of a backup made by `backup`, "
        "then check every table's row count against the backup's manifest."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("archive", type=Path)
        parser.add_argument("--yes", action="store_true", help="do not ask before replacing")

    def handle(self, *args: Any, **options: Any) -> None:
        archive: Path = options["archive"]
        if not archive.exists():
            raise CommandError(f"No such file: {archive}")
        database = connections["default"].settings_dict
        if not options["yes"]:
            answer = input(f"Replace the database {database['NAME']} and the PDFs? [y/N] ")
            if answer.strip().lower() not in {"y", "yes"}:
                raise CommandError("Nothing restored.")
        connections.close_all()
        try:
            manifest = backup_restore(
                archive_path=archive, database=database, media_root=Path(settings.MEDIA_ROOT)
            )
        except BackupError as error:
            raise CommandError(str(error)) from error
        counts = table_counts()
        wrong = {
            table: (count, counts.get(table))
            for table, count in manifest["tables"].items()
            if counts.get(table) != count
        }
        if wrong:
            raise CommandError(f"Restored, but these tables differ from the backup: {wrong}")
        rows = sum(manifest["tables"].values())
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {archive.name} (made {manifest['created_at']}): "
                f"{len(manifest['tables'])} tables, {rows} rows, as backed up."
            )
        )
