"""A clause's versions: numbered, one draft and one live at a time, and fixed once published."""

from __future__ import annotations

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from reversion.models import Version

from clauses.markup import allowed_placeholders_text
from clauses.models import IMMUTABLE_VERSION, ONLY_DRAFTS_DELETED, ClauseVersion
from clauses.services import (
    ALREADY_HAS_DRAFT,
    NEEDS_SUMMARY,
    NOT_A_DRAFT,
    clause_version_publish,
    clause_version_retire,
    clause_version_start_draft,
)
from tests.factories import ClauseFactory, ClauseVersionFactory

pytestmark = pytest.mark.django_db

Status = ClauseVersion.Status


@pytest.fixture
def clause():
    return ClauseFactory(heading="How to complain")


@pytest.fixture
def live(clause):
    """Version 1 of the clause, published."""
    return ClauseVersionFactory(clause=clause, published=True, body="Write to {{ dpo.email }}.")


# Numbering ----------------------------------------------------------------------------------


def test_versions_are_numbered_1_2_3_in_order(clause):
    first = ClauseVersionFactory(clause=clause, retired=True)
    second = ClauseVersionFactory(clause=clause, published=True)
    third = ClauseVersionFactory(clause=clause)

    assert [first.number, second.number, third.number] == [1, 2, 3]


def test_numbering_is_per_clause(live):
    other = ClauseVersionFactory()

    assert (live.number, other.number) == (1, 1)


def test_the_database_refuses_two_versions_with_the_same_number(live):
    with pytest.raises(IntegrityError), transaction.atomic():
        ClauseVersion.objects.create(
            clause=live.clause, number=1, body="Hi.", status=Status.RETIRED
        )

    assert live.clause.versions.count() == 1


def test_the_database_refuses_a_second_draft(clause):
    ClauseVersionFactory(clause=clause)

    with pytest.raises(IntegrityError), transaction.atomic():
        ClauseVersionFactory(clause=clause)

    assert clause.versions.filter(status=Status.DRAFT).count() == 1


def test_the_database_refuses_a_second_published_version(live):
    with pytest.raises(IntegrityError), transaction.atomic():
        ClauseVersionFactory(clause=live.clause, published=True)

    assert live.clause.versions.filter(status=Status.PUBLISHED).count() == 1


def test_full_clean_reports_a_second_draft(clause):
    ClauseVersionFactory(clause=clause)
    second = ClauseVersionFactory.build(clause=clause, number=2)

    with pytest.raises(ValidationError) as caught:
        second.full_clean()

    assert "This clause already has a draft: edit that one." in caught.value.messages


# A published version is fixed ---------------------------------------------------------------


def test_a_published_versions_body_cannot_be_changed(live):
    live.body = "Something else."

    with pytest.raises(ValidationError) as caught:
        live.save()

    assert caught.value.messages == [
        IMMUTABLE_VERSION.format(number=1, clause="How to complain", status="published")
    ]
    live.refresh_from_db()
    assert live.body == "Write to {{ dpo.email }}."


def test_a_retired_version_cannot_be_republished(live):
    retired = clause_version_retire(version=live, user=None)
    retired.status = Status.PUBLISHED

    with pytest.raises(ValidationError) as caught:
        retired.save()

    assert caught.value.messages == [
        IMMUTABLE_VERSION.format(number=1, clause="How to complain", status="retired")
    ]


def test_a_published_version_cannot_be_deleted(live):
    with pytest.raises(ValidationError) as caught:
        live.delete()

    assert caught.value.messages == [ONLY_DRAFTS_DELETED]
    assert ClauseVersion.objects.filter(pk=live.pk).exists()


def test_a_draft_can_be_deleted(clause):
    draft = ClauseVersionFactory(clause=clause)

    draft.delete()

    assert not clause.versions.exists()


def test_a_draft_can_be_edited(clause):
    draft = ClauseVersionFactory(clause=clause)
    draft.body = "New words for {{ school.name }}."

    draft.save()

    draft.refresh_from_db()
    assert draft.body == "New words for {{ school.name }}."


def test_a_published_version_can_be_retired(live, dpo_user):
    result = clause_version_retire(version=live, user=dpo_user)

    assert result.status == Status.RETIRED
    live.refresh_from_db()
    assert live.status == Status.RETIRED
    assert live.clause.live_version() is None


def test_only_a_published_version_can_be_retired(clause):
    draft = ClauseVersionFactory(clause=clause)

    with pytest.raises(ValidationError):
        clause_version_retire(version=draft, user=None)

    draft.refresh_from_db()
    assert draft.status == Status.DRAFT


# Starting a draft ---------------------------------------------------------------------------


