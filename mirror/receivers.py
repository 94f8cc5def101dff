"""Publishing's signals, answered by writing the mirror. A failure is logged, never raised:
the publication is live in the database whatever happens to its copy, and the app serves it."""

from __future__ import annotations

import logging

from django.dispatch import receiver

from mirror.services import mirror_forget, mirror_publication
from notices.models import Publication
from notices.publishing.signals import publication_pdf_stored, publication_published

logger = logging.getLogger(__name__)


@receiver(publication_published)
@receiver(publication_pdf_stored)
def _mirror(sender: type, *, publication: Publication, **kwargs: object) -> None:
    try:
        mirror_publication(publication=publication)
    except Exception:
        logger.exception("Could not write publication %s to the mirror", publication.pk)
        try:  # never leave the previous version's copy answering for this one
            mirror_forget(publication=publication)
        except Exception:
            logger.exception("Could not take publication %s off the mirror", publication.pk)
