"""Atom feeds of published changes: one per school notice, one per local authority.

Each entry is one publication, with the change summary and a link to the word-level comparison
with the version before (the first version links to itself).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from django.contrib.syndication.views import Feed
from django.db.models import Max
from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import format_html, format_html_join
from django.views.decorators.cache import cache_control
from django.views.decorators.http import condition, require_safe

from notices.models import Publication, SchoolNotice
from schools.models import LocalAuthority

FEED_ENTRIES = 50
FEED_CACHE_SECONDS = 300


def _school_notice(school_slug: str, type_slug: str | None) -> SchoolNotice | None:
    queryset = SchoolNotice.objects.select_related("school", "notice_type").filter(
        school__slug=school_slug
    )
    if type_slug is None:
        return queryset.filter(notice_type__is_primary=True).first()
    return queryset.filter(notice_type__slug=type_slug).first()


def comparison_url(publication: Publication) -> str:
    """The word-level comparison with the version before; the first version has none."""
    school_notice = publication.school_notice
    args = [school_notice.school.slug, school_notice.notice_type.slug, publication.number]
    if publication.number > 1:
        return reverse("notices:changes", args=args)
    return reverse("notices:version", args=args)


class _PublicationFeed(Feed):
    feed_type = Atom1Feed

    def item_title(self, item: Publication) -> str:
        return f"Version {item.number} of “{item.school_notice.notice_type.title}”"

    def item_description(self, item: Publication) -> str:
        return format_html(
            "<ul>{}</ul>", format_html_join("", "<li>{}</li>", ((c,) for c in item.change_summary))
        )

    def item_link(self, item: Publication) -> str:
        return comparison_url(item)

    def item_guid(self, item: Publication) -> str:
        school_notice = item.school_notice
        return (
            f"publication:{school_notice.school.slug}:{school_notice.notice_type.slug}:"
            f"{item.number}"
        )

    item_guid_is_permalink = False

    def item_pubdate(self, item: Publication) -> datetime:
        return item.published_at

    def item_updateddate(self, item: Publication) -> datetime:
        return item.published_at


class SchoolNoticeFeed(_PublicationFeed):
    def get_object(  # type: ignore[override]
        self, request: HttpRequest, school_slug: str, type_slug: str | None = None
    ) -> SchoolNotice:
        school_notice = _school_notice(school_slug, type_slug)
        if school_notice is None:
            raise Http404("No such notice.")
        return school_notice

    def title(self, obj: SchoolNotice) -> str:
        return f"{obj.school.name}: changes to {obj.notice_type.title}"

    def subtitle(self, obj: SchoolNotice) -> str:
        return f"Each new version of this notice of {obj.school.name} and what changed."

    def link(self, obj: SchoolNotice) -> str:
        return obj.get_absolute_url()

    def items(self, obj: SchoolNotice) -> list[Publication]:
        return list(_publications().filter(school_notice=obj).order_by("-number")[:FEED_ENTRIES])


class AuthorityFeed(_PublicationFeed):
    def get_object(  # type: ignore[override]
        self, request: HttpRequest, authority_slug: str
    ) -> LocalAuthority:
        authority = LocalAuthority.objects.filter(slug=authority_slug).first()
        if authority is None:
            raise Http404("No such authority.")
        return authority

    def title(self, obj: LocalAuthority) -> str:
        return f"Privacy notice changes: schools in {obj.name}"

    def subtitle(self, obj: LocalAuthority) -> str:
        return f"Each new version of a privacy notice of a school in {obj.name}, newest first."

    def link(self, obj: LocalAuthority) -> str:
        return reverse("schools:authority", args=[obj.slug])

    def item_title(self, item: Publication) -> str:
        return f"{item.school_notice.school.name}: {super().item_title(item)}"

    def items(self, obj: LocalAuthority) -> list[Publication]:
        return list(
            _publications()
            .filter(school_notice__school__local_authority=obj)
            .order_by("-published_at", "-pk")[:FEED_ENTRIES]
        )


def _publications():  # type: ignore[no-untyped-def]
    return Publication.objects.select_related(
        "school_notice__school", "school_notice__notice_type"
    ).defer("html", "inputs")


def _latest(**lookup: str) -> tuple[int | None, datetime | None]:
    latest = Publication.objects.filter(**lookup).aggregate(pk=Max("pk"), at=Max("published_at"))
    return latest["pk"], latest["at"]


def _cacheable_feed(view: Callable[..., HttpResponse], lookup: Callable[..., dict[str, str]]):  # type: ignore[no-untyped-def]
    """ETag and Last-Modified from the newest publication in the feed, like the notice pages."""

    def etag(request: HttpRequest, **kwargs: str) -> str | None:
        pk, _ = _latest(**lookup(**kwargs))
        return f'"feed-{pk}"' if pk else None

    def last_modified(request: HttpRequest, **kwargs: str) -> datetime | None:
        return _latest(**lookup(**kwargs))[1]

    return require_safe(
        cache_control(public=True, max_age=FEED_CACHE_SECONDS)(
            condition(etag_func=etag, last_modified_func=last_modified)(view)
        )
    )


def _notice_lookup(school_slug: str, type_slug: str | None = None) -> dict[str, str]:
    if type_slug is None:
        return {
            "school_notice__school__slug": school_slug,
            "school_notice__notice_type__is_primary": True,  # type: ignore[dict-item]
        }
    return {
        "school_notice__school__slug": school_slug,
        "school_notice__notice_type__slug": type_slug,
    }


school_notice_feed = _cacheable_feed(SchoolNoticeFeed(), _notice_lookup)
authority_feed = _cacheable_feed(
    AuthorityFeed(),
    lambda authority_slug: {"school_notice__school__local_authority__slug": authority_slug},
)
