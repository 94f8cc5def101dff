"""Suggesting, approving and returning the wording office staff write for their notices."""

from __future__ import annotations

from typing import Any

import reversion
from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from notices.models import PublishRun
from notices.publishing.runs import school_republish
from review.models import Suggestion
from schools.models import School, SharingPartner

# The partner fields whose wording the DPO reviews; everything else about a partner is a fact.
REVIEWED_PARTNER_FIELDS = ["purpose", "school_note"]
APPROVED_REASON = "The DPO approved wording suggested by {school}"
NOT_PENDING = "This suggestion was already decided; it can no longer be changed."
STALE = (
    "The wording on the notice changed after this was suggested, so it cannot be applied: "
    "return it and ask the school to suggest it again."
)


def _record(*, user: AbstractBaseUser, comment: str) -> None:
    reversion.set_user(user)
    reversion.set_comment(comment)


@transaction.atomic
def suggestion_submit(
    *,
    school: School,
    partner: SharingPartner,
    field: str,
    new_text: str,
    user: AbstractBaseUser,
) -> Suggestion | None:
    """Suggest new wording for one of a partner's reviewed fields; None when nothing differs.

    A later suggestion for the same wording replaces the pending one; suggesting the wording
    already on the notice withdraws it.
    """
    if field not in REVIEWED_PARTNER_FIELDS or partner.school_id != school.pk:
        raise ValueError(f"{field} of {partner} is not {school}'s wording to suggest")
    current = getattr(partner, field)
    pending = (
        Suggestion.objects.pending()
        .select_for_update()
        .filter(partner=partner, field=field)
        .first()
    )
    if pending and pending.new_text == new_text:
        return None
    with reversion.create_revision():
        if new_text == current:
            if pending:
                _record(user=user, comment="Withdrew a suggestion in the office portal.")
                pending.status = Suggestion.Status.WITHDRAWN
                pending.save()
            return None
        suggestion = pending or Suggestion(school=school, partner=partner, field=field)
        suggestion.partner_name = partner.name
        suggestion.old_text = current
        suggestion.new_text = new_text
        suggestion.suggested_by = user
        suggestion.suggested_at = timezone.now()
        suggestion.full_clean()
        _record(user=user, comment=f"Suggested new wording for “{partner.name}”.")
        suggestion.save()
    return suggestion


def _new_partner_text(proposed: dict[str, Any]) -> str:
    return "\n\n".join(text for text in (proposed["purpose"], proposed.get("school_note")) if text)


@transaction.atomic
def partner_propose(
    *, school: School, proposed: dict[str, Any], user: AbstractBaseUser
) -> Suggestion:
    """Suggest a new organisation for the school: it joins the notice once the DPO approves."""
    SharingPartner(school=school, **proposed).full_clean(exclude=["school"])
    suggestion = Suggestion(
        school=school,
        field=Suggestion.Field.NEW_PARTNER,
        partner_name=proposed["name"],
        new_text=_new_partner_text(proposed),
        proposed=proposed,
        suggested_by=user,
    )
    suggestion.full_clean()
    with reversion.create_revision():
        _record(user=user, comment=f"Suggested a new organisation, “{proposed['name']}”.")
        suggestion.save()
    return suggestion


@transaction.atomic
def new_partner_update(
    *, suggestion: Suggestion, proposed: dict[str, Any], user: AbstractBaseUser
) -> Suggestion | None:
    """Change a new organisation still waiting (or returned); None when nothing differs."""
    if suggestion.proposed == proposed and suggestion.is_pending:
        return None
    SharingPartner(school=suggestion.school, **proposed).full_clean(exclude=["school"])
    with reversion.create_revision():
        if not suggestion.is_pending:  # returned: suggest again, keeping the returned one
            suggestion = Suggestion(school=suggestion.school, field=Suggestion.Field.NEW_PARTNER)
        suggestion.partner_name = proposed["name"]
        suggestion.proposed = proposed
        suggestion.new_text = _new_partner_text(proposed)
        suggestion.suggested_by = user
        suggestion.suggested_at = timezone.now()
        suggestion.full_clean()
        _record(user=user, comment=f"Changed the suggested organisation “{proposed['name']}”.")
        suggestion.save()
    return suggestion


def _require_pending(suggestion: Suggestion) -> None:
    if not suggestion.is_pending:
        raise ValidationError(NOT_PENDING)


@transaction.atomic
def suggestion_approve(*, suggestion: Suggestion, user: AbstractBaseUser) -> PublishRun:
    """Apply the wording (or add the organisation) and re-publish the school's notices."""
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    _require_pending(suggestion)
    with reversion.create_revision():
        _record(
            user=user,
            comment=f"Approved wording for “{suggestion.partner_name}” suggested by "
            f"{suggestion.school}.",
        )
        if suggestion.field == Suggestion.Field.NEW_PARTNER:
            partner = SharingPartner(school=suggestion.school, **suggestion.proposed)
        else:
            partner = suggestion.partner
            if partner is None or getattr(partner, suggestion.field) != suggestion.old_text:
                raise ValidationError(STALE)
            setattr(partner, suggestion.field, suggestion.new_text)
        partner.full_clean()
        partner.save()
        suggestion.partner = partner
        suggestion.status = Suggestion.Status.APPROVED
        suggestion.decided_by = user
        suggestion.decided_at = timezone.now()
        suggestion.save()
    return school_republish(
        school=suggestion.school,
        user=user,
        reason=APPROVED_REASON.format(school=suggestion.school.name),
    )


@transaction.atomic
def suggestion_return(*, suggestion: Suggestion, user: AbstractBaseUser, reason: str) -> None:
    """Send the wording back to the school with the DPO's reason; the notice is unchanged."""
    suggestion = Suggestion.objects.select_for_update().get(pk=suggestion.pk)
    _require_pending(suggestion)
    suggestion.status = Suggestion.Status.RETURNED
    suggestion.reason = reason.strip()
    suggestion.decided_by = user
    suggestion.decided_at = timezone.now()
    suggestion.full_clean()
    with reversion.create_revision():
        _record(user=user, comment=f"Returned wording for “{suggestion.partner_name}”.")
        suggestion.save()


def suggestions_withdraw(*, partner: SharingPartner) -> None:
    """Withdraw what is pending for a partner that is being removed (inside its revision)."""
    for suggestion in Suggestion.objects.pending().filter(partner=partner):
        suggestion.status = Suggestion.Status.WITHDRAWN
        suggestion.save()
