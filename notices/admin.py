from collections.abc import Callable

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from reversion_compare.admin import CompareVersionAdmin as VersionAdmin

from notices.dpo.selection import (
    SelectionPlan,
    notice_types_publish_plan,
    school_notices_publish_plan,
)
from notices.publishing.runs import publish_run_retry, publish_run_start

from .models import (
    NoticeType,
    NoticeTypeClause,
    NoticeTypeTranslation,
    Publication,
    PublishRun,
    SchoolNotice,
)


def _started(admin_: admin.ModelAdmin, request: HttpRequest, run: PublishRun) -> None:
    url = reverse("admin:notices_publishrun_change", args=[run.pk])
    admin_.message_user(
        request,
        format_html(
            'Publishing {} notice(s) in the background. <a href="{}">Follow its progress</a>.',
            run.total,
            url,
        ),
    )


SELECTION_CHANGED = (
    "What would be published changed after this page was opened, so nothing was published. "
    "Check it again, then confirm."
)


def _publish_once_confirmed(
    admin_: admin.ModelAdmin,
    request: HttpRequest,
    *,
    action: str,
    plan: Callable[[], SelectionPlan],
    title: str,
    reason: str,
) -> HttpResponse | None:
    """A publishing list action's two steps, as Django's "delete selected" does them.

    The action's first POST shows what would be published; only the POST from that page's
    button (carrying `confirm`, the fingerprint of what it showed) starts the run.
    """
    if not admin_.has_change_permission(request):
        raise PermissionDenied
    selection = plan()
    confirmed = request.POST.get("confirm")
    if confirmed is not None:
        if selection.ready and confirmed == selection.fingerprint:
            run = publish_run_start(
                school_notices=selection.ready, reason=reason, user=request.user
            )
            _started(admin_, request, run)
            return None
        admin_.message_user(request, SELECTION_CHANGED, messages.ERROR)
    return TemplateResponse(
        request,
        "admin/notices/publish_selected_confirm.html",
        {
            **admin_.admin_site.each_context(request),
            "title": title,
            "plan": selection,
            "opts": admin_.model._meta,
            "action": action,
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "back": request.get_full_path(),
        },
    )


class NoticeTypeClauseInline(admin.TabularInline):
    model = NoticeTypeClause
    extra = 0
    autocomplete_fields = ["clause"]
    ordering = ["position"]


class NoticeTypeTranslationInline(admin.TabularInline):
    model = NoticeTypeTranslation
    extra = 0
    verbose_name_plural = "offered in other languages (the title and audience in each)"


