from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from notices.models import SchoolNotice
from onboarding.adoption import notice_adopt
from onboarding.management.documents import document_summary, read_document, write_not_imported


class Command(BaseCommand):
    help = (
        "Compare a school's existing notice (Word, ODT, PDF, web page, Markdown or text) with "
        "the library."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path)
        parser.add_argument("--school", required=True, metavar="SLUG")
        parser.add_argument(
            "--notice-type", metavar="SLUG", help="Default: the main (parents') notice."
        )
        parser.add_argument("--json", action="store_true", help="Print one JSON object.")

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        path: Path = options["file"]
        school_notices = SchoolNotice.objects.filter(school__slug=options["school"])
        if options["notice_type"]:
            school_notices = school_notices.filter(notice_type__slug=options["notice_type"])
        else:
            school_notices = school_notices.filter(notice_type__is_primary=True)
        school_notice = school_notices.first()
        if school_notice is None:
            raise CommandError(
                f"No notice {options['notice_type'] or '(main)'} for school {options['school']}."
            )
        document = read_document(path)
        report = notice_adopt(school_notice=school_notice, source=document)
        if options["json"]:
            data = {**report.as_dict(), "document": document_summary(document)}
            self.stdout.write(json.dumps(data, indent=2, ensure_ascii=False))
            return
        counts = report.counts()
        self.stdout.write(
            f"{report.school}, {report.notice_type}: {counts['identical']} identical, "
            f"{counts['changed']} changed, {counts['missing']} missing clauses; "
            f"{len(report.local_additions)} local additions; "
            f"{len(report.art13_missing)} Art. 13 items missing; "
            f"{len(report.stale_facts)} stale facts; {len(report.health)} health findings."
        )
        for clause in report.clauses:
            if clause.status != "identical":
                self.stdout.write(f"  {clause.status}: {clause.title} ({clause.similarity:.2f})")
                for op, words in clause.changed:
                    sign = "+" if op == "insert" else "-"
                    self.stdout.write(f"      {sign} {words}")
        for text in report.local_additions:
            self.stdout.write(f"  local addition: {text[:100]}")
        for item in report.art13_missing:
            self.stdout.write(f"  Art. 13 missing: {item}")
        for fact in report.stale_facts:
            self.stdout.write(
                f"  stale {fact['field']}: found {fact['found']}, expected {fact['expected']}"
            )
        for finding in report.health:
            self.stdout.write(
                f"  {finding['severity']} {finding['check']} ({finding['where']}): "
                f"{finding['found']} → {finding['suggestion']}"
            )
        write_not_imported(self.stdout, document)
