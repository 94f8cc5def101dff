"""The DPO workflow in the clause admin: start a draft, preview, impact, publish everywhere.

The library (clauses/) knows nothing of notices; this module swaps its admins for subclasses
that add the workflow pages and actions, keeping the admin URL names.
"""

from __future__ import annotations

from django.contrib import admin
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponseRedirect
from django.urls import URLPattern, path, reverse
from django.utils.http import urlencode

from clauses.admin import ClauseAdmin, ClauseVersionAdmin
from clauses.models import Clause, ClauseVersion
from notices.dpo import views


class WorkflowClauseAdmin(ClauseAdmin):
    change_form_template = "admin/clauses/clause/change_form.html"

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
