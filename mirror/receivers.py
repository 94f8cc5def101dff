"""Publishing's signals, answered by writing the mirror. A failure is logged, never raised:
the publication is live in the database whatever happens to its copy, and the app serves it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from django.dispatch import receiver

from mirror import store
from mirror.services import mirror_forget, mirror_live_pages, mirror_publication
from notices.models import Publication
from notices.publishing.signals import (
    publication_pdf_stored,
    publication_published,
    publications_published,
)

logger = logging.getLogger(__name__)


@receiver(publication_published)
def _mirror_live(sender: type, *, publication: Publication, **kwargs: object) -> None:
    _safely(mirror_live_pages, publication)


@receiver(publication_pdf_stored)
def _mirror(sender: type, *, publication: Publication, **kwargs: object) -> None:
    _safely(mirror_publication, publication)
    _empty_trash()


@receiver(publications_published)
def _mirror_batch(sender: type, *, publications: list[Publication], **kwargs: object) -> None:
    """After a run's live pages, which left the pages they replaced in the trash."""
    for publication in publications:
        _safely(partial(mirror_publication, live_written=True), publication)
    _empty_trash()


def _empty_trash() -> None:
    try:
        store.empty_trash()
    except OSError:  # emptied next time
        logger.exception("Could not empty the mirror's trash")


def _safely(write: Callable[..., object], publication: Publication) -> None:
    try:
        write(publication=publication)
    except Exception:
        logger.exception("Could not write publication %s to the mirror", publication.pk)
        try:  # never leave the previous version's copy answering for this one
            mirror_forget(publication=publication)
        except Exception:
            logger.exception("Could not take publication %s off the mirror", publication.pk)
