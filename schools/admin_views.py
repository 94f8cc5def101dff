"""The GIAS import in the admin: upload, preview what would change, then confirm."""

from __future__ import annotations

import uuid

from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse

from .forms import GiasImportForm
from .gias import gias_import

UPLOADS = "gias-imports/"
EXPIRED = "That upload is no longer available: upload the file again."


def gias_import_view(request: HttpRequest) -> HttpResponse:
    if not request.user.has_perm("schools.add_school"):
        raise PermissionDenied
    context = {**admin.site.each_context(request), "title": "Import schools from GIAS"}
    token = request.POST.get("token", "")
    if request.method == "POST" and token:
        return _confirm(request, token, request.POST.get("authority_code") or None)
    form = GiasImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["file"].read()
        code = form.cleaned_data["authority_code"] or None
        try:
            report = gias_import(content=content, authority_code=code, dry_run=True)
        except ValidationError as error:
            form.add_error("file", error)
        else:
            token = uuid.uuid4().hex
            default_storage.save(f"{UPLOADS}{token}.csv", ContentFile(content))
            context |= {"report": report, "token": token, "authority_code": code or ""}
    return render(request, "admin/schools/school/gias_import.html", {**context, "form": form})


def _confirm(request: HttpRequest, token: str, code: str | None) -> HttpResponse:
    path = f"{UPLOADS}{token}.csv"
    if not token.isalnum() or not default_storage.exists(path):
        messages.error(request, EXPIRED)
        return HttpResponseRedirect(reverse("admin:schools_school_gias_import"))
    with default_storage.open(path, "rb") as upload:
        content = upload.read()
    report = gias_import(content=content, authority_code=code, user=request.user)
    default_storage.delete(path)
    messages.success(request, f"GIAS import: {report.summary()}")
    for line, reason in report.invalid:
        messages.warning(request, f"Line {line} was not imported: {reason}")
    return HttpResponseRedirect(reverse("admin:schools_school_changelist"))
