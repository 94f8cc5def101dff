"""The admin list actions that publish notices take two steps, as Django's "delete selected" does:
a confirmation page saying what would be published and what cannot be, then the POST that
publishes."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Permission
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext

from clauses.models import Art13Item
from notices.admin import NoticeTypeAdmin, SchoolNoticeAdmin
from notices.dpo.selection import notice_types_publish_plan
from notices.models import NoticeType, PublishRun, SchoolNotice
from notices.publishing.batch import notices_publish
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolFactory,
    SchoolNoticeFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db

NOTICE_TYPES = "/admin/notices/noticetype/"
SCHOOL_NOTICES = "/admin/notices/schoolnotice/"


def _notice_type(title: str, *, covers: list[str]) -> NoticeType:
    notice_type = NoticeTypeFactory(title=title)
    clause = ClauseFactory(heading=f"{title} contact", art13_items=covers)
    ClauseVersionFactory(clause=clause, published=True, body="Write to {{ school.headteacher }}.")
    NoticeTypeClauseFactory(notice_type=notice_type, clause=clause)
    return notice_type


@pytest.fixture
def county():
    """Pupils' notices at four open schools and one closed; staff notices (with a gap) at two."""
    pupils = _notice_type("Pupils", covers=list(Art13Item))
    staff = _notice_type("Staff", covers=["purposes"])
    schools = [SchoolFactory(name=f"School {letter}") for letter in "ABCD"]
    closed = SchoolFactory(name="School E", is_open=False)
    return {
        "pupils": pupils,
        "staff": staff,
        "schools": schools,
        "closed": closed,
        "pupils_notices": [SchoolNoticeFactory(school=s, notice_type=pupils) for s in schools],
        "closed_notice": SchoolNoticeFactory(school=closed, notice_type=pupils),
        "staff_notices": [SchoolNoticeFactory(school=s, notice_type=staff) for s in schools[:2]],
    }


def _action(client, url: str, action: str, ids: list[int], **extra):  # type: ignore[no-untyped-def]
    return client.post(url, {"action": action, "_selected_action": ids, **extra})


def _confirm(client, url: str, action: str, ids: list[int]):  # type: ignore[no-untyped-def]
    """The first POST, then the POST the confirmation page's button sends."""
    page = _action(client, url, action, ids)
    return _action(client, url, action, ids, confirm=page.context["plan"].fingerprint)


def test_publish_to_every_school_first_shows_what_it_would_publish(county, dpo_client):
    response = _action(dpo_client, NOTICE_TYPES, "publish_to_every_school", [county["pupils"].pk])

    page = response.content.decode()
    assert response.status_code == 200
    assert page.count("<h1") == 1
    assert "<h1>Publish “Pupils” to every school?</h1>" in page
    assert (
        "Publishing will publish <strong>4 notices</strong> at <strong>4 schools</strong>" in page
    )
    assert "<strong>1 closed school</strong> is skipped" in page
    assert "School E (Pupils)" in page
    assert "Yes, publish 4 notices</button>" in page
    assert f'href="{NOTICE_TYPES}" class="button cancel-link">No, take me back</a>' in page
    assert '<input type="hidden" name="confirm"' in page
    assert f'name="_selected_action" value="{county["pupils"].pk}"' in page
    assert 'name="action" value="publish_to_every_school"' in page
    assert not PublishRun.objects.exists()


def test_confirming_publishes_every_open_schools_notice_of_the_type(county, dpo_client):
    response = _confirm(dpo_client, NOTICE_TYPES, "publish_to_every_school", [county["pupils"].pk])

    assert response.status_code == 302
    run = PublishRun.objects.get()
    assert set(run.school_notices.all()) == set(county["pupils_notices"])
    assert run.total == 4
    assert run.reason == "Published by DPO staff: Pupils"
    assert run.requested_by.username == "dpo"
    follow = dpo_client.get(response["Location"])
    assert "Publishing 4 notice(s) in the background." in follow.content.decode()


def test_publish_now_shows_the_selection_then_publishes_only_on_confirm(county, dpo_client):
    chosen = [county["pupils_notices"][0].pk, county["staff_notices"][1].pk]
    ids = [*chosen, county["closed_notice"].pk]

    page = _action(dpo_client, SCHOOL_NOTICES, "publish_now", ids)

    assert page.status_code == 200
    assert "<strong>2 notices</strong> at <strong>2 schools</strong>" in page.content.decode()
    assert [sn.pk for sn in page.context["plan"].closed] == [county["closed_notice"].pk]
    assert not PublishRun.objects.exists()

    _confirm(dpo_client, SCHOOL_NOTICES, "publish_now", ids)

    run = PublishRun.objects.get()
    assert sorted(run.school_notices.values_list("pk", flat=True)) == sorted(chosen)
    assert run.reason == "Published by DPO staff"


