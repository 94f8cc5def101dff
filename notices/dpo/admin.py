"""The DPO workflow in the clause admin: start a draft, preview, impact, publish everywhere.

The library (clauses/) knows nothing of notices; this module swaps its admins for subclasses
that add the workflow pages and actions, keeping the admin URL names.
"""

from __future__ import annotations

from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import URLPattern, path

from clauses.admin import ClauseAdmin, ClauseVersionAdmin
from clauses.models import Clause, ClauseVersion
from notices.dpo import views
from notices.dpo.services import clause_version_publish_everywhere


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
                "<int:version_id>/publish/",
                view(views.version_publish_view),
                name="clauses_clauseversion_publish",
            ),
            *super().get_urls(),
        ]

    @admin.action(description="Publish the selected drafts everywhere", permissions=["change"])
    def publish_selected(self, request: HttpRequest, queryset: QuerySet[ClauseVersion]) -> None:
        def publish(*, version: ClauseVersion, user) -> None:  # type: ignore[no-untyped-def]
            result = clause_version_publish_everywhere(version=version, user=user)
            for warning in result.warnings:
                self.message_user(request, warning, messages.WARNING)

        self._apply(request, queryset, publish, "Published (notices re-publish in the background)")


admin.site.unregister(Clause)
admin.site.register(Clause, WorkflowClauseAdmin)
admin.site.unregister(ClauseVersion)
admin.site.register(ClauseVersion, WorkflowClauseVersionAdmin)