@admin.register(NoticeType)
class NoticeTypeAdmin(VersionAdmin):
    list_display = ["title", "slug", "audience", "is_primary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [NoticeTypeClauseInline, NoticeTypeTranslationInline]
    actions = ["publish_to_every_school"]

    @admin.action(description="Publish to every school", permissions=["change"])
    def publish_to_every_school(
        self, request: HttpRequest, queryset: QuerySet[NoticeType]
    ) -> HttpResponse | None:
        names = [str(notice_type) for notice_type in queryset]
        return _publish_once_confirmed(
            self,
            request,
            action="publish_to_every_school",
            plan=lambda: notice_types_publish_plan(notice_types=queryset),
            title="Publish " + ", ".join(f"“{name}”" for name in names) + " to every school?",
            reason="Published by DPO staff: " + ", ".join(names),
        )


@admin.register(SchoolNotice)
class SchoolNoticeAdmin(VersionAdmin):
    list_display = ["school", "notice_type", "review_date", "has_error"]
    list_filter = ["notice_type", "school__local_authority", "school__dpo"]
    search_fields = ["school__name", "school__urn"]
    list_select_related = ["school", "notice_type"]
    autocomplete_fields = ["school"]
    filter_horizontal = ["omitted_clauses"]
    readonly_fields = ["last_error", "last_error_at"]
    actions = ["publish_now"]

    @admin.action(description="Publish the selected notices now", permissions=["change"])
    def publish_now(
        self, request: HttpRequest, queryset: QuerySet[SchoolNotice]
    ) -> HttpResponse | None:
        return _publish_once_confirmed(
            self,
            request,
            action="publish_now",
            plan=lambda: school_notices_publish_plan(school_notices=queryset),
            title="Publish the selected notices now?",
            reason="Published by DPO staff",
        )

    @admin.display(description="render failed", boolean=True)
    def has_error(self, obj: SchoolNotice) -> bool:
        return bool(obj.last_error)


@admin.register(Publication)
class PublicationAdmin(admin.ModelAdmin):
    list_display = ["school_notice", "number", "published_at", "published_by", "has_pdf"]
    list_filter = ["school_notice__notice_type", "school_notice__school__local_authority"]
    search_fields = ["school_notice__school__name", "input_hash"]
    list_select_related = ["school_notice__school", "school_notice__notice_type", "published_by"]
    exclude = ["html", "clause_versions"]
    date_hierarchy = "published_at"

    def get_readonly_fields(self, request: HttpRequest, obj: Publication | None = None):  # type: ignore[no-untyped-def]
        return [f.name for f in Publication._meta.fields if f.name != "html"]

    @admin.display(description="PDF", boolean=True)
    def has_pdf(self, obj: Publication) -> bool:
        return obj.has_pdf

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: Publication | None = None) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Publication | None = None) -> bool:
        return False


@admin.register(PublishRun)
class PublishRunAdmin(admin.ModelAdmin):
    list_display = ["reason", "created_at", "requested_by", "progress", "run_status"]
    list_filter = ["finished_at"]
    search_fields = ["reason"]
    list_select_related = ["requested_by"]
    exclude = ["school_notices"]
    readonly_fields = [
        "reason",
        "requested_by",
        "created_at",
        "progress",
        "run_status",
        "failures",
        "pages_finished_at",
        "finished_at",
    ]
    fields = readonly_fields
    actions = ["retry_failures"]

    @admin.display(description="progress")
    def progress(self, obj: PublishRun) -> str:
        return (
            f"pages {obj.pages_done} of {obj.total}, "
            f"PDFs {obj.pdfs_done} of {obj.pdfs_total}"
            + (f", {obj.failed + obj.pdfs_failed} failed" if obj.failed or obj.pdfs_failed else "")
        )

    @admin.display(description="status")
    def run_status(self, obj: PublishRun) -> str:
        return obj.status

    @admin.display(description="failures")
    def failures(self, obj: PublishRun) -> str:
        if not obj.errors:
            return "None"
        return format_html(
            "<ul>{}</ul>",
            format_html_join(
                "",
                "<li>{}: {}</li>",
                (
                    (e.get("school") or f"PDF of publication {e.get('publication')}", e["error"])
                    for e in obj.errors
                ),
            ),
        )

    @admin.action(description="Retry what failed", permissions=["change"])
    def retry_failures(self, request: HttpRequest, queryset: QuerySet[PublishRun]) -> None:
        for run in queryset:
            _started(self, request, publish_run_retry(run=run, user=request.user))

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_change_permission(self, request: HttpRequest, obj: PublishRun | None = None) -> bool:
        # Viewing a run is read-only; "change" is what the retry action asks for.
        return request.user.has_perm("notices.change_schoolnotice") and obj is None

    def has_view_permission(self, request: HttpRequest, obj: PublishRun | None = None) -> bool:
        return request.user.has_perm("notices.view_schoolnotice")

    def has_delete_permission(self, request: HttpRequest, obj: PublishRun | None = None) -> bool:
        return False


# The DPO workflow's additions to the clause admin (start a draft, preview, impact, publish).
from notices.dpo import admin as _dpo_admin  # noqa: E402, F401
from notices.translations import admin as _translations_admin  # noqa: E402, F401
