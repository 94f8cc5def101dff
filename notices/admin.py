from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from reversion_compare.admin import CompareVersionAdmin as VersionAdmin

from health.coverage import gap_message, notice_type_gaps, school_notice_gaps
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
    def publish_to_every_school(self, request: HttpRequest, queryset: QuerySet[NoticeType]) -> None:
        for notice_type in queryset:
            gaps = notice_type_gaps(notice_type)
            if gaps:
                self.message_user(request, gap_message(notice_type, gaps), messages.WARNING)
        run = publish_run_start(
            school_notices=SchoolNotice.objects.filter(
                notice_type__in=queryset, school__is_open=True
            ),
            reason="Published by DPO staff: " + ", ".join(str(t) for t in queryset),
            user=request.user,
        )
        _started(self, request, run)


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
    def publish_now(self, request: HttpRequest, queryset: QuerySet[SchoolNotice]) -> None:
        for school_notice in queryset.select_related("school", "notice_type"):
            gaps = school_notice_gaps(school_notice)
            if gaps:
                self.message_user(request, gap_message(school_notice, gaps), messages.WARNING)
        run = publish_run_start(
            school_notices=queryset, reason="Published by DPO staff", user=request.user
        )
        _started(self, request, run)

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
