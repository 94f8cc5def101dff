"""The public directory: find a school by name, town, postcode or URN."""

from __future__ import annotations

import difflib

from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.cache import cache_control
from django.views.decorators.gzip import gzip_page
from django.views.decorators.http import require_safe

from .models import LocalAuthority, School
from .search import MAX_RESULTS, normalise, school_search

PUBLIC_CACHE_SECONDS = 300


@require_safe
@gzip_page
@cache_control(public=True, max_age=PUBLIC_CACHE_SECONDS)
def home(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip()[:100]
    context: dict = {"query": query, "authorities": LocalAuthority.objects.all()}
    if query:
        schools = school_search(
            School.objects.open().select_related("local_authority"), query
        ).order_by("name")
        results = list(schools[: MAX_RESULTS + 1])
        context["results"] = results[:MAX_RESULTS]
        context["more_results"] = len(results) > MAX_RESULTS
        if not results:
            context["suggestions"] = _suggestions(query)
    return render(request, "schools/home.html", context)


def _suggestions(query: str) -> list[School]:
    """Schools with a word close to each misspelt word, so a typo still finds the school."""
    rows = list(School.objects.open().values_list("pk", "search_text"))
    vocabulary = {word for _pk, text in rows for word in text.split()}
    close_words = [
        set(difflib.get_close_matches(word, vocabulary, n=5, cutoff=0.6))
        for word in normalise(query).split()
    ]
    if not close_words or not all(close_words):
        return []
    matches = [pk for pk, text in rows if all(words & set(text.split()) for words in close_words)]
    return list(School.objects.filter(pk__in=matches[:5]).order_by("name"))


@require_safe
@gzip_page
@cache_control(public=True, max_age=PUBLIC_CACHE_SECONDS)
def authority_detail(request: HttpRequest, authority_slug: str) -> HttpResponse:
    authority = get_object_or_404(LocalAuthority, slug=authority_slug)
    schools = authority.schools.open().order_by("name")
    return render(request, "schools/authority.html", {"authority": authority, "schools": schools})


@require_safe
@gzip_page
@cache_control(public=True, max_age=PUBLIC_CACHE_SECONDS)
def accessibility_statement(request: HttpRequest) -> HttpResponse:
    return render(request, "accessibility.html")
