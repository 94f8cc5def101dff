"""Translations in the admin: written beside the English, with what changed since."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest
from reversion_compare.admin import CompareVersionAdmin as VersionAdmin

from clauses.languages import language_name
from clauses.models import ClauseVersion, ClauseVersionTranslation
from notices.translations.services import english_changes_since, translation_save

REPUBLISHING = "Saved. The {language} notices that use it are being re-published."
SAVED_FOR_DRAFT = "Saved. It goes live when version {number} of the clause is published."


@admin.register(ClauseVersionTranslation)
class ClauseVersionTranslationAdmin(VersionAdmin):
    list_display = ["__str__", "heading", "language", "translated_by", "updated_at"]
    list_filter = ["language"]
    search_fields = ["heading", "body", "version__clause__heading", "version__clause__key"]
    list_select_related = ["version__clause", "translated_by"]
    autocomplete_fields = ["version"]
    fields = ["version", "language", "heading", "summary", "body"]
    change_form_template = "admin/notices/translation_change_form.html"

    def get_changeform_initial_data(self, request: HttpRequest) -> dict[str, Any]:
        """Adding for ?version=&language=: start from the newest earlier translation."""
        initial = super().get_changeform_initial_data(request)
        version = ClauseVersion.objects.filter(pk=initial.get("version")).first()
        language = initial.get("language")
        if version is not None and language:
            earlier = (
                ClauseVersionTranslation.objects.filter(
                    version__clause=version.clause_id,
                    version__number__lt=version.number,
                    language=language,
                )
                .order_by("-version__number")
                .first()
            )
            if earlier is not None:
                initial.update(heading=earlier.heading, body=earlier.body, summary=earlier.summary)
        return initial

    def render_change_form(  # type: ignore[no-untyped-def]
        self, request, context, add=False, change=False, form_url="", obj=None
    ):
        version = obj.version if obj is not None else None
        if version is None:
            version = ClauseVersion.objects.filter(pk=request.GET.get("version")).first()
        language = obj.language if obj is not None else request.GET.get("language", "")
        context.update(source=version, **self._changes(version, language, obj))
        return super().render_change_form(request, context, add, change, form_url, obj)

    @staticmethod
    def _changes(
        version: ClauseVersion | None, language: str, obj: ClauseVersionTranslation | None
    ) -> dict[str, Any]:
        """The English changes to carry over: since the earlier translation this one starts
        from (adding), or since this translation's version (a newer English is live)."""
        if version is None:
            return {}
        if obj is None:
            earlier = (
                ClauseVersionTranslation.objects.filter(
                    version__clause=version.clause_id,
                    version__number__lt=version.number,
                    language=language,
                )
                .select_related("version")
                .order_by("-version__number")
                .first()
            )
            if earlier is None:
                return {}
            old, new = earlier.version, version
        else:
            live = version.clause.live_version()
            if live is None or live.number <= version.number:
                return {}
            old, new = version, live
        return {"changes_from": old, "changes_to": new, "changes": english_changes_since(old, new)}

    def save_model(self, request: HttpRequest, obj, form, change: bool) -> None:  # type: ignore[no-untyped-def]
        run = translation_save(translation=obj, user=request.user)
        if run is not None:
            self.message_user(request, REPUBLISHING.format(language=language_name(obj.language)))
        elif obj.version.status == ClauseVersion.Status.DRAFT:
            self.message_user(
                request, SAVED_FOR_DRAFT.format(number=obj.version.number), messages.INFO
            )
