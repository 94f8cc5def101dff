from __future__ import annotations

from django.core.management.base import BaseCommand, CommandParser
from tqdm import tqdm

from health.services import publications_health
from notices.models import SchoolNotice
from notices.selectors import live_publications

CHUNK = 50


class Command(BaseCommand):
    help = (
        "Check every live notice's text (outdated law and terms, contacts, links, coverage, "
        "reading age) and keep the results the dashboard shows."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--authority", metavar="CODE", help="Only this authority's schools.")

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        school_notices = SchoolNotice.objects.filter(school__is_open=True).select_related(
            "school", "notice_type"
        )
        if options["authority"]:
            school_notices = school_notices.filter(
                school__local_authority__code=options["authority"]
            )
        by_pk = {sn.pk: sn for sn in school_notices}
        publications = list(live_publications(list(by_pk)).values())
        for publication in publications:
            publication.school_notice = by_pk[publication.school_notice_id]
        failing = 0
        with tqdm(total=len(publications), unit="notice", disable=options["verbosity"] < 1) as bar:
            for start in range(0, len(publications), CHUNK):
                chunk = publications[start : start + CHUNK]
                rows, _ = publications_health(publications=chunk)
                failing += sum(1 for row in rows.values() if row.findings)
                bar.update(len(chunk))
        self.stdout.write(
            f"Checked {len(publications)} live notice{'s' if len(publications) != 1 else ''}: "
            f"{failing} with findings."
        )
