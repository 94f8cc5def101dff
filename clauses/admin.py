from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest
from reversion_compare.admin import CompareVersionAdmin as VersionAdmin

from .forms import ClauseForm
from .markup import allowed_placeholders_text
from .models import Clause, ClauseVersion
from .services import clause_version_retire

FIRST_WORDS = 12


class ClauseVersionInline(admin.TabularInline):
    model = ClauseVersion
    fields = ["number", "status", "effective_date", "change_summary", "author", "published_at"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    show_change_link = True

    def has_add_permission(self, request: HttpRequest, obj: Clause | None = None) -> bool:
        return False


@admin.register(Clause)
class ClauseAdmin(VersionAdmin):
    form = ClauseForm
    list_display = ["heading", "first_words", "required", "live_number", "draft_state"]
    list_filter = ["required"]
    search_fields = ["key", "heading", "versions__body"]
    prepopulated_fields = {"key": ["heading"]}
    inlines = [ClauseVersionInline]

    def get_queryset(self, request: HttpRequest) -> QuerySet[Clause]:
        return super().get_queryset(request).prefetch_related("versions")

    def _version(self, obj: Clause, status: str) -> ClauseVersion | None:
        return next((v for v in obj.versions.all() if v.status == status), None)

    @admin.display(description="wording begins")
    def first_words(self, obj: Clause) -> str:
        version = self._version(obj, ClauseVersion.Status.PUBLISHED) or self._version(
            obj, ClauseVersion.Status.DRAFT
        )
        if version is None:
            return "(no wording yet)"
        words = version.body.split()
        return " ".join(words[:FIRST_WORDS]) + (" …" if len(words) > FIRST_WORDS else "")

    @admin.display(description="live")
    def live_number(self, obj: Clause) -> str:
        live = self._version(obj, ClauseVersion.Status.PUBLISHED)
        return f"clause v{live.number}" if live else "not published"

    @admin.display(description="draft")
    def draft_state(self, obj: Clause) -> str:
        draft = self._version(obj, ClauseVersion.Status.DRAFT)
        return f"draft v{draft.number} in progress" if draft else "no draft"


@admin.register(ClauseVersion)
class ClauseVersionAdmin(VersionAdmin):
    list_display = ["clause", "number", "status", "effective_date", "author", "published_at"]
    list_filter = ["status"]
    search_fields = ["clause__heading", "clause__key", "body", "change_summary"]
    list_select_related = ["clause", "author"]
    autocomplete_fields = ["clause"]
    actions = ["retire_selected"]

    def get_readonly_fields(self, request: HttpRequest, obj: ClauseVersion | None = None):  # type: ignore[no-untyped-def]
        fixed = ["number", "status", "author", "published_at"]
        if obj is not None and not obj.is_editable:
            return [*fixed, "clause", "body", "summary", "effective_date", "change_summary"]
        return fixed

    def get_form(self, request, obj=None, change=False, **kwargs):  # type: ignore[no-untyped-def]
        form = super().get_form(request, obj, change=change, **kwargs)
        if "body" in form.base_fields:
            form.base_fields["body"].help_text += f" Allowed: {allowed_placeholders_text()}"
        return form

    def has_delete_permission(self, request: HttpRequest, obj: ClauseVersion | None = None) -> bool:
        return super().has_delete_permission(request, obj) and (obj is None or obj.is_editable)

    def save_model(self, request: HttpRequest, obj: ClauseVersion, form, change: bool) -> None:  # type: ignore[no-untyped-def]
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    def _apply(
        self, request: HttpRequest, queryset: QuerySet[ClauseVersion], service, verb: str
    ) -> None:  # type: ignore[no-untyped-def]
        for version in queryset:
            try:
                service(version=version, user=request.user)
            except ValidationError as error:
                self.message_user(request, f"{version}: {' '.join(error.messages)}", messages.ERROR)
            else:
                self.message_user(request, f"{verb} {version.clause} v{version.number}.")

    @admin.action(description="Retire the selected published versions", permissions=["change"])
    def retire_selected(self, request: HttpRequest, queryset: QuerySet[ClauseVersion]) -> None:
        self._apply(request, queryset, clause_version_retire, "Retired")
