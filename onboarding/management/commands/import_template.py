from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from onboarding.documents import document_text
from onboarding.template_import import template_import
from schools.models import School


class Command(BaseCommand):
    help = "Bootstrap a clause library (a new notice type) from an existing notice."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", type=Path, help="The notice: plain text, Markdown or HTML.")
        parser.add_argument(
            "--school",
            required=True,
            metavar="SLUG",
            help="The school the notice belongs to: its facts become placeholders.",
        )
        parser.add_argument("--title", default="Imported privacy notice")

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        path: Path = options["file"]
        if not path.is_file():
            raise CommandError(f"No such file: {path}")
        school = School.objects.filter(slug=options["school"]).first()
        if school is None:
            raise CommandError(f"No school {options['school']}.")
        try:
            result = template_import(
                text=document_text(path), school=school, title=options["title"]
            )
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Created notice type “{result.notice_type.title}” ({result.notice_type.slug}) with "
            f"{result.clauses} clauses and {result.placeholders} placeholders. Rendered for "
            f"{school.name} it gives back the original text with a similarity of "
            f"{result.similarity:.3f}."
        )
