from __future__ import annotations

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from onboarding.management.documents import read_document, write_not_imported
from onboarding.template_import import template_import
from schools.models import School


class Command(BaseCommand):
    help = "Bootstrap a clause library (a new notice type) from an existing notice."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "file",
            type=Path,
            help="The notice: Word (.docx), ODT, PDF, a saved web page, Markdown or plain text.",
        )
        parser.add_argument(
            "--school",
            required=True,
            metavar="SLUG",
            help="The school the notice belongs to: its facts become placeholders.",
        )
        parser.add_argument("--title", default="Imported privacy notice")

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        school = School.objects.filter(slug=options["school"]).first()
        if school is None:
            raise CommandError(f"No school {options['school']}.")
        document = read_document(options["file"])
        try:
            result = template_import(document=document, school=school, title=options["title"])
        except ValueError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Created notice type “{result.notice_type.title}” ({result.notice_type.slug}) with "
            f"{result.clauses} clauses and {result.placeholders} placeholders. Rendered for "
            f"{school.name} it gives back the original text with a similarity of "
            f"{result.similarity:.3f}."
        )
        counts_in, counts_out = result.structure_in, result.structure_out
        self.stdout.write(
            "Structure in → out: "
            + ", ".join(
                f"{kind}s {counts_in.get(kind, 0)} → {counts_out.get(kind, 0)}"
                for kind in ("heading", "paragraph", "item")
            )
            + "."
        )
        if result.structure_differs:
            self.stdout.write(self.style.WARNING(result.structure_message()))
        write_not_imported(self.stdout, document)
        extra = result.not_imported[len(document.not_imported) :]
        for line in extra:
            self.stdout.write(f"  not imported: {line.text[:120]} ({line.reason})")
        if result.literals:
            self.stdout.write(
                f"{len(result.literals)} contact details are still written out in the library: "
                "confirm each is the library's own (not the school's), or make it a placeholder."
            )
            for literal in result.literals:
                self.stdout.write(f"  literal in “{literal.clause}”: {literal.text}")
