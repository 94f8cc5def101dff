"""DPO workflow pages in the admin: dashboard, draft preview, impact, publish, start a draft."""

from __future__ import annotations

from django.contrib import admin, messages
from django.contrib.admin.views.decorators import staff_member_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils.http import urlencode
from django.views.decorators.http import require_POST

from clauses.models import Clause, ClauseVersion
from clauses.services import clause_version_start_draft
from health.services import drafts_health
from notices.dpo.dashboard import SHOW_CHOICES, dashboard_build
from notices.dpo.preview import (
    PICKER_MATCHES_SHOWN,
    PICKER_QUERY_MAX_CHARS,
    preview_matches,
    publish_plan,
    version_preview,
)
from notices.dpo.services import clause_versions_publish_everywhere, versions_fingerprint
from notices.models import NoticeType
from notices.publishing.runs import school_notices_using
from notices.translations.status import translation_reports
from schools.models import DataProtectionOfficer, LocalAuthority

MAX_VERSIONS_AT_ONCE = 200
PUBLISHED = "Published {versions}. Re-publishing {total} school notice{s} in the background."


def _context(request: HttpRequest, title: str, **extra: object) -> dict:
    return {**admin.site.each_context(request), "title": title, **extra}


def _require(request: HttpRequest, permission: str) -> None:
    if not request.user.has_perm(permission):
        raise PermissionDenied


def _int(value: str | None) -> int | None:
    return int(value) if value and value.isdigit() else None


@staff_member_required
def dashboard(request: HttpRequest) -> HttpResponse:
    _require(request, "notices.view_schoolnotice")
    notice_types = list(NoticeType.objects.all())
    chosen = _int(request.GET.get("notice_type"))
    notice_type = next((t for t in notice_types if t.pk == chosen), None) or next(
        iter(notice_types), None
    )
    authority_id = _int(request.GET.get("authority"))
    dpo_id = _int(request.GET.get("dpo"))
    board = dashboard_build(
        notice_type=notice_type,
        authority_id=authority_id,
        dpo_id=dpo_id,
        show=request.GET.get("show", ""),
    )
    filters = {
        key: value
        for key, value in (
            ("notice_type", notice_type.pk if notice_type else None),
            ("authority", authority_id),
            ("dpo", dpo_id),
        )
        if value
    }
    return render(
        request,
        "admin/notices/dashboard.html",
        _context(
            request,
            "DPO dashboard",
            board=board,
            notice_types=notice_types,
            authorities=LocalAuthority.objects.all(),
            dpos=DataProtectionOfficer.objects.all(),
            chosen_authority=authority_id,
            chosen_dpo=dpo_id,
            show_choices=SHOW_CHOICES,
            show_label=SHOW_CHOICES[board.show],
            show_all_link="?" + urlencode(filters),
            show_links={
                show: "?" + urlencode({**filters, "show": show} if show else filters)
                for show in SHOW_CHOICES
            },
            translation_reports=translation_reports(),
        ),
    )


@staff_member_required
def version_preview_view(request: HttpRequest, version_id: int) -> HttpResponse:
    _require(request, "clauses.view_clauseversion")
    version = get_object_or_404(ClauseVersion.objects.select_related("clause"), pk=version_id)
    using = school_notices_using(version.clause)
    notice_types = list(
        NoticeType.objects.filter(pk__in=using.values("notice_type_id")).order_by(
            "-is_primary", "title"
        )
    )
    chosen_type = _int(request.GET.get("notice_type"))
    notice_type = next((t for t in notice_types if t.pk == chosen_type), None) or next(
        iter(notice_types), None
    )
    query = request.GET.get("school", "")[:PICKER_QUERY_MAX_CHARS]
    chosen = _int(request.GET.get("school_notice"))
    if chosen is not None:
        matches = list(using.filter(pk=chosen).select_related("school", "notice_type"))
    else:
        matches = preview_matches(
            version=version, query=query, notice_type_id=notice_type.pk if notice_type else None
        )
    school_notice = matches[0] if len(matches) == 1 else None
    preview = (
        version_preview(version=version, school_notice=school_notice) if school_notice else None
    )
    school_names = (
        using.filter(notice_type=notice_type)
        .order_by("school__name")
        .values_list("school__name", flat=True)
    )
    return render(
        request,
        "admin/notices/version_preview.html",
        _context(
            request,
            f"Preview: {version}",
            version=version,
            notice_types=notice_types,
            notice_type=notice_type,
            school_names=school_names,
            query=query,
            matches=matches,
            matches_capped=len(matches) >= PICKER_MATCHES_SHOWN,
            preview=preview,
        ),
    )


