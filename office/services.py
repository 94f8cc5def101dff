"""Saving a school's details from the office portal, and what follows from it.

Contact facts publish directly. Wording that becomes notice prose (a partner's purpose and
note, a new partner) goes to the DPO as a suggestion (`review.services`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from notices.models import PublishRun
from notices.publishing.inputs import InputsBuilder, school_notices_for_publishing
from notices.publishing.runs import school_republish
from office.forms import PARTNER_FIELDS, OfficeForm, PartnerForm
from review.models import Suggestion
from review.services import (
    REVIEWED_PARTNER_FIELDS,
    new_partner_update,
    partner_propose,
    suggestion_submit,
    suggestions_withdraw,
)
from schools.models import School, SharingPartner

REPUBLISH_REASON = "Office staff updated the details of {school}"


@dataclass(frozen=True)
class Saved:
    changed: list[str] = field(default_factory=list)  # labels of facts saved
    suggested: list[str] = field(default_factory=list)  # labels of wording sent for review
    run: PublishRun | None = None  # the re-publication, when a fact changed
    problems: list[str] = field(default_factory=list)  # facts a clause needs that are missing

    @property
    def anything(self) -> bool:
        return bool(self.changed or self.suggested)


def _and_list(words: list[str]) -> str:
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def _labels(form: OfficeForm, names: list[str]) -> list[str]:
    return [str(form.fields[name].label or name).lower() for name in names]


def _republish(*, school: School, user: AbstractBaseUser) -> tuple[PublishRun, list[str]]:
    builder = InputsBuilder()
    problems = [
        problem
        for school_notice in school_notices_for_publishing().filter(school=school)
        for problem in builder.build(school_notice).problems()
    ]
    run = school_republish(school=school, user=user, reason=REPUBLISH_REASON.format(school=school))
    return run, list(dict.fromkeys(problems))


@transaction.atomic
def school_details_update(*, school: School, form: OfficeForm, user: AbstractBaseUser) -> Saved:
    """Save one group of valid office edits with a revision, then re-publish the notices.

    Details are saved even when a clause needs a value the office has just emptied: they are
    the school's facts. The re-publication then fails for that notice with the reason, and the
    notice already live stays live.
    """
    if not form.has_changed():
        return Saved()
    changed = _labels(form, form.changed_data)
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Changed {_and_list(changed)} in the office portal.")
        form.save()
    run, problems = _republish(school=school, user=user)
    return Saved(changed=changed, run=run, problems=problems)


@transaction.atomic
def partner_update(
    *, school: School, partner: SharingPartner, form: PartnerForm, user: AbstractBaseUser
) -> Saved:
    """Save a partner's facts directly and suggest its changed wording to the DPO."""
    if partner.school_id != school.pk:
        raise ValueError(f"{partner} is not one of {school}'s own partners")
    # The form has written its values onto its instance: compare with the partner as stored.
    saved = SharingPartner.objects.select_for_update().get(pk=partner.pk)
    facts = [
        name
        for name in PARTNER_FIELDS
        if name not in REVIEWED_PARTNER_FIELDS and getattr(saved, name) != form.cleaned_data[name]
    ]
    suggested = [
        name
        for name in REVIEWED_PARTNER_FIELDS
        if suggestion_submit(
            school=school,
            partner=saved,
            field=name,
            new_text=form.cleaned_data[name],
            user=user,
        )
    ]
    if not facts:
        return Saved(suggested=_labels(form, suggested))
    for name in facts:
        setattr(saved, name, form.cleaned_data[name])
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(
            f"Changed {_and_list(_labels(form, facts))} of “{saved.name}” in the office portal."
        )
        saved.full_clean()
        saved.save()
        reversion.add_to_revision(school)
    run, problems = _republish(school=school, user=user)
    return Saved(
        changed=_labels(form, facts), suggested=_labels(form, suggested), run=run, problems=problems
    )


def partner_suggest(
    *,
    school: School,
    form: PartnerForm,
    user: AbstractBaseUser,
    suggestion: Suggestion | None = None,
) -> Saved:
    """A new organisation, or a change to one still waiting for the DPO: a suggestion."""
    if suggestion is None:
        partner_propose(school=school, proposed=form.proposed(), user=user)
    elif not new_partner_update(suggestion=suggestion, proposed=form.proposed(), user=user):
        return Saved()
    return Saved(suggested=[f"“{form.cleaned_data['name']}”"])


@transaction.atomic
def partner_remove(*, school: School, partner: SharingPartner, user: AbstractBaseUser) -> Saved:
    if partner.school_id != school.pk:
        raise ValueError(f"{partner} is not one of {school}'s own partners")
    with reversion.create_revision():
        reversion.set_user(user)
        reversion.set_comment(f"Removed “{partner.name}” in the office portal.")
        suggestions_withdraw(partner=partner)
        partner.delete()
        reversion.add_to_revision(school)
    run, problems = _republish(school=school, user=user)
    return Saved(changed=[f"removed “{partner.name}”"], run=run, problems=problems)
