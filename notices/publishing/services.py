"""Publishing: turn a school notice's current inputs into a new, numbered Publication."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from django.conf import settings
from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import connection, transaction
from django.db.models import Max, Q
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
    """
    return notices_publish_together([school_notice], user=user, builder=builder)[0]


def notices_publish_together(
    school_notices: Sequence[SchoolNotice],
    *,
    user: AbstractBaseUser | None = None,
    builder: InputsBuilder | None = None,
) -> list[PublishResult]:
    """Publish a few notices (as `notice_publish` does each), writing them in one transaction.

    Each notice's inputs are built, checked and rendered on their own, outside any transaction,
    so a notice that fails there fails alone. Their writes are then made together: one lock,
    one read of the live publications, one insert of each kind of row; on a county of schools
    this is most of what publishing a page cost. If writing them together fails, each is
    written alone, so one bad notice never takes the others with it.
    """
    builder = builder or InputsBuilder()
    results: dict[int, PublishResult] = {}
    ready: list[tuple[SchoolNotice, NoticeInputs]] = []
    for school_notice in school_notices:
        try:
            inputs = builder.build(school_notice)
            problems = inputs.problems() or foreign_contacts(
                inputs=inputs, index=builder.contacts()
            )
        except Exception as error:
            results[school_notice.pk] = _render_failed(school_notice, error)
            continue
        if problems:
            results[school_notice.pk] = _failed(school_notice, problems)
        else:
            ready.append((school_notice, inputs))
    drafts = []
    for school_notice, inputs, live in _with_live(ready, with_inputs=True):
        draft = _draft_or_failure(school_notice, inputs, live)
        if isinstance(draft, PublishResult):
            results[school_notice.pk] = draft
        else:
            drafts.append(draft)
    try:
        written = _write(drafts, user=user)
    except Exception as error:
        if len(drafts) == 1:
            written = [_write_failed(drafts[0], error)]
        else:  # each alone: only the notice at fault fails
            written = [_write_alone(draft, user=user) for draft in drafts]
    results.update((result.school_notice.pk, result) for result in written)
    return [results[school_notice.pk] for school_notice in school_notices]


@dataclass(frozen=True)
class _Draft:
    """A publication as it would be made, against the live one it follows; `unchanged` when
    the inputs are the live publication's."""

    school_notice: SchoolNotice
    inputs: NoticeInputs
    live: Publication | None
    number: int = 0
    published_at: datetime | None = None
    html: str = ""
    translations: tuple[tuple[str, str, bool], ...] = ()  # language, HTML, behind
    change_summary: tuple[str, ...] = ()
    unchanged: bool = False


def _with_live(
    ready: Sequence[tuple[SchoolNotice, NoticeInputs]], *, with_inputs: bool
) -> list[tuple[SchoolNotice, NoticeInputs, Publication | None]]:
    """Each notice beside its live publication (the newest), read for all in one query; with
    the inputs of those whose inputs changed (which the change summary compares)."""
    if not ready:
        return []
    ids = [school_notice.pk for school_notice, _inputs in ready]
    # The newest numbers from the (notice, number) index alone, then just those rows: older
    # publications are never read, however many a notice has had.
    newest = (
        Publication.objects.filter(school_notice_id__in=ids)
        .order_by()
        .values_list("school_notice_id")
        .annotate(Max("number"))
    )
    which = Q()
    for school_notice_id, number in newest:
        which |= Q(school_notice_id=school_notice_id, number=number)
    live = {
        publication.school_notice_id: publication
        for publication in (
            Publication.objects.filter(which)
            .order_by()
            .only("pk", "number", "input_hash", "school_notice_id")
            if which
            else []
        )
    }
    if with_inputs:
        changed = [
            live[school_notice.pk].pk
            for school_notice, inputs in ready
            if school_notice.pk in live and live[school_notice.pk].input_hash != inputs.hash
        ]
        snapshots = dict(
            Publication.objects.filter(pk__in=changed).order_by().values_list("pk", "inputs")
        )
        for publication in live.values():
            if publication.pk in snapshots:
                publication.inputs = snapshots[publication.pk]
    return [(school_notice, inputs, live.get(school_notice.pk)) for school_notice, inputs in ready]


def _draft_or_failure(
    school_notice: SchoolNotice, inputs: NoticeInputs, live: Publication | None
) -> _Draft | PublishResult:
    if live is not None and live.input_hash == inputs.hash:
        return _Draft(school_notice=school_notice, inputs=inputs, live=live, unchanged=True)
    try:
        draft = _draft(school_notice, inputs, live)
    except Exception as error:
        return _render_failed(school_notice, error)
    if len(draft.html) > settings.PUBLICATION_HTML_MAX_CHARS:
        return _failed(school_notice, [_too_long(draft.html)])
    return draft


def _too_long(html: str) -> str:
    return NOTICE_TOO_LONG.format(length=len(html), limit=settings.PUBLICATION_HTML_MAX_CHARS)