def test_start_draft_copies_the_latest_body(live, dpo_user):
    draft = clause_version_start_draft(clause=live.clause, user=dpo_user)

    assert (draft.number, draft.status, draft.body) == (2, Status.DRAFT, live.body)
    assert draft.author == dpo_user
    assert live.clause.draft_version() == draft


def test_start_draft_copies_the_latest_body_even_when_it_is_retired(clause):
    ClauseVersionFactory(clause=clause, retired=True, body="Old words.")
    ClauseVersionFactory(clause=clause, retired=True, body="Newest words.")

    draft = clause_version_start_draft(clause=clause, user=None)

    assert draft.body == "Newest words."


def test_start_draft_refuses_a_second_draft(live):
    first = clause_version_start_draft(clause=live.clause, user=None)

    with pytest.raises(ValidationError) as caught:
        clause_version_start_draft(clause=live.clause, user=None)

    assert caught.value.messages == [
        ALREADY_HAS_DRAFT.format(clause="How to complain", number=first.number)
    ]
    assert live.clause.versions.count() == 2


# Publishing ---------------------------------------------------------------------------------


def test_publishing_the_first_draft_makes_it_live(clause, dpo_user):
    draft = ClauseVersionFactory(clause=clause)
    before = timezone.now()

    published = clause_version_publish(version=draft, user=dpo_user)

    assert published.status == Status.PUBLISHED
    draft.refresh_from_db()
    assert draft.status == Status.PUBLISHED
    assert draft.published_at is not None and draft.published_at >= before
    assert draft.effective_date == timezone.localdate(draft.published_at)
    assert clause.live_version() == draft


def test_publishing_retires_the_previous_published_version(live, dpo_user):
    draft = clause_version_start_draft(clause=live.clause, user=dpo_user)
    draft.change_summary = "Added the ICO's phone number."
    draft.save()

    clause_version_publish(version=draft, user=dpo_user)

    live.refresh_from_db()
    draft.refresh_from_db()
    assert (live.status, draft.status) == (Status.RETIRED, Status.PUBLISHED)
    assert live.clause.live_version() == draft


def test_publishing_a_second_version_needs_a_change_summary(live):
    draft = clause_version_start_draft(clause=live.clause, user=None)

    with pytest.raises(ValidationError) as caught:
        clause_version_publish(version=draft, user=None)

    assert caught.value.messages == [NEEDS_SUMMARY.format(number=2)]
    draft.refresh_from_db()
    live.refresh_from_db()
    assert (live.status, draft.status) == (Status.PUBLISHED, Status.DRAFT)


def test_publishing_refuses_a_version_that_is_not_a_draft(live):
    with pytest.raises(ValidationError) as caught:
        clause_version_publish(version=live, user=None)

    assert caught.value.messages == [NOT_A_DRAFT.format(number=1, status="published")]
    live.refresh_from_db()
    assert live.status == Status.PUBLISHED


def test_publishing_refuses_a_body_with_an_unknown_placeholder(clause):
    draft = ClauseVersionFactory(clause=clause, body="Hello {{ school.nmae }}.")

    with pytest.raises(ValidationError) as caught:
        clause_version_publish(version=draft, user=None)

    assert "school.nmae" in " ".join(caught.value.message_dict["body"])
    draft.refresh_from_db()
    assert draft.status == Status.DRAFT
    assert clause.live_version() is None


def test_publishing_records_a_revision_by_the_user(clause, dpo_user):
    draft = ClauseVersionFactory(clause=clause)

    clause_version_publish(version=draft, user=dpo_user)

    revision = Version.objects.get_for_object(draft).first().revision
    assert revision.user == dpo_user
    assert revision.comment == "Published version 1 of “How to complain”."


# Body validation ----------------------------------------------------------------------------


def test_full_clean_names_an_unknown_placeholder_and_lists_the_allowed_ones(clause):
    version = ClauseVersionFactory(clause=clause)
    version.body = "Hello {{ school.nmae }}"

    with pytest.raises(ValidationError) as caught:
        version.full_clean()

    [message] = caught.value.message_dict["body"]
    assert "school.nmae" in message
    assert allowed_placeholders_text() in message
    assert "{{ school.name }}" in message


def test_the_admin_form_asks_did_you_mean_for_a_mistyped_placeholder(
    clause, dpo_client, admin_post_data
):
    draft = ClauseVersionFactory(clause=clause, body="Write to us.")
    url = f"/admin/clauses/clauseversion/{draft.pk}/change/"
    data = admin_post_data(dpo_client.get(url))
    data["body"] = "Write to {{ dpo.emial }}."

    response = dpo_client.post(url, data)

    assert response.status_code == 200
    assert "did you mean {{ dpo.email }}?" in response.content.decode()
    draft.refresh_from_db()
    assert draft.body == "Write to us."
