"""Writing a translation: record it, then bring the notices that show it up to date."""

from __future__ import annotations

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from clauses.languages import language_name
from clauses.markup import PLACEHOLDERS, compile_body
from clauses.models import ClauseVersion, ClauseVersionTranslation
from notices.diff import BlockGroup, block_diff, section_blocks
from notices.models import PublishRun, SchoolNotice
from notices.publishing.rendering import sanitise
from notices.publishing.runs import publish_run_start


@transaction.atomic
def translation_save(
    *, translation: ClauseVersionTranslation, user: AbstractBaseUser | None
) -> PublishRun | None:
    """Save a checked translation; if its version is in use, re-publish the notices in that
    language (a draft's translation waits for the draft to be published)."""
    translation.full_clean()
    translation.translated_by = user if user is not None and user.is_authenticated else None
    with reversion.create_revision():
        reversion.set_user(translation.translated_by)
        reversion.set_comment(
            f"{language_name(translation.language)} translation of "
            f"“{translation.version.clause}” version {translation.version.number}."
        )
        translation.save()
    if translation.version.status == ClauseVersion.Status.DRAFT:
        return None
    school_notices = [
        school_notice
        for school_notice in SchoolNotice.objects.filter(
            notice_type__items__clause=translation.version.clause_id, school__is_open=True
        ).distinct()
        if translation.language in school_notice.languages
    ]
    if not school_notices:
        return None
    return publish_run_start(
        school_notices=school_notices,
        reason=f"Translation updated: {translation}",
        user=user,
    )


def _source_blocks(body: str):  # type: ignore[no-untyped-def]
    """The English text as blocks, placeholders written as the DPO writes them."""
    names = {name: f"{{{{ {name} }}}}" for name in PLACEHOLDERS}
    html = compile_body(body).render(names, {"partners": lambda: "<p>{{ partners }}</p>"})
    return section_blocks(sanitise(html))


def english_changes_since(translated: ClauseVersion, newer: ClauseVersion) -> list[BlockGroup]:
    """What the English of `newer` says differently from the version a translation was made
    of: the part of the translation to bring up to date."""
    return block_diff(_source_blocks(translated.body), _source_blocks(newer.body))
