from __future__ import annotations

import os
import secrets
from typing import Any

from django.core.management.base import BaseCommand
from django.db import transaction

from notices.demo.loader import DPO_USERNAME, load_demo

ADMIN_URL = "http://127.0.0.1:8000/admin/"
OFFICE_URL = "http://127.0.0.1:8000/office/"


class Command(BaseCommand):
    help = (
        "Load the fictional Wexbury demo data: a county, its schools, DPOs, sharing partners, "
        "the clause library, two notice types and demo logins. Safe to run again: nothing is "
        "duplicated, and the demo users' password is reset. The password comes from "
        "DEMO_PASSWORD, or is generated and printed."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        password = os.environ.get("DEMO_PASSWORD", "")
        source = "from DEMO_PASSWORD"
        if not password:
            password = secrets.token_urlsafe(12)
            source = "generated; set DEMO_PASSWORD to choose one"
        with transaction.atomic():
            summary = load_demo(password=password)

        write = self.stdout.write
        write(
            self.style.SUCCESS(
                f"Demo data loaded: {summary.total_created} created, "
                f"{summary.total_updated} updated."
            )
        )
        for line in summary.lines():
            write(f"  {line}")
        if summary.clauses_differing:
            write(
                self.style.WARNING(
                    "Left as published (their live text differs from the demo library): "
                    + ", ".join(summary.clauses_differing)
                )
            )
        office = [name for name in summary.usernames if name != DPO_USERNAME]
        write("")
        write(self.style.MIGRATE_HEADING("Demo logins"))
        write(f"  Password for all {summary.passwords_set} demo users ({source}): {password}")
        write(f"  DPO staff, in the admin at {ADMIN_URL}: {DPO_USERNAME}")
        write("    then a second step: a code from an authenticator app set up with the key")
        write(f"      {summary.dpo_authenticator_key}")
        write("    or one of these backup codes (each works once; new ones on every run):")
        write(f"      {' '.join(summary.dpo_backup_codes)}")
        write(f"  School office staff, in the portal at {OFFICE_URL}:")
        for username in office:
            write(f"    {username}")
        write("")
        write("Publish the notices with: manage.py publish_notices --all (make run does).")
