"""Onboarding in the notice-type admin: attach schools to a notice type in bulk.

notices/ knows nothing of onboarding; this module swaps the notice-type admin for a subclass
that adds the action and its page, keeping the admin URL names.
"""

from __future__ import annotations

from django import forms
from django.contrib import admin, messages
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from notices.admin import NoticeTypeAdmin
from notices.models import NoticeType
from onboarding.attach import notice_type_attach
from schools.models import LocalAuthority, School


class AttachForm(forms.Form):
    local_authority = forms.ModelChoiceField(
        label="Schools of",
        queryset=LocalAuthority.objects.order_by("name"),
        required=False,
        empty_label="every local authority",
        help_text="Every open school of this authority is given the notice; closed ones are not.",
    )


class OnboardingNoticeTypeAdmin(NoticeTypeAdmin):
    actions = [*NoticeTypeAdmin.actions, "attach_schools"]

    @admin.action(
        description="Give every open school the selected notice types", permissions=["change"]
    )
    def attach_schools(
        self, request: HttpRequest, queryset: QuerySet[NoticeType]
    ) -> HttpResponse | None:
        if not request.user.has_perm("notices.add_schoolnotice"):
            self.message_user(request, "You may not add school notices.", messages.ERROR)
            return None
        form = AttachForm(request.POST if "attach" in request.POST else None)
        if form.is_valid():
            schools = School.objects.open()
            if authority := form.cleaned_data["local_authority"]:
                schools = schools.filter(local_authority=authority)
            for notice_type in queryset:
                result = notice_type_attach(
                    notice_type=notice_type, schools=schools, user=request.user
                )
                self.message_user(request, result.message(), messages.SUCCESS)
            return HttpResponseRedirect(reverse("admin:notices_noticetype_changelist"))
        return render(
            request,
            "admin/onboarding/attach_schools.html",
            {
                **self.admin_site.each_context(request),
                "title": "Give schools these notice types",
                "form": form,
                "notice_types": queryset,
                "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
                "opts": self.model._meta,
            },
        )


admin.site.unregister(NoticeType)
admin.site.register(NoticeType, OnboardingNoticeTypeAdmin)
