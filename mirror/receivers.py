"""Publishing's signals, answered by writing the mirror. A failure is logged, never raised:
the publication is live in the database whatever happens to its copy, and the app serves it."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial

from django.dispatch import receiver

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


@receiver(publications_published)
def _mirror_batch(sender: type, *, publications: list[Publication], **kwargs: object) -> None:
    for publication in publications:
        _safely(partial(mirror_publication, live_written=True), publication)


def _safely(write: Callable[..., object], publication: Publication) -> None:
    try:
        write(publication=publication)
    except Exception:
        logger.exception("Could not write publication %s to the mirror", publication.pk)
        try:  # never leave the previous version's copy answering for this one
            mirror_forget(publication=publication)
        except Exception:
            logger.exception("Could not take publication %s off the mirror", publication.pk)
