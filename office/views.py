"""The office portal: a school's own details, its notices' status and its change history.

Every view resolves the school through `School.objects.editable_by(user)`, so a user of another
school gets a 404 for every page, form and POST.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe
from reversion.models import Version

from notices.models import SchoolNotice
from notices.publishing.runs import latest_run_for_school
from notices.selectors import live_publications
from office.forms import (
    DETAIL_GROUPS,
    OFFICE_FIELDS,
    PARTNER_FIELDS,
    DetailGroup,
    PartnerForm,
    details_form_class,
)
from office.services import (
    Saved,
    partner_remove,
    partner_suggest,
    partner_update,
    school_details_update,
)
from review.models import Suggestion
from review.services import REVIEWED_PARTNER_FIELDS
from schools.models import School, SharingPartner

SAVED = "Saved: {changed}. Your notices are being updated."
SUGGESTED = (
    "Sent to your data protection officer for review: {suggested}. Your notices keep the "
    "current wording until they approve it."
)
NOTHING_CHANGED = "Nothing changed, so nothing was saved."
REMOVED = "Removed “{name}”. Your notices are being updated."
STILL_MISSING = (
    "Your details are saved, but your notice cannot be updated until this is filled in: "
    "{problem} Your current notice stays live meanwhile."
)
HISTORY_PAGE_SIZE = 20
# The page asks for the notices' status this often while they update, and gives up after
# this many asks (the worker may be down): about two minutes.
STATUS_POLL_SECONDS = 3
STATUS_POLL_LIMIT = 40


def _school_for(request: HttpRequest, school_slug: str) -> School:
    return get_object_or_404(
        School.objects.editable_by(request.user).select_related("local_authority", "dpo"),
        slug=school_slug,
    )


@dataclass(frozen=True)
class NoticeStatus:
    school_notice: SchoolNotice
    version: int | None
    state: str  # "updating", "live", "failed" or "not published"
    reason: str


def notice_statuses(school: School) -> list[NoticeStatus]:
    school_notices = list(school.notices.select_related("notice_type", "school"))
    live = live_publications([sn.pk for sn in school_notices])
    run = latest_run_for_school(school)
    updating = run is not None and run.finished_at is None
    statuses = []
    for school_notice in school_notices:
        publication = live.get(school_notice.pk)
        if updating:
            state, reason = "updating", ""
        elif school_notice.last_error:
            state, reason = "failed", school_notice.last_error
        elif publication is None:
            state, reason = "not published", ""
        else:
            state, reason = "live", ""
        statuses.append(
            NoticeStatus(school_notice, publication.number if publication else None, state, reason)
        )
    return statuses


@login_required
@require_safe
def home(request: HttpRequest) -> HttpResponse:
    schools = School.objects.editable_by(request.user).order_by("name")
    return render(request, "office/home.html", {"schools": schools})


def _status_context(school: School) -> dict[str, object]:
    statuses = notice_statuses(school)
    return {
        "statuses": statuses,
        "updating": any(status.state == "updating" for status in statuses),
        "poll_seconds": STATUS_POLL_SECONDS,
        "poll_limit": STATUS_POLL_LIMIT,
    }


def _page(request: HttpRequest, template: str, school: School, **context: object) -> HttpResponse:
    """A page of one school: its notices' status beside whatever the page is for."""
    status = 400 if request.method == "POST" else 200
    return render(
        request, template, {"school": school, **_status_context(school), **context}, status=status
    )


def _after_save(request: HttpRequest, school: School, saved: Saved) -> HttpResponseRedirect:
    if not saved.anything:
        messages.info(request, NOTHING_CHANGED)
    if saved.changed:
        messages.success(request, SAVED.format(changed=", ".join(saved.changed)))
    if saved.suggested:
        messages.success(request, SUGGESTED.format(suggested=", ".join(saved.suggested)))
    for problem in saved.problems:
        messages.warning(request, STILL_MISSING.format(problem=problem))
    return HttpResponseRedirect(reverse("office:school", args=[school.slug]))


@dataclass(frozen=True)
class SummaryRow:
    label: str
    value: str


@dataclass(frozen=True)
class SummaryCard:
    group: DetailGroup
    rows: list[SummaryRow]


def summary_cards(school: School) -> list[SummaryCard]:
    return [
        SummaryCard(
            group,
            [
                SummaryRow(
                    str(School._meta.get_field(name).verbose_name), str(getattr(school, name))
                )
                for name in group.fields
            ],
        )
        for group in DETAIL_GROUPS.values()
    ]


