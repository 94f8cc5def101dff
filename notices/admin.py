from django.contrib import admin
from django.http import HttpRequest
from reversion.admin import VersionAdmin

from .models import NoticeType, NoticeTypeClause, Publication, SchoolNotice


class NoticeTypeClauseInline(admin.TabularInline):
    model = NoticeTypeClause
    extra = 0
    autocomplete_fields = ["clause"]
    ordering = ["position"]


@admin.register(NoticeType)
class NoticeTypeAdmin(VersionAdmin):
    list_display = ["title", "slug", "audience", "is_primary"]
    prepopulated_fields = {"slug": ["title"]}
    inlines = [NoticeTypeClauseInline]


@admin.register(SchoolNotice)
class SchoolNoticeAdmin(VersionAdmin):
    list_display = ["school", "notice_type", "review_date", "has_error"]
    list_filter = ["notice_type", "school__local_authority", "school__dpo"]
    search_fields = ["school__name", "school__urn"]
    list_select_related = ["school", "notice_type"]
    autocomplete_fields = ["school"]
    filter_horizontal = ["omitted_clauses"]
    readonly_fields = ["last_error", "last_error_at"]

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
