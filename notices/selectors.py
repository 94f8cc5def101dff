"""Read-only queries for the public pages: one query each, with what the page shows."""

from __future__ import annotations

from django.db.models import OuterRef, QuerySet, Subquery

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


def _live(school_notice_ids: list[int]) -> QuerySet[Publication]:
    latest = (
        Publication.objects.filter(school_notice=OuterRef("school_notice"))
        .order_by("-number")
        .values("pk")[:1]
    )
    return Publication.objects.filter(school_notice_id__in=school_notice_ids, pk=Subquery(latest))


def live_publications(school_notice_ids: list[int]) -> dict[int, Publication]:
    """The live (highest-numbered) publication of each school notice, in one query."""
    return {publication.school_notice_id: publication for publication in _live(school_notice_ids)}


def live_input_hashes(school_notice_ids: list[int]) -> dict[int, str]:
    """The input hash of each school notice's live publication, in one query (not its HTML)."""
    return dict(_live(school_notice_ids).values_list("school_notice_id", "input_hash"))
