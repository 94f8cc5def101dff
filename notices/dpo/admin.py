"""The DPO workflow in the clause admin: start a draft, preview, impact, publish everywhere.

The library (clauses/) knows nothing of notices; this module swaps its admins for subclasses
that add the workflow pages and actions, keeping the admin URL names.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import Count, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import URLPattern, path, reverse
from django.utils.http import urlencode

from clauses.admin import ClauseAdmin, ClauseVersionAdmin
from clauses.models import Clause, ClauseVersion
from health.services import clause_version_health
from notices.dpo import views
from notices.models import NoticeType, NoticeTypeClause


def _main_notice_items() -> QuerySet[NoticeTypeClause]:
    main = NoticeType.objects.filter(is_primary=True).values("pk")[:1]
    return NoticeTypeClause.objects.filter(notice_type=Subquery(main)).order_by()


def _main_position() -> Subquery:
    """A clause's position in the main (parents') notice; None when it is not in it."""
    return Subquery(_main_notice_items().filter(clause=OuterRef("pk")).values("position")[:1])


def _any_position() -> Subquery:
    items = NoticeTypeClause.objects.filter(clause=OuterRef("pk")).order_by("position")
    return Subquery(items.values("position")[:1])


class WorkflowClauseAdmin(ClauseAdmin):
    """The clause list in the order parents read it: the main notice's order, then the others."""

    change_form_template = "admin/clauses/clause/change_form.html"
    change_list_template = "admin/clauses/clause/change_list.html"
    list_display = ["notice_position", *ClauseAdmin.list_display]
    list_display_links = ["heading"]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Clause]:
        earlier = (
            _main_notice_items()
            .filter(position__lt=OuterRef("main_position"))
            .values("notice_type")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            super()
            .get_queryset(request)
            .annotate(main_position=_main_position(), any_position=_any_position())
            .annotate(main_rank=Coalesce(Subquery(earlier), 0) + 1)
        )

    def get_ordering(self, request: HttpRequest) -> list:  # type: ignore[type-arg]
        # Expressions, not the annotations above: the clause picker of other admins uses this
        # ordering on a plain queryset.
        return [
            _main_position().asc(nulls_last=True),
            _any_position().asc(nulls_last=True),
            "heading",
        ]

    @admin.display(description="order", ordering="main_position")
    def notice_position(self, obj: Clause) -> str:
        if obj.main_position is not None:  # type: ignore[attr-defined]
            return str(obj.main_rank)  # type: ignore[attr-defined]
        if obj.any_position is not None:  # type: ignore[attr-defined]
            return "not in the main notice"
        return "in no notice"

    def get_urls(self) -> list[URLPattern]:
        return [
            path(
                "<int:clause_id>/start-draft/",
                self.admin_site.admin_view(views.clause_start_draft_view),
                name="clauses_clause_start_draft",
            ),
            *super().get_urls(),
        ]


class WorkflowClauseVersionAdmin(ClauseVersionAdmin):
    actions = ["publish_selected", *ClauseVersionAdmin.actions]
    change_form_template = "admin/clauses/clauseversion/change_form.html"

    def get_urls(self) -> list[URLPattern]:
        view = self.admin_site.admin_view
        return [
            path(
                "<int:version_id>/preview/",
                view(views.version_preview_view),
                name="clauses_clauseversion_preview",
            ),
            path(
                "<int:version_id>/impact/",
                view(views.version_impact_view),
                name="clauses_clauseversion_impact",
            ),
            path(
                "publish/",
                view(views.versions_publish_view),
                name="clauses_clauseversion_publish_selected",
            ),
            path(
                "<int:version_id>/publish/",
                view(views.version_publish_view),
                name="clauses_clauseversion_publish",
            ),
            *super().get_urls(),
        ]

    def change_view(self, request, object_id, form_url="", extra_context=None):  # type: ignore[no-untyped-def]
        """The edit page also shows the version's health: outdated terms, links, phones and
        its reading age with the longest sentences."""
        version = self.get_object(request, object_id)
        extra = {"version_health": clause_version_health(version=version)} if version else {}
        return super().change_view(request, object_id, form_url, {**extra, **(extra_context or {})})

    @admin.action(description="Publish the selected drafts everywhere", permissions=["change"])
    def publish_selected(
        self, request: HttpRequest, queryset: QuerySet[ClauseVersion]
    ) -> HttpResponseRedirect:
        """Never publishes: leads to the confirmation page for the selected versions."""
        query = urlencode([("version", pk) for pk in queryset.values_list("pk", flat=True)])
        url = reverse("admin:clauses_clauseversion_publish_selected")
        return HttpResponseRedirect(f"{url}?{query}")


admin.site.unregister(Clause)
admin.site.register(Clause, WorkflowClauseAdmin)
admin.site.unregister(ClauseVersion)
admin.site.register(ClauseVersion, WorkflowClauseVersionAdmin)
