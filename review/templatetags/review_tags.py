from __future__ import annotations

from django import template

from review.selectors import DASHBOARD_SHOWN, partners_without_a_chosen_basis, pending_suggestions

register = template.Library()


@register.inclusion_tag("review/_dashboard_suggestions.html")
def review_dashboard() -> dict[str, object]:
    """The DPO dashboard's block of wording waiting for review."""
    count, shown = pending_suggestions(limit=DASHBOARD_SHOWN)
    unchosen = partners_without_a_chosen_basis()
    return {
        "count": count,
        "shown": shown,
        "unchosen": list(unchosen[:DASHBOARD_SHOWN]),
        "unchosen_count": unchosen.count(),
    }
