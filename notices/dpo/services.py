"""DPO actions that span the library and publishing."""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction

from clauses.models import ClauseVersion
from clauses.services import clause_version_publish
from health.coverage import gap_message, notice_type_gaps
from health.services import closed_partner_warnings
from notices.models import NoticeType, PublishRun
from notices.publishing.runs import clauses_republish

DRAFT_CHANGED = (
    "The saved text changed after this page was opened, so nothing was published. "
    "Check what would be published now, then confirm again."
)
NOTHING_TO_PUBLISH = "Choose at least one draft to publish."


@dataclass(frozen=True)
class ClausesPublished:
    versions: list[ClauseVersion]
    run: PublishRun
    warnings: list[str]

    @property
    def version(self) -> ClauseVersion:
        return self.versions[0]


def versions_fingerprint(versions: Sequence[ClauseVersion]) -> str:
    """A digest of exactly the saved text a DPO confirmed: any later save changes it."""
    digest = hashlib.sha256()
    for version in sorted(versions, key=lambda v: v.pk):
        for value in (
            version.pk,
            version.status,
            version.body,
            version.summary,
            version.change_summary,
            version.effective_date,
        ):
            digest.update(str(value).encode())
            digest.update(b"\0")
    return digest.hexdigest()


@transaction.atomic
def clause_versions_publish_everywhere(
    *,
    versions: Sequence[ClauseVersion],
    user: AbstractBaseUser | None,
    fingerprint: str | None = None,
) -> ClausesPublished:
    """Publish drafts together and re-publish, in one background run, every notice using them.

    With a `fingerprint`, publish only if the saved versions are still the ones it was made
    from: what a DPO confirmed is what goes live, or nothing does.
    """
    if not versions:
        raise ValidationError(NOTHING_TO_PUBLISH)
    locked = list(
        ClauseVersion.objects.select_for_update()
        .select_related("clause")
        .filter(pk__in=[version.pk for version in versions])
        .order_by("clause__heading")
    )
    if fingerprint is not None and versions_fingerprint(locked) != fingerprint:
        raise ValidationError(DRAFT_CHANGED)
    published = [clause_version_publish(version=version, user=user) for version in locked]
    run = clauses_republish(clauses=[version.clause for version in published], user=user)
    warnings = []
    clause_ids = [version.clause_id for version in published]
    for notice_type in NoticeType.objects.filter(items__clause__in=clause_ids).distinct():
        gaps = notice_type_gaps(notice_type)
        if gaps:
            warnings.append(gap_message(notice_type, gaps))
    warnings += closed_partner_warnings(school_notices=run.school_notices.all())
    return ClausesPublished(versions=published, run=run, warnings=warnings)


def clause_version_publish_everywhere(
    *, version: ClauseVersion, user: AbstractBaseUser | None, fingerprint: str | None = None
) -> ClausesPublished:
    """Publish a draft and re-publish, in the background, every notice that uses its clause."""
    return clause_versions_publish_everywhere(
        versions=[version], user=user, fingerprint=fingerprint
    )