@staff_member_required
def version_impact_view(request: HttpRequest, version_id: int) -> HttpResponse:
    _require(request, "clauses.view_clauseversion")
    version = get_object_or_404(ClauseVersion.objects.select_related("clause"), pk=version_id)
    return render(
        request,
        "admin/notices/version_impact.html",
        _context(
            request,
            f"Impact: {version}",
            version=version,
            plan=publish_plan(versions=[version]),
            affected_count=school_notices_using(version.clause).count(),
            drafts_health=drafts_health(versions=[version]),
        ),
    )


@staff_member_required
def version_publish_view(request: HttpRequest, version_id: int) -> HttpResponse:
    """Publish one draft everywhere: a confirmation page first, then the POST that publishes."""
    version = get_object_or_404(ClauseVersion.objects.select_related("clause"), pk=version_id)
    return _publish_confirm(
        request,
        [version],
        back=reverse("admin:clauses_clauseversion_change", args=[version.pk]),
    )


@staff_member_required
def versions_publish_view(request: HttpRequest) -> HttpResponse:
    """The same confirmation for the drafts chosen in the list (`?version=1&version=2`)."""
    source = request.POST if request.method == "POST" else request.GET
    ids = [int(v) for v in source.getlist("version")[:MAX_VERSIONS_AT_ONCE] if v.isdigit()]
    chosen = list(
        ClauseVersion.objects.select_related("clause")
        .filter(pk__in=ids)
        .order_by("clause__heading")
    )
    return _publish_confirm(request, chosen, back=reverse("admin:clauses_clauseversion_changelist"))


def _publish_confirm(
    request: HttpRequest, chosen: list[ClauseVersion], *, back: str
) -> HttpResponse:
    model_admin = admin.site.get_model_admin(ClauseVersion)
    if not chosen or not all(model_admin.has_change_permission(request, v) for v in chosen):
        raise PermissionDenied
    drafts = [v for v in chosen if v.status == ClauseVersion.Status.DRAFT]
    left_out = [v for v in chosen if v.status != ClauseVersion.Status.DRAFT]
    if request.method == "POST" and "fingerprint" in request.POST:
        try:
            result = clause_versions_publish_everywhere(
                versions=drafts, user=request.user, fingerprint=request.POST["fingerprint"]
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
            # The confirmation again, from what is saved now.
            drafts = list(
                ClauseVersion.objects.select_related("clause").filter(pk__in=[v.pk for v in drafts])
            )
        else:
            total = result.run.total
            messages.success(
                request,
                PUBLISHED.format(
                    versions=", ".join(str(v) for v in result.versions),
                    total=total,
                    s="" if total == 1 else "s",
                ),
            )
            for warning in result.warnings:
                messages.warning(request, warning)
            return HttpResponseRedirect(
                reverse("admin:notices_publishrun_change", args=[result.run.pk])
            )
    return render(
        request,
        "admin/notices/publish_confirm.html",
        _context(
            request,
            "Publish everywhere?",
            plan=publish_plan(versions=drafts),
            drafts_health=drafts_health(versions=drafts),
            left_out=left_out,
            fingerprint=versions_fingerprint(drafts),
            back=back,
            action=request.path,
        ),
    )


@staff_member_required
@require_POST
def clause_start_draft_view(request: HttpRequest, clause_id: int) -> HttpResponse:
    _require(request, "clauses.add_clauseversion")
    clause = get_object_or_404(Clause, pk=clause_id)
    try:
        draft = clause_version_start_draft(clause=clause, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        existing = clause.draft_version()
        target = existing.pk if existing else None
        if target is None:
            return HttpResponseRedirect(reverse("admin:clauses_clause_change", args=[clause_id]))
        return HttpResponseRedirect(reverse("admin:clauses_clauseversion_change", args=[target]))
    messages.success(request, f"Started version {draft.number} of “{clause}” as a draft.")
    return HttpResponseRedirect(reverse("admin:clauses_clauseversion_change", args=[draft.pk]))
