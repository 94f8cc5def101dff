"""The restore drill: back up the demo database and its PDFs, restore them into a fresh database
and media folder, and check that nothing was lost. On PostgreSQL the fresh database is the
test's own (created and dropped here); the shared server is never touched otherwise."""

from __future__ import annotations

import contextlib
import hashlib
import importlib
import sqlite3
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection

from backups.services import BackupError, backup_create, backup_manifest, backup_restore
from backups.services import table_counts as live_table_counts
from clauses.models import Clause
from notices.demo.loader import load_demo
from notices.models import Publication
from notices.publishing.batch import notices_publish, select_school_notices
from notices.publishing.services import publication_render_pdf

pytestmark = pytest.mark.django_db(transaction=True)
PDFS = 3

Query = Callable[[str, tuple], list[tuple]]


@contextlib.contextmanager
def fresh_database(tmp_path: Path) -> Iterator[tuple[dict[str, Any], Query]]:
    """An empty database beside the test's, as a DATABASES entry and a way to query it."""
    settings_dict = dict(connection.settings_dict)
    if connection.vendor == "sqlite":
        settings_dict["NAME"] = str(tmp_path / "fresh.sqlite3")

        def query(sql: str, params: tuple = ()) -> list[tuple]:
            with contextlib.closing(sqlite3.connect(settings_dict["NAME"])) as db:
                return db.execute(sql.replace("%s", "?"), params).fetchall()

        yield settings_dict, query
        return
    import psycopg

    name = f"{settings_dict['NAME']}_restore"[:63]
    server = {
        "host": settings_dict["HOST"] or None,
        "port": settings_dict["PORT"] or None,
        "user": settings_dict["USER"] or None,
        "password": settings_dict["PASSWORD"] or None,
    }
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}"')
        admin.execute(f'CREATE DATABASE "{name}"')
    settings_dict["NAME"] = name

    def query(sql: str, params: tuple = ()) -> list[tuple]:
        with psycopg.connect(dbname=name, **server) as db:
            return db.execute(sql, params).fetchall()

    try:
        yield settings_dict, query
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def demo_with_pdfs(settings) -> list[Publication]:
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # A transactional test starts from an empty database: put back the groups a migration makes.
    from django.apps import apps

    importlib.import_module("schools.migrations.0002_groups").create_groups(apps, None)
    load_demo(password="demo-password-for-the-drill")
    from schools.models import School

    slugs = list(School.objects.order_by("urn").values_list("slug", flat=True)[:2])
    notices_publish(school_notices=select_school_notices(school_slugs=slugs))
    publications = list(Publication.objects.order_by("pk")[:PDFS])
    return [publication_render_pdf(publication=p) for p in publications]


def test_a_backup_of_the_demo_restores_into_a_fresh_database(
    demo_with_pdfs, settings, tmp_path, capsys
):
    archive = backup_create(output=tmp_path / "drill.tar.gz", media_root=Path(settings.MEDIA_ROOT))
    live_counts = live_table_counts()
    clause = Clause.objects.order_by("key").first()
    clause_type = ContentType.objects.get_for_model(Clause)
    history_sql = (
        "SELECT r.comment, v.serialized_data FROM reversion_version v "
        "JOIN reversion_revision r ON r.id = v.revision_id "
        "WHERE v.content_type_id = %s AND v.object_id = %s ORDER BY v.id"
    )
    with connection.cursor() as cursor:
        cursor.execute(history_sql, (clause_type.pk, str(clause.pk)))
        live_history = [tuple(row) for row in cursor.fetchall()]

    restored_media = tmp_path / "restored-media"
    with fresh_database(tmp_path) as (database, query):
        manifest = backup_restore(
            archive_path=archive, database=database, media_root=restored_media
        )

        restored_counts = {
            table: query(f'SELECT COUNT(*) FROM "{table}"', ())[0][0]  # noqa: S608
            for table in live_counts
        }
        restored_history = [
            tuple(row) for row in query(history_sql, (clause_type.pk, str(clause.pk)))
        ]
        pdfs = query(
            "SELECT pdf, pdf_size, pdf_sha256 FROM notices_publication WHERE pdf <> ''", ()
        )

    assert manifest["tables"] == live_counts
    assert restored_counts == live_counts
    assert live_counts["schools_school"] >= 12
    assert len(live_history) >= 1
    assert restored_history == live_history
    assert len(pdfs) == PDFS
    for name, size, sha256 in pdfs:
        content = (restored_media / name).read_bytes()
        assert len(content) == size
        assert hashlib.sha256(content).hexdigest() == sha256
    with capsys.disabled():
        print(
            f"\nrestore drill ({connection.vendor}): {archive.stat().st_size / 1024:.0f} KB "
            f"archive; {len(live_counts)} tables, {sum(live_counts.values())} rows restored "
            f"with the same counts; clause “{clause.key}” history {len(restored_history)} "
            f"revision(s) identical; {len(pdfs)} PDFs match their size and SHA-256"
        )


def test_every_stored_pdf_records_its_size_and_hash(demo_with_pdfs):
    for publication in demo_with_pdfs:
        content = publication.pdf.read()
        assert publication.pdf_size == len(content)
        assert publication.pdf_sha256 == hashlib.sha256(content).hexdigest()


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path):
    import tarfile

    bogus = tmp_path / "holiday-photos.tar.gz"
    with tarfile.open(bogus, "w:gz"):
        pass

    with pytest.raises(BackupError, match="is not a backup made by"):
        backup_manifest(archive_path=bogus)
