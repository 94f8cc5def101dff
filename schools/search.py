"""Forgiving school search: case, accents, punctuation and word order do not matter."""

from __future__ import annotations

import re
import unicodedata

from django.db.models import QuerySet

MAX_RESULTS = 50


def normalise(text: str) -> str:
    """'St. Mary's C of E (VA) Primary, CM1 1AA' -> 'st marys c of e va primary cm1 1aa'."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    ascii_text = "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()
    ascii_text = ascii_text.replace("&", " and ")
    ascii_text = re.sub("['\u2019`]", "", ascii_text)
    return " ".join(re.sub(r"[^a-z0-9]+", " ", ascii_text).split())


def search_text_for(*, name: str, town: str, locality: str, postcode: str, urn: str) -> str:
    compact_postcode = postcode.replace(" ", "")
    return normalise(" ".join([name, locality, town, postcode, compact_postcode, urn]))


def school_search(queryset: QuerySet, query: str) -> QuerySet:
    """Schools whose name, town, postcode or URN contain every word of the query."""
    words = normalise(query).split()
    if not words:
        return queryset.none()
    for word in words:
        queryset = queryset.filter(search_text__contains=word)
    return queryset
