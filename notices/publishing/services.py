"""Publishing: turn a school notice's current inputs into a new, numbered Publication."""

from __future__ import annotations

import hashlib
import logging
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, TypeVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from notices.models import Publication, PublicationTranslation, SchoolNotice, notice_url
from notices.publishing.changes import summarise_changes
from notices.publishing.guard import foreign_contacts
from notices.publishing.inputs import InputsBuilder, NoticeInputs
from notices.publishing.limits import render_pdf_limited

if TYPE_CHECKING:
    from notices.publishing.pdf import Cover
from notices.publishing.rendering import render_notice_html
from notices.publishing.signals import publication_pdf_stored, publication_published

logger = logging.getLogger(__name__)

NOTICE_TOO_LONG = (
    "The notice would be {length:,} characters long, more than the {limit:,} a notice may have, "
    "so it was not published; the notice already live stays live. A clause or a list of "
    "partners is far too long: shorten it and publish again."
)


@dataclass(frozen=True)
class PublishResult:
    school_notice: SchoolNotice
    status: str  # "published", "unchanged" or "failed"
    publication: Publication | None = None
    errors: tuple[str, ...] = ()


def notice_publish(
    *,
    school_notice: SchoolNotice,
    user: AbstractBaseUser | None = None,
    builder: InputsBuilder | None = None,
) -> PublishResult:
    """Publish the school notice if its inputs changed since its live publication.

    Idempotent: unchanged inputs publish nothing. Atomic: if anything fails, the previous
    publication stays live and the error is recorded on the school notice for DPO staff.
    The HTML is rendered before the transaction, which only checks that no one published in
    between and writes: other publishers (processes of the same run) wait for the writes only.
    """
    builder = builder or InputsBuilder()
    try:
        inputs = builder.build(school_notice)
        problems = inputs.problems() or foreign_contacts(inputs=inputs, index=builder.contacts())
        if problems:
            return _failed(school_notice, problems)
        draft = _draft(school_notice, inputs)
        with transaction.atomic():
            # Lock the school notice so two publishers cannot take the same number.
            SchoolNotice.objects.select_for_update().filter(pk=school_notice.pk).first()
            if _live_publication(school_notice, with_inputs=False) != draft.live:
                draft = _draft(school_notice, inputs)  # published meanwhile: again, locked
            return _publish(school_notice=school_notice, inputs=inputs, draft=draft, user=user)
    except Exception as error:
        logger.exception("Publishing %s failed", school_notice)
        return _failed(school_notice, [f"The notice could not be rendered: {error}"])


@dataclass(frozen=True)
class _Draft:
    """A publication as it would be made, against the live one it follows (None if the
    inputs are unchanged)."""

    live: Publication | None
    number: int = 0
    published_at: datetime | None = None
    html: str = ""
    translations: tuple[tuple[str, str, bool], ...] = ()  # language, HTML, behind
    unchanged: bool = False


def _live_publication(school_notice: SchoolNotice, *, with_inputs: bool) -> Publication | None:
    fields = ("pk", "number", "input_hash", "inputs") if with_inputs else ("pk",)
    return school_notice.publications.only(*fields).order_by("-number").first()


def _draft(school_notice: SchoolNotice, inputs: NoticeInputs) -> _Draft:
    live = _live_publication(school_notice, with_inputs=True)
    if live is not None and live.input_hash == inputs.hash:
        return _Draft(live=live, unchanged=True)
    number = live.number + 1 if live else 1
    published_at = timezone.now()
    english_url = school_notice.get_absolute_url()
    return _Draft(
        live=live,
        number=number,
        published_at=published_at,
        html=render_notice_html(inputs=inputs, number=number, published_at=published_at),
        translations=tuple(
            (
                translation.language,
                render_notice_html(
                    inputs=inputs,
                    number=number,
                    published_at=published_at,
                    translation=translation,
                    english_url=english_url,
                ),
                translation.behind,
            )
            for translation in inputs.translations
        ),
    )


def _publish(
    *,
    school_notice: SchoolNotice,
    inputs: NoticeInputs,
    draft: _Draft,
    user: AbstractBaseUser | None,
) -> PublishResult:
    live = draft.live
    if draft.unchanged:
        _record_error(school_notice, "")
        return PublishResult(school_notice, "unchanged", live)
    html = draft.html
    if len(html) > settings.PUBLICATION_HTML_MAX_CHARS:
        return _failed(
            school_notice,
            [NOTICE_TOO_LONG.format(length=len(html), limit=settings.PUBLICATION_HTML_MAX_CHARS)],
        )
    snapshot = inputs.snapshot()
    publication = Publication.objects.create(
        school_notice=school_notice,
        number=draft.number,
        html=html,
        input_hash=inputs.hash,
        inputs=snapshot,
        change_summary=summarise_changes(live.inputs if live else None, snapshot),
        published_by=user if user is not None and user.is_authenticated else None,
        published_at=draft.published_at,
    )
    PublicationTranslation.objects.bulk_create(
        PublicationTranslation(
            publication=publication, language=language, html=translated, behind=behind
        )
        for language, translated, behind in draft.translations
    )
    through = Publication.clause_versions.through
    through.objects.bulk_create(
        through(publication_id=publication.pk, clauseversion_id=clause.version_id)
        for clause in inputs.clauses
    )
    _record_error(school_notice, "")
    transaction.on_commit(
        lambda: publication_published.send(sender=Publication, publication=publication)
    )
    return PublishResult(school_notice, "published", publication)


