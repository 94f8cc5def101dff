"""Read-only queries for the public pages: one query each, with what the page shows."""

from __future__ import annotations

from .models import Publication


def publication_for_page(
    *, school_slug: str, type_slug: str | None, number: int | None = None
) -> Publication | None:
    """A publication of a school's notice: the live one, or version `number`.

    Without a type this is the authority's main notice (the parents' and pupils' one).
    """
    queryset = Publication.objects.select_related(
        "school_notice__school", "school_notice__notice_type"
    ).filter(school_notice__school__slug=school_slug)
    if type_slug is None:
        queryset = queryset.filter(school_notice__notice_type__is_primary=True)
    else:
        queryset = queryset.filter(school_notice__notice_type__slug=type_slug)
    if number is not None:
        return queryset.filter(number=number).first()
    return queryset.order_by("-number").first()
