"""Back up and restore everything the service keeps: the database and the stored PDFs.

One archive (.tar.gz) holds the database (a pg_dump custom-format dump for PostgreSQL, a copy
made with SQLite's online backup API for SQLite, both safe while the app runs), the media folder
and a manifest with the row count of every table, which `restore` checks afterwards.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path
from typing import Any

from django.db import connections
from django.utils import timezone

MANIFEST = "manifest.json"
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"
MEDIA_DIR = "media"

WRONG_ENGINE = "This backup is of a {archive} database; the database to restore into is {target}."
NOT_A_BACKUP = "{name} is not a backup made by `make backup` (it has no manifest)."


class BackupError(Exception):
    pass


def _engine(database: dict[str, Any]) -> str:
    engine = database["ENGINE"]
    if engine.endswith("sqlite3"):
        return "sqlite"
    if engine.endswith("postgresql"):
        return "postgresql"
    raise BackupError(f"Backups support SQLite and PostgreSQL, not {engine}.")


def _pg_env(database: dict[str, Any]) -> dict[str, str]:
    env = dict(os.environ)
    for key, setting in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if database.get(setting):
            env[key] = str(database[setting])
    return env


def _tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        raise BackupError(f"{name} is not installed: install Debian's postgresql-client.")
    return found


def table_counts(*, alias: str = "default") -> dict[str, int]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608
            counts[table] = cursor.fetchone()[0]
    return counts


def backup_create(*, output: Path, media_root: Path, alias: str = "default") -> Path:
    """Write the archive to `output`; returns its path."""
    database = connections[alias].settings_dict
    engine = _engine(database)
    output.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        if engine == "sqlite":
            target = sqlite3.connect(work / SQLITE_FILE)
            connection = connections[alias]
            connection.ensure_connection()
            with target:
                connection.connection.backup(target)
            target.close()
            dump = work / SQLITE_FILE
        else:
            dump = work / POSTGRES_FILE
            subprocess.run(  # noqa: S603
                [
                    _tool("pg_dump"),
                    "--format=custom",
                    "--no-owner",
                    "--no-privileges",
                    f"--file={dump}",
                ],
                env=_pg_env(database),
                check=True,
                capture_output=True,
            )
        manifest = {
            "engine": engine,
            "created_at": timezone.now().isoformat(),
            "tables": table_counts(alias=alias),
        }
        with tarfile.open(output, "w:gz") as archive:
            data = json.dumps(manifest, indent=1).encode()
            info = tarfile.TarInfo(MANIFEST)
            info.size = len(data)
            archive.addfile(info, io.BytesIO(data))
            archive.add(dump, arcname=dump.name)
            if media_root.exists():
                archive.add(media_root, arcname=MEDIA_DIR)
    return output


def backup_manifest(*, archive_path: Path) -> dict[str, Any]:
    with tarfile.open(archive_path, "r:gz") as archive:
        try:
            member = archive.extractfile(MANIFEST)
        except KeyError:
            member = None
        if member is None:
            raise BackupError(NOT_A_BACKUP.format(name=archive_path.name))
        return json.load(member)


def backup_restore(
    *, archive_path: Path, database: dict[str, Any], media_root: Path
) -> dict[str, Any]:
    """Replace the database described by `database` (a Django DATABASES entry) and the media
    folder with the archive's; returns the archive's manifest."""
    manifest = backup_manifest(archive_path=archive_path)
    engine = _engine(database)
    if manifest["engine"] != engine:
        raise BackupError(WRONG_ENGINE.format(archive=manifest["engine"], target=engine))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(work, filter="data")
        if engine == "sqlite":
            source = sqlite3.connect(work / SQLITE_FILE)
            target = sqlite3.connect(database["NAME"])
            with target:
                source.backup(target)
            source.close()
            target.close()
        else:
            subprocess.run(  # noqa: S603
                [
                    _tool("pg_restore"),
                    "--clean",
                    "--if-exists",
                    "--no-owner",
                    "--no-privileges",
                    "--single-transaction",
                    f"--dbname={database['NAME']}",
                    str(work / POSTGRES_FILE),
                ],
                env=_pg_env(database),
                check=True,
                capture_output=True,
            )
        if media_root.exists():
            shutil.rmtree(media_root)
        if (work / MEDIA_DIR).exists():
            shutil.copytree(work / MEDIA_DIR, media_root)
        else:
            media_root.mkdir(parents=True, exist_ok=True)
    return manifest
