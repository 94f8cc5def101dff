from __future__ import annotations

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import URLPattern, path, reverse
from django.utils.html import format_html
from reversion_compare.admin import CompareVersionAdmin as VersionAdmin

from review.forms import ReturnForm
from review.models import Suggestion
from review.selectors import pending_suggestion
from review.services import suggestion_approve, suggestion_return
from schools.models import LawfulBasis, SharingPartner, SpecialCategoryCondition

APPROVED = "Approved “{name}” for {school}: its notices are being published again."
RETURNED = "Returned “{name}” to {school} with your reason."


def _proposed_rows(suggestion: Suggestion) -> list[tuple[str, str]]:
    proposed = suggestion.proposed
    choices = {
        "category": dict(SharingPartner.Category.choices),
        "lawful_basis": dict(LawfulBasis.choices),
        "special_category_condition": dict(SpecialCategoryCondition.choices),
    }
    return [
        (
            str(SharingPartner._meta.get_field(name).verbose_name),
            str(choices.get(name, {}).get(value, value)),
        )
        for name, value in proposed.items()
    ]


@admin.register(Suggestion)
class SuggestionAdmin(VersionAdmin):
    list_display = ["partner_name", "school", "field", "status", "suggested_at", "review_link"]
    list_filter = ["status", "field"]
    list_select_related = ["school"]
    search_fields = ["partner_name", "school__name", "new_text"]
    readonly_fields = [f.name for f in Suggestion._meta.fields]

    def has_add_permission(self, request: HttpRequest) -> bool:
        return False

    def has_delete_permission(self, request: HttpRequest, obj: Suggestion | None = None) -> bool:
        return False

    @admin.display(description="review")
    def review_link(self, obj: Suggestion) -> str:
        url = reverse("admin:review_suggestion_decide", args=[obj.pk])
        label = "Review" if obj.is_pending else "See"
        return format_html(
            '<a href="{}">{}<span class="visually-hidden"> {}</span></a>', url, label, obj
        )

    def get_urls(self) -> list[URLPattern]:
        return [
            path(
                "<int:suggestion_id>/decide/",
                self.admin_site.admin_view(self.decide_view),
                name="review_suggestion_decide",
            ),
            *super().get_urls(),
        ]

    def decide_view(self, request: HttpRequest, suggestion_id: int) -> HttpResponse:
        """Show the word diff; approve (apply and publish) or return with a reason."""
        if not request.user.has_perm("review.view_suggestion"):
            raise PermissionDenied
        suggestion = get_object_or_404(
            Suggestion.objects.select_related("school", "suggested_by", "decided_by"),
            pk=suggestion_id,
        )
        form = ReturnForm(request.POST if request.POST.get("decision") == "return" else None)
        if request.method == "POST":
            if not request.user.has_perm("review.change_suggestion"):
                raise PermissionDenied
            done = self._decide(request, suggestion, form)
            if done:
                return HttpResponseRedirect(reverse("dpo_dashboard"))
        return render(
            request,
            "admin/review/decide.html",
            {
                **self.admin_site.each_context(request),
                "title": f"Wording suggested by {suggestion.school.name}",
                "suggestion": suggestion,
                "item": pending_suggestion(suggestion),
                "proposed": _proposed_rows(suggestion),
                "form": form,
                "opts": self.model._meta,
            },
            status=400 if request.method == "POST" else 200,
        )

    def _decide(self, request: HttpRequest, suggestion: Suggestion, form: ReturnForm) -> bool:
        names = {"name": suggestion.partner_name, "school": suggestion.school.name}
        try:
            if request.POST.get("decision") == "approve":
                suggestion_approve(suggestion=suggestion, user=request.user)
                messages.success(request, APPROVED.format(**names))
                return True
            if request.POST.get("decision") == "return" and form.is_valid():
                suggestion_return(
                    suggestion=suggestion, user=request.user, reason=form.cleaned_data["reason"]
                )
                messages.success(request, RETURNED.format(**names))
                return True
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        return False
