"""Attaching schools to a notice type in bulk, so an imported library serves a whole authority."""

from __future__ import annotations

from dataclasses import dataclass

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.db.models import QuerySet

from notices.models import NoticeType, SchoolNotice
from schools.models import School

ATTACHED = (
    "“{notice_type}”: {created} schools given the notice, {existing} already had it. "
    "Publish it to make their pages."
)


@dataclass(frozen=True)
class AttachResult:
    notice_type: NoticeType
    created: list[str]  # school slugs
    existing: int

    def message(self) -> str:
        return ATTACHED.format(
            notice_type=self.notice_type.title, created=len(self.created), existing=self.existing
        )


@transaction.atomic
def notice_type_attach(
    *, notice_type: NoticeType, schools: QuerySet[School], user: AbstractBaseUser | None
) -> AttachResult:
    """Give every one of the schools a school notice of this type (those without one)."""
    having = set(notice_type.school_notices.values_list("school_id", flat=True))
    created: list[str] = []
    existing = 0
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Schools attached to the notice type “{notice_type.title}”.")
        for school in schools.order_by("name"):
            if school.pk in having:
                existing += 1
                continue
            school_notice = SchoolNotice(school=school, notice_type=notice_type)
            school_notice.full_clean()
            school_notice.save()
            created.append(school.slug)
    return AttachResult(notice_type=notice_type, created=created, existing=existing)
