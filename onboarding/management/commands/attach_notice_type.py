from __future__ import annotations

from django.core.management.base import BaseCommand, CommandError, CommandParser

from notices.models import NoticeType
from onboarding.attach import notice_type_attach
from schools.models import LocalAuthority, School


class Command(BaseCommand):
    help = "Give open schools a notice type (an imported library) in bulk."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("notice_type", metavar="NOTICE_TYPE_SLUG")
        which = parser.add_mutually_exclusive_group(required=True)
        which.add_argument("--authority", metavar="CODE", help="Every open school of this LA.")
        which.add_argument("--school", metavar="SLUG", nargs="+", help="These schools.")
        which.add_argument("--all", action="store_true", help="Every open school.")

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        notice_type = NoticeType.objects.filter(slug=options["notice_type"]).first()
        if notice_type is None:
            raise CommandError(f"No notice type {options['notice_type']}.")
        schools = School.objects.open()
        if options["authority"]:
            if not LocalAuthority.objects.filter(code=options["authority"]).exists():
                raise CommandError(f"No local authority with the code {options['authority']}.")
            schools = schools.filter(local_authority__code=options["authority"])
        elif options["school"]:
            schools = School.objects.filter(slug__in=options["school"])
            unknown = set(options["school"]) - set(schools.values_list("slug", flat=True))
            if unknown:
                raise CommandError(f"No school {', '.join(sorted(unknown))}.")
        result = notice_type_attach(notice_type=notice_type, schools=schools, user=None)
        self.stdout.write(result.message())