def _draft(school_notice: SchoolNotice, inputs: NoticeInputs, live: Publication | None) -> _Draft:
    number = live.number + 1 if live else 1
    published_at = timezone.now()
    english_url = school_notice.get_absolute_url()
    return _Draft(
        school_notice=school_notice,
        inputs=inputs,
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
        change_summary=tuple(summarise_changes(live.inputs if live else None, inputs.snapshot())),
    )


def _write(drafts: Sequence[_Draft], *, user: AbstractBaseUser | None) -> list[PublishResult]:
    """Write the drafts' publications in one transaction, after locking their notices so no
    one else takes the same numbers. A notice published meanwhile is drafted again."""
    if not drafts:
        return []
    with transaction.atomic():
        ids = [draft.school_notice.pk for draft in drafts]
        # In one order, so two publishers whose notices overlap wait for each other, never deadlock.
        locking = SchoolNotice.objects.select_for_update().filter(pk__in=ids).order_by("pk")
        list(locking.values_list("pk"))
        current = {
            school_notice.pk: live
            for school_notice, _inputs, live in _with_live(
                [(draft.school_notice, draft.inputs) for draft in drafts], with_inputs=False
            )
        }
        drafts = [
            draft if _pk(current[draft.school_notice.pk]) == _pk(draft.live) else _redraft(draft)
            for draft in drafts
        ]
        results: list[PublishResult] = []
        new = [draft for draft in drafts if not draft.unchanged]
        publications = Publication.objects.bulk_create(
            Publication(
                school_notice=draft.school_notice,
                number=draft.number,
                html=draft.html,
                input_hash=draft.inputs.hash,
                inputs=draft.inputs.snapshot(),
                change_summary=list(draft.change_summary),
                published_by=user if user is not None and user.is_authenticated else None,
                published_at=draft.published_at,
            )
            for draft in new
        )
        PublicationTranslation.objects.bulk_create(
            PublicationTranslation(
                publication=publication, language=language, html=translated, behind=behind
            )
            for draft, publication in zip(new, publications, strict=True)
            for language, translated, behind in draft.translations
        )
        _link_clause_versions(
            (publication.pk, clause.version_id)
            for draft, publication in zip(new, publications, strict=True)
            for clause in draft.inputs.clauses
        )
        by_notice = {publication.school_notice_id: publication for publication in publications}
        for draft in drafts:
            _record_error(draft.school_notice, "")
            if draft.unchanged:
                results.append(PublishResult(draft.school_notice, "unchanged", draft.live))
            else:
                publication = by_notice[draft.school_notice.pk]
                results.append(PublishResult(draft.school_notice, "published", publication))
                transaction.on_commit(partial(_announce, publication))
    return results


def _link_clause_versions(rows: Iterable[tuple[int, int]]) -> None:
    """Record which clause versions each publication was made from (publication id, version id).

    In one `executemany` rather than `bulk_create`: a notice has dozens of clauses, and making
    a model instance of each link row took longer than writing the publications themselves."""
    through = Publication.clause_versions.through
    quote = connection.ops.quote_name
    table = quote(through._meta.db_table)
    publication = quote(through._meta.get_field("publication").column)
    version = quote(through._meta.get_field("clauseversion").column)
    rows = list(rows)
    if rows:
        with connection.cursor() as cursor:
            cursor.executemany(
                f"INSERT INTO {table} ({publication}, {version}) VALUES (%s, %s)",  # noqa: S608 (names from the model, quoted)
                rows,
            )


def _pk(publication: Publication | None) -> int | None:
    return publication.pk if publication is not None else None


def _redraft(draft: _Draft) -> _Draft:
    """Published by someone else since it was drafted: against the new live one, locked."""
    ((_school_notice, _inputs, live),) = _with_live(
        [(draft.school_notice, draft.inputs)], with_inputs=True
    )
    if live is not None and live.input_hash == draft.inputs.hash:
        return replace(draft, live=live, unchanged=True)
    redrafted = _draft(draft.school_notice, draft.inputs, live)
    if len(redrafted.html) > settings.PUBLICATION_HTML_MAX_CHARS:
        raise ValueError(_too_long(redrafted.html))
    return redrafted


def _write_alone(draft: _Draft, *, user: AbstractBaseUser | None) -> PublishResult:
    try:
        return _write([draft], user=user)[0]
    except Exception as error:
        return _write_failed(draft, error)


def _write_failed(draft: _Draft, error: Exception) -> PublishResult:
    logger.error("Publishing %s failed", draft.school_notice, exc_info=error)
    return _failed(draft.school_notice, [f"The notice could not be published: {error}"])


def _announce(publication: Publication) -> None:
    publication_published.send(sender=Publication, publication=publication)


def _render_failed(school_notice: SchoolNotice, error: Exception) -> PublishResult:
    logger.exception("Publishing %s failed", school_notice)
    return _failed(school_notice, [f"The notice could not be rendered: {error}"])


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