def _failed(school_notice: SchoolNotice, errors: list[str]) -> PublishResult:
    _record_error(school_notice, "\n".join(errors))
    return PublishResult(school_notice, "failed", errors=tuple(errors))


def _record_error(school_notice: SchoolNotice, error: str) -> None:
    if school_notice.last_error == error:
        return
    school_notice.last_error = error
    school_notice.last_error_at = timezone.now() if error else None
    school_notice.save(update_fields=["last_error", "last_error_at"])


def publication_public_url(publication: Publication) -> str:
    school_notice = publication.school_notice
    path = notice_url(school_slug=school_notice.school.slug, notice_type=school_notice.notice_type)
    return f"{settings.SITE_URL}{path}"


def publication_cover(publication: Publication) -> Cover:
    """What the PDF's first page says: all of it from the publication itself."""
    from notices.publishing.pdf import Cover  # WeasyPrint loads only where PDFs are made

    inputs = publication.inputs
    return Cover(
        school_name=inputs["school_name"],
        title=inputs["notice_title"],
        audience=inputs["audience"],
        number=publication.number,
        published_at=publication.published_at,
        url=publication_public_url(publication),
    )


def translation_cover(translation: PublicationTranslation) -> Cover:
    """The cover in the translation's language, pointing at the translated page."""
    publication = translation.publication
    english = publication_cover(publication)
    inputs = next(
        t for t in publication.inputs["translations"] if t["language"] == translation.language
    )
    return replace(
        english,
        school_name=inputs["facts"].get("school.name", english.school_name),
        title=inputs["notice_title"],
        audience=inputs["audience"],
        url=f"{english.url}{translation.language}/",
        language=translation.language,
    )


def publication_render_pdf(*, publication: Publication) -> Publication:
    """Render and store the publication's PDF, unless it already has one; then its summary
    PDF and its translations' PDFs, each tagged with its own language.

    Each render runs in a child process with a time and memory limit; one stopped by a limit
    raises `RenderRefused` with the reason, and the publication stays without that PDF.
    """
    if not publication.has_pdf:
        rendered = render_pdf_limited(
            notice_html=publication.html, cover=publication_cover(publication)
        )
        publication = store_pdf(publication, rendered.content, rendered.pages)
    publication = publication_render_summary_pdf(publication=publication)
    for translation in publication.translations.all():
        translation_render_pdf(translation=translation)
    return publication


def publication_render_summary_pdf(*, publication: Publication) -> Publication:
    """Render and store the short summary PDF, unless it already has one."""
    if publication.summary_pdf:
        return publication
    rendered = render_pdf_limited(
        notice_html=publication.html, cover=publication_cover(publication), summary_only=True
    )
    return store_summary_pdf(publication, rendered.content, rendered.pages)


def store_summary_pdf(publication: Publication, content: bytes, pages: int) -> Publication:
    with transaction.atomic():
        locked = Publication.objects.select_for_update().get(pk=publication.pk)
        if locked.summary_pdf:  # another worker got there first
            return locked
        locked.summary_pdf.save("summary.pdf", ContentFile(content), save=False)
        locked.summary_pdf_pages = pages
        locked.save(update_fields=["summary_pdf", "summary_pdf_pages"])
    return locked


def translation_render_pdf(*, translation: PublicationTranslation) -> PublicationTranslation:
    if translation.has_pdf:
        return translation
    rendered = render_pdf_limited(
        notice_html=translation.html, cover=translation_cover(translation)
    )
    return store_pdf(translation, rendered.content, rendered.pages)


Stored = TypeVar("Stored", Publication, PublicationTranslation)


def store_pdf(publication: Stored, content: bytes, pages: int) -> Stored:
    with transaction.atomic():
        locked = type(publication).objects.select_for_update().get(pk=publication.pk)
        if locked.has_pdf:  # another worker got there first
            return locked
        locked.pdf.save("notice.pdf", ContentFile(content), save=False)
        locked.pdf_size = len(content)
        locked.pdf_sha256 = hashlib.sha256(content).hexdigest()
        locked.pdf_pages = pages
        locked.pdf_rendered_at = timezone.now()
        locked.save(update_fields=["pdf", "pdf_size", "pdf_sha256", "pdf_pages", "pdf_rendered_at"])
        if isinstance(locked, Publication):  # the page shows its PDF's size: the mirror follows
            transaction.on_commit(
                lambda: publication_pdf_stored.send(sender=Publication, publication=locked)
            )
    return locked
