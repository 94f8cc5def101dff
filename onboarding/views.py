"""Onboarding pages in the admin: a school's existing notice against the library."""

from __future__ import annotations

import tempfile
from pathlib import Path

from django import forms
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from notices.models import SchoolNotice
from onboarding.adoption import notice_adopt
from onboarding.documents import document_text


def _context(request: HttpRequest, title: str, **extra: object) -> dict:
    return {**admin.site.each_context(request), "title": title, **extra}


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


class AdoptForm(forms.Form):
    school_notice = forms.ModelChoiceField(
        label="School and notice",
        queryset=SchoolNotice.objects.select_related("school", "notice_type").order_by(
            "school__name", "notice_type__title"
        ),
    )
    file = forms.FileField(
        label="The school's existing notice", help_text="Plain text, Markdown, HTML or PDF."
    )


@staff_member_required
def adopt_view(request: HttpRequest) -> HttpResponse:
    """Upload a school's existing notice and see how it differs from the library."""
    _require(request, "notices.view_schoolnotice")
    form = AdoptForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        suffix = Path(upload.name).suffix.lower()
        with tempfile.NamedTemporaryFile(suffix=suffix) as copy:
            for chunk in upload.chunks():
                copy.write(chunk)
            copy.flush()
            text = document_text(Path(copy.name))
        report = notice_adopt(school_notice=form.cleaned_data["school_notice"], text=text)
    return render(
        request,
        "admin/notices/adopt.html",
        _context(request, "Adopt an existing notice", form=form, report=report),
    )
