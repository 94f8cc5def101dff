"""DPO actions that span the library and publishing."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from clauses.models import ClauseVersion
from clauses.services import clause_version_publish
from health.coverage import gap_message, notice_type_gaps
from notices.models import NoticeType, PublishRun
from notices.publishing.runs import clause_republish


@dataclass(frozen=True)
class ClausePublished:
    version: ClauseVersion
    run: PublishRun
    warnings: list[str]


@transaction.atomic
def clause_version_publish_everywhere(
    *, version: ClauseVersion, user: AbstractBaseUser | None
) -> ClausePublished:
    """Publish a draft and re-publish, in the background, every notice that uses its clause."""
    version = clause_version_publish(version=version, user=user)
    run = clause_republish(clause=version.clause, user=user)
    warnings = []
    for notice_type in NoticeType.objects.filter(items__clause=version.clause).distinct():
        gaps = notice_type_gaps(notice_type)
        if gaps:
            warnings.append(gap_message(notice_type, gaps))
    return ClausePublished(version=version, run=run, warnings=warnings)
