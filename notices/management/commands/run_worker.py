"""The background worker: django-tasks-db's `db_worker`, plus the watch for dead workers."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

from django.conf import settings
from django.db import close_old_connections, connection
from django_tasks_db.management.commands.db_worker import Command as DBWorkerCommand

from notices.publishing.tasks import requeue_stale_tasks

logger = logging.getLogger(__name__)
STALE_CHECK_SECONDS = 60


def _heartbeat() -> None:
    """Touch WORKER_HEARTBEAT_FILE, if set: a container healthcheck reads its age to tell that
    the worker is alive and reaches the database."""
    if settings.WORKER_HEARTBEAT_FILE:
        Path(settings.WORKER_HEARTBEAT_FILE).touch()


def _watch_for_stale_tasks(stop: threading.Event) -> None:
    while not stop.is_set():
        try:
            requeue_stale_tasks()
            _heartbeat()
        except Exception:  # never let the watch kill the worker
            logger.exception("Could not check for stale tasks")
        finally:
            close_old_connections()
        stop.wait(STALE_CHECK_SECONDS)
    connection.close()


class Command(DBWorkerCommand):
    help = (
        "Run queued publishing tasks (pages, then PDFs). Also re-queues tasks whose worker "
        "died mid-task. Run one or more per machine; they share the database queue."
    )

    def handle(self, *args, **options):  # type: ignore[no-untyped-def]
        requeue_stale_tasks()
        if options["batch"]:  # one pass over the queue: the check above is enough
            return super().handle(*args, **options)
        stop = threading.Event()
        watcher = threading.Thread(target=_watch_for_stale_tasks, args=(stop,), daemon=True)
        watcher.start()
        try:
            return super().handle(*args, **options)
        finally:
            stop.set()
