"""The office portal: a school's own details, its notices' status and its change history.

Every view resolves the school through `School.objects.editable_by(user)`, so a user of another
school gets a 404 for every page, form and POST.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods, require_safe
from reversion.models import Version

from notices.models import SchoolNotice
from notices.publishing.runs import latest_run_for_school
from notices.selectors import live_publications
from office.forms import OFFICE_FIELDS, PARTNER_FIELDS, PartnerFormSet, SchoolDetailsForm
from office.services import school_details_update
from schools.models import School, SharingPartner

SAVED = "Saved: {changed}. Your notices are being updated; this page shows when they are live."
NOTHING_CHANGED = "Nothing changed, so nothing was saved."
STILL_MISSING = (
    "Your details are saved, but your notice cannot be updated until this is filled in: "
    "{problem} Your current notice stays live meanwhile."
)
HISTORY_PAGE_SIZE = 20


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


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def school_detail(request: HttpRequest, school_slug: str) -> HttpResponse:
    school = _school_for(request, school_slug)
    form = SchoolDetailsForm(request.POST or None, instance=school)
    partners = PartnerFormSet(
        request.POST or None,
        instance=school,
        queryset=SharingPartner.objects.filter(school=school),
        prefix="partners",
    )
    if request.method == "POST" and form.is_valid() and partners.is_valid():
        saved = school_details_update(
            school=school, form=form, partners=partners, user=request.user
        )
        if not saved.changed:
            messages.info(request, NOTHING_CHANGED)
        else:
            messages.success(request, SAVED.format(changed=", ".join(saved.changed)))
            for problem in saved.problems:
                messages.warning(request, STILL_MISSING.format(problem=problem))
        return HttpResponseRedirect(reverse("office:school", args=[school.slug]))
    statuses = notice_statuses(school)
    return render(
        request,
        "office/school.html",
        {
            "school": school,
            "form": form,
            "partners": partners,
            "statuses": statuses,
            "updating": any(status.state == "updating" for status in statuses),
        },
        status=400 if request.method == "POST" else 200,
    )


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