@login_required
@require_safe
def school_detail(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = _school_for(request, school_slug)
    suggestions = list(
        school.suggestions.filter(
            status__in=[Suggestion.Status.PENDING, Suggestion.Status.RETURNED]
        ).select_related("partner")
    )
    # A returned suggestion stays in view only until the school suggests that wording again.
    pending = {(s.partner_id, s.field) for s in suggestions if s.is_pending}
    suggestions = [
        s
        for s in suggestions
        if s.is_pending or s.partner_id is None or (s.partner_id, s.field) not in pending
    ]
    return _page(
        request,
        "office/school.html",
        school,
        cards=summary_cards(school),
        partners=SharingPartner.objects.filter(school=school).order_by("name"),
        suggestions=suggestions,
    )


@login_required
@require_safe
def notice_status(request: HttpRequest, school_slug: str) -> JsonResponse:
    """The notices' status as HTML for the page to swap in, while they are being updated."""
    school = _school_for(request, school_slug)
    context = _status_context(school)
    html = render_to_string(
        "office/_notice_status_table.html", {"school": school, **context}, request=request
    )
    return JsonResponse({"updating": context["updating"], "html": html})


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def school_change(request: HttpRequest, school_slug: str, group: str) -> HttpResponse:
    school = _school_for(request, school_slug)
    detail_group = DETAIL_GROUPS.get(group)
    if detail_group is None:
        raise Http404
    form = details_form_class(detail_group)(request.POST or None, instance=school)
    if request.method == "POST" and form.is_valid():
        saved = school_details_update(school=school, form=form, user=request.user)
        return _after_save(request, school, saved)
    return _page(request, "office/change.html", school, form=form, group=detail_group)


def _own_partner(school: School, partner_id: int) -> SharingPartner:
    """One of this school's own partners: another school's, or a shared one, is a 404."""
    return get_object_or_404(SharingPartner, pk=partner_id, school=school)


def _with_pending_wording(partner: SharingPartner) -> dict[str, str]:
    return {
        s.field: s.new_text
        for s in Suggestion.objects.pending().filter(partner=partner)
        if s.field in REVIEWED_PARTNER_FIELDS
    }


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def partner_add(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = _school_for(request, school_slug)
    form = PartnerForm(request.POST or None, instance=SharingPartner(school=school))
    if request.method == "POST" and form.is_valid():
        return _after_save(
            request, school, partner_suggest(school=school, form=form, user=request.user)
        )
    return _page(request, "office/partner_form.html", school, form=form, partner=None)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def partner_change(request: HttpRequest, school_slug: str, partner_id: int) -> HttpResponse:
    school = _school_for(request, school_slug)
    partner = _own_partner(school, partner_id)
    form = PartnerForm(
        request.POST or None, instance=partner, initial=_with_pending_wording(partner)
    )
    if request.method == "POST" and form.is_valid():
        saved = partner_update(school=school, partner=partner, form=form, user=request.user)
        return _after_save(request, school, saved)
    return _page(request, "office/partner_form.html", school, form=form, partner=partner)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def suggested_partner_change(
    request: HttpRequest, school_slug: str, suggestion_id: int
) -> HttpResponse:
    """Change a new organisation that is waiting for the DPO, or was returned."""
    school = _school_for(request, school_slug)
    suggestion = get_object_or_404(
        school.suggestions.exclude(status=Suggestion.Status.APPROVED),
        pk=suggestion_id,
        field=Suggestion.Field.NEW_PARTNER,
    )
    form = PartnerForm(
        request.POST or None,
        instance=SharingPartner(school=school),
        initial=suggestion.proposed,
    )
    if request.method == "POST" and form.is_valid():
        saved = partner_suggest(school=school, form=form, user=request.user, suggestion=suggestion)
        return _after_save(request, school, saved)
    return _page(
        request, "office/partner_form.html", school, form=form, partner=None, suggestion=suggestion
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def partner_remove_view(request: HttpRequest, school_slug: str, partner_id: int) -> HttpResponse:
    school = _school_for(request, school_slug)
    partner = _own_partner(school, partner_id)
    if request.method == "POST":
        saved = partner_remove(school=school, partner=partner, user=request.user)
        messages.success(request, REMOVED.format(name=partner.name))
        for problem in saved.problems:
            messages.warning(request, STILL_MISSING.format(problem=problem))
        return HttpResponseRedirect(reverse("office:school", args=[school.slug]))
    return render(request, "office/partner_remove.html", {"school": school, "partner": partner})


@dataclass(frozen=True)
class HistoryEntry:
    version: Version
    changes: list[tuple[str, str, str]]  # (what, old, new)


def _partner_lines(version: Version, school: School) -> dict[str, str]:
    """The school's own partners as saved in this revision, as readable lines by name."""
    lines = {}
    for related in version.revision.version_set.all():
        if related.content_type.model != "sharingpartner":
            continue
        data = related.field_dict
        if data.get("school", data.get("school_id")) == school.pk:
            lines[data["name"]] = "; ".join(
                str(data.get(name) or "") for name in PARTNER_FIELDS[1:] if data.get(name)
            )
    return lines


def school_history(school: School, versions: list[Version]) -> list[HistoryEntry]:
    """What each revision changed, field by field, against the revision before it."""
    labels = {name: str(School._meta.get_field(name).verbose_name) for name in OFFICE_FIELDS}
    labels |= {"name": "name", "urn": "URN"}
    entries = []
    for newer, older in zip(versions, [*versions[1:], None], strict=True):
        new, old = newer.field_dict, older.field_dict if older else {}
        changes = [
            (label, str(old.get(name) or "") if older else "", str(new.get(name) or ""))
            for name, label in labels.items()
            if older is None or old.get(name) != new.get(name)
        ]
        new_partners = _partner_lines(newer, school)
        old_partners = _partner_lines(older, school) if older else {}
        for name in sorted(set(new_partners) | set(old_partners)):
            if new_partners.get(name) != old_partners.get(name):
                changes.append(
                    (f"partner “{name}”", old_partners.get(name, ""), new_partners.get(name, ""))
                )
        entries.append(HistoryEntry(newer, [c for c in changes if c[1] != c[2]]))
    return entries


@login_required
@require_safe
def school_history_view(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = _school_for(request, school_slug)
    versions = (
        Version.objects.get_for_object(school)
        .select_related("revision__user")
        .prefetch_related("revision__version_set__content_type")
    )
    page = Paginator(versions, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
    window = list(page.object_list)
    # One more, older version so the last entry on the page has something to compare with.
    older = versions[page.end_index() : page.end_index() + 1] if page.has_next() else []
    entries = school_history(school, [*window, *older])[: len(window)]
    return render(
        request, "office/history.html", {"school": school, "entries": entries, "page": page}
    )
