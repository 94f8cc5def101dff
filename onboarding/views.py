"""Onboarding pages in the admin: a school's existing notice against the library."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from notices.models import SchoolNotice
from onboarding.adoption import notice_adopt
from onboarding.reader import Document, ReaderError, read_upload

FILE_HELP = (
    "Word (.docx), OpenDocument (.odt), PDF, a saved web page (.html), Markdown or plain text; "
    "at most 10 MB."
)


def _context(request: HttpRequest, title: str, **extra: object) -> dict:
    return {**admin.site.each_context(request), "title": title, **extra}


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


class DocumentField(forms.FileField):
    """A notice file, read into a `Document`; a file the reader cannot read is a form error."""

    def clean(self, data, initial=None) -> Document | None:  # type: ignore[no-untyped-def, override]
        upload = super().clean(data, initial)
        if upload is None:
            return None
        try:
            return read_upload(upload)
        except ReaderError as error:
            raise forms.ValidationError(str(error), code="unreadable") from error


class AdoptForm(forms.Form):
    school_notice = forms.ModelChoiceField(
        label="School and notice",
        queryset=SchoolNotice.objects.select_related("school", "notice_type").order_by(
            "school__name", "notice_type__title"
        ),
    )
    file = DocumentField(label="The school's existing notice", help_text=FILE_HELP)


@staff_member_required
def adopt_view(request: HttpRequest) -> HttpResponse:
    """Upload a school's existing notice and see how it differs from the library."""
    _require(request, "notices.view_schoolnotice")
    form = AdoptForm(request.POST or None, request.FILES or None)
    report = document = None
    if request.method == "POST" and form.is_valid():
        document = form.cleaned_data["file"]
        report = notice_adopt(school_notice=form.cleaned_data["school_notice"], source=document)
    return render(
        request,
        "admin/notices/adopt.html",
        _context(request, "Adopt an existing notice", form=form, report=report, document=document),
    )
