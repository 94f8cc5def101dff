"""Saving a school's details from the office portal, and what follows from it."""

from __future__ import annotations

from dataclasses import dataclass

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from notices.models import PublishRun
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.publishing.runs import school_republish
from office.forms import PartnerFormSet, SchoolDetailsForm
from schools.models import School

REPUBLISH_REASON = "Office staff updated the school's details"


@dataclass(frozen=True)
class DetailsSaved:
    changed: list[str]  # labels of what changed
    run: PublishRun | None  # the re-publication, when anything changed
    problems: list[str]  # facts a clause needs that are now missing


def _and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _changed_labels(form: SchoolDetailsForm, partners: PartnerFormSet) -> list[str]:
    labels = [str(form.fields[name].label or name).lower() for name in form.changed_data]
    if partners.has_changed():
        labels.append("sharing partners")
    return labels


@transaction.atomic
def school_details_update(
    *,
    school: School,
    form: SchoolDetailsForm,
    partners: PartnerFormSet,
    user: AbstractBaseUser,
) -> DetailsSaved:
    """Save valid office edits with a revision, then re-publish the school's notices.

    Details are saved even when a clause needs a value the office has just emptied: they are
    the school's facts. The re-publication then fails for that notice with the reason, and the
    notice already live stays live.
    """
    changed = _changed_labels(form, partners)
    if not changed:
        return DetailsSaved(changed=[], run=None, problems=[])
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Changed {_and_list(changed)} in the office portal.")
        school = form.save()
        partners.instance = school
        partners.save()
    builder = InputsBuilder()
    problems = [
        problem
        for school_notice in school_notices_for_publishing().filter(school=school)
        for problem in builder.build(school_notice).problems()
    ]
    run = school_republish(school=school, user=user, reason=REPUBLISH_REASON)
    return DetailsSaved(changed=changed, run=run, problems=list(dict.fromkeys(problems)))