def test_a_notice_that_cannot_be_published_is_listed_first_with_why(county, dpo_client):
    school = county["schools"][1]
    school.headteacher = ""
    school.save()

    response = _action(dpo_client, NOTICE_TYPES, "publish_to_every_school", [county["pupils"].pk])

    page = response.content.decode()
    assert "<strong>3 notices</strong> at <strong>3 schools</strong>" in page
    blocked = page.index("1 school cannot be published")
    assert "School B</a> (Pupils): School B has no headteacher" in page
    assert blocked < page.index("closed school skipped") < page.index("3 notices will be published")
    assert "Yes, publish 3 notices" in page

    _confirm(dpo_client, NOTICE_TYPES, "publish_to_every_school", [county["pupils"].pk])

    run = PublishRun.objects.get()
    assert school.pk not in run.school_notices.values_list("school_id", flat=True)
    assert run.total == 3


def test_coverage_gaps_are_shown_but_do_not_stop_the_publish(county, dpo_client):
    response = _action(dpo_client, NOTICE_TYPES, "publish_to_every_school", [county["staff"].pk])

    page = response.content.decode()
    assert "“Staff” does not cover:" in page
    assert "(2 notices)" in page
    assert "Yes, publish 2 notices" in page


def test_notices_already_up_to_date_are_counted_apart(county, dpo_client):
    notices_publish(school_notices=SchoolNotice.objects.filter(pk=county["pupils_notices"][0].pk))

    response = _action(dpo_client, NOTICE_TYPES, "publish_to_every_school", [county["pupils"].pk])

    assert response.context["plan"].unchanged == 1
    assert "3 change and 1 is already up to date and stays as it is" in response.content.decode()


def test_a_selection_that_changed_since_the_page_publishes_nothing(county, dpo_client):
    ids = [county["pupils"].pk]
    fingerprint = (
        _action(dpo_client, NOTICE_TYPES, "publish_to_every_school", ids)
        .context["plan"]
        .fingerprint
    )
    school = county["schools"][0]
    school.is_open = False
    school.save()

    response = _action(
        dpo_client, NOTICE_TYPES, "publish_to_every_school", ids, confirm=fingerprint
    )

    assert response.status_code == 200
    assert "changed after this page was opened, so nothing was published" in (
        response.content.decode()
    )
    assert "Yes, publish 3 notices" in response.content.decode()
    assert not PublishRun.objects.exists()


@pytest.fixture
def viewer(db):
    """Admin staff who may look at notices but not change them."""
    user = UserFactory(username="viewer", is_staff=True)
    user.user_permissions.set(
        Permission.objects.filter(
            content_type__app_label="notices",
            codename__in=["view_noticetype", "view_schoolnotice"],
        )
    )
    return user


def test_staff_without_change_permission_cannot_publish_by_confirming(
    county, viewer, signed_in_client, dpo_client
):
    ids = [county["pupils"].pk]
    fingerprint = (
        _action(dpo_client, NOTICE_TYPES, "publish_to_every_school", ids)
        .context["plan"]
        .fingerprint
    )
    client = signed_in_client(viewer)

    response = _action(client, NOTICE_TYPES, "publish_to_every_school", ids, confirm=fingerprint)

    # The action is not offered to them: the list is shown again, with no confirmation page.
    assert response.status_code == 200
    assert "admin/notices/publish_selected_confirm.html" not in [t.name for t in response.templates]
    assert not PublishRun.objects.exists()


@pytest.mark.parametrize(
    ("model", "admin_class", "action", "queryset"),
    [
        (NoticeType, NoticeTypeAdmin, "publish_to_every_school", NoticeType.objects.all),
        (SchoolNotice, SchoolNoticeAdmin, "publish_now", SchoolNotice.objects.all),
    ],
)
def test_the_action_itself_refuses_a_confirm_without_change_permission(
    county, viewer, model, admin_class, action, queryset
):
    from django.contrib import admin

    request = RequestFactory().post("/", {"action": action, "confirm": "anything"})
    request.user = viewer

    with pytest.raises(PermissionDenied):
        getattr(admin_class(model, admin.site), action)(request, queryset())
    assert not PublishRun.objects.exists()


def test_the_plan_reads_a_fixed_number_of_queries_however_many_schools(county):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            plan = notice_types_publish_plan(notice_types=NoticeType.objects.all())
        assert plan.notice_count == SchoolNotice.objects.filter(school__is_open=True).count()
        return len(captured)

    few = queries()
    for n in range(20):
        school = SchoolFactory(name=f"School {n:02d}")
        SchoolNoticeFactory(school=school, notice_type=county["pupils"])
        SchoolNoticeFactory(school=school, notice_type=county["staff"])

    assert queries() == few


def test_select_all_across_pages_is_carried_to_the_confirmation(county, dpo_client):
    url = f"{SCHOOL_NOTICES}?notice_type__id__exact={county['staff'].pk}"
    one = [county["staff_notices"][0].pk]

    page = _action(dpo_client, url, "publish_now", one, select_across="1")

    assert 'name="select_across" value="1"' in page.content.decode()
    fingerprint = page.context["plan"].fingerprint
    _action(dpo_client, url, "publish_now", one, select_across="1", confirm=fingerprint)

    run = PublishRun.objects.get()
    assert set(run.school_notices.all()) == set(county["staff_notices"])
