"""The lifecycle of a clause version: draft, published, retired."""

from __future__ import annotations

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from .models import Clause, ClauseVersion

ALREADY_HAS_DRAFT = "“{clause}” already has a draft (version {number}): edit that one."
NOT_A_DRAFT = "Only a draft can be published; version {number} is {status}."
NOT_PUBLISHED = "Only the published version can be retired; version {number} is {status}."
NEEDS_SUMMARY = "Say what changed in the change summary before publishing version {number}."


@transaction.atomic
def clause_version_start_draft(*, clause: Clause, user: AbstractBaseUser | None) -> ClauseVersion:
    """A new draft holding the text of the latest version, ready to edit."""
    existing = clause.draft_version()
    if existing is not None:
        raise ValidationError(ALREADY_HAS_DRAFT.format(clause=clause, number=existing.number))
    latest = clause.versions.order_by("-number").first()
    draft = ClauseVersion(
        clause=clause,
        body=latest.body if latest else "",
        summary=latest.summary if latest else "",
        author=user,
    )
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Started a draft of “{clause}”.")
        draft.save()
    return draft


def _check_publishable(version: ClauseVersion) -> None:
    if version.status != ClauseVersion.Status.DRAFT:
        raise ValidationError(NOT_A_DRAFT.format(number=version.number, status=version.status))
    version.full_clean()
    if version.number > 1 and not version.change_summary.strip():
        raise ValidationError(NEEDS_SUMMARY.format(number=version.number))


def clause_version_publish_problems(*, version: ClauseVersion) -> list[str]:
    """Why the version cannot be published as it is saved; empty when it can."""
    try:
        _check_publishable(version)
    except ValidationError as error:
        return error.messages
    return []


@transaction.atomic
def clause_version_publish(
    *, version: ClauseVersion, user: AbstractBaseUser | None
) -> ClauseVersion:
    """Make a draft the live version of its clause, retiring the one it replaces."""
    version = ClauseVersion.objects.select_for_update().get(pk=version.pk)
    _check_publishable(version)
    now = timezone.now()
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Published version {version.number} of “{version.clause}”.")
        previous = version.clause.live_version()
        if previous is not None:
            previous.status = ClauseVersion.Status.RETIRED
            previous.save()
        version.status = ClauseVersion.Status.PUBLISHED
        version.published_at = now
        if version.effective_date is None:
            version.effective_date = timezone.localdate(now)
        version.save()
    return version


@transaction.atomic
def clause_version_retire(
    *, version: ClauseVersion, user: AbstractBaseUser | None
) -> ClauseVersion:
    """Withdraw a published version; notices leave the clause out until another is published."""
    version = ClauseVersion.objects.select_for_update().get(pk=version.pk)
    if version.status != ClauseVersion.Status.PUBLISHED:
        raise ValidationError(NOT_PUBLISHED.format(number=version.number, status=version.status))
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Retired version {version.number} of “{version.clause}”.")
        version.status = ClauseVersion.Status.RETIRED
        version.save()
    return version
