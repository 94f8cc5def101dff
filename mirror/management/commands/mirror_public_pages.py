from __future__ import annotations

from django.core.management.base import BaseCommand
from tqdm import tqdm

from mirror import store
from mirror.services import mirror_rebuild
from notices.models import SchoolNotice

DONE = (
    "Mirrored {notices} notices: {files} files written, {removed} stale files removed, in {root}."
)


class Command(BaseCommand):
    help = (
        "Render every published notice page, PDF and versions page into the static mirror again "
        "and remove what is no longer published. Run it on every deploy (templates may have "
        "changed)."
    )

    def handle(self, *args, **options) -> None:  # type: ignore[no-untyped-def]
        total = SchoolNotice.objects.filter(publications__isnull=False).distinct().count()
        with tqdm(
            total=total, unit="notice", disable=options["verbosity"] < 1, file=self.stderr
        ) as bar:
            report = mirror_rebuild(progress=bar.update)
        self.stdout.write(
            DONE.format(
                notices=report.notices,
                files=report.files,
                removed=report.removed,
                root=store.root(),
            )
        )
