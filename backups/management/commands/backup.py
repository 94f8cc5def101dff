from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from backups.services import backup_create


class Command(BaseCommand):
    help = (
        "Back up the database and the stored PDFs into one archive (pg_dump for PostgreSQL, "
        "SQLite's online backup API for SQLite), safe while the app runs."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--output", type=Path, help="archive to write (.tar.gz)")

    def handle(self, *args: Any, **options: Any) -> None:
        stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
        output = options["output"] or Path(settings.BACKUP_DIR) / f"notices-{stamp}.tar.gz"
        path = backup_create(output=output, media_root=Path(settings.MEDIA_ROOT))
        size = path.stat().st_size / 1024 / 1024
        self.stdout.write(self.style.SUCCESS(f"Backed up to {path} ({size:.1f} MB)."))
        self.stdout.write(f"Restore with: make restore FILE={path}")
