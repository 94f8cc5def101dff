"""Notices in more languages: translations that know when the English has moved on."""

from __future__ import annotations

import io
import re

import pypdf
import pytest
from django.core.exceptions import ValidationError
from django.test import override_settings
from django.utils.formats import date_format
from django.utils.translation import override

from clauses.models import TRANSLATION_PLACEHOLDERS, Clause, ClauseVersionTranslation
from clauses.services import clause_version_publish, clause_version_start_draft
from notices.models import NOT_OFFERED, NoticeTypeTranslation, PublicationTranslation, PublishRun
from notices.publishing.batch import notices_publish, select_school_notices
from notices.publishing.services import translation_render_pdf
from notices.translations.services import translation_save
from notices.translations.status import translation_reports
from tests.factories import (
    ClauseFactory,
    ClauseVersionFactory,
    NoticeTypeClauseFactory,
    NoticeTypeFactory,
    SchoolNoticeFactory,
)

pytestmark = pytest.mark.django_db

ENGLISH = {
    "who-we-are": ("Who we are", "We are {{ school.name }}.", "{{ school.name }} is in charge."),
    "rights": ("Your rights", "You can see what we hold.", "You can see it."),
    "cctv": ("CCTV", "We record the gates.", ""),
}
WELSH = {
    "who-we-are": ("Pwy ydym ni", "{{ school.name }} ydym ni.", "{{ school.name }} sy'n gyfrifol."),
    "rights": ("Eich hawliau", "Gallwch weld beth sydd gennym.", "Gallwch ei weld."),
}


@pytest.fixture
def welsh_school(school_a):
    school_a.name_cy = "Ysgol Ashdown"
    school_a.save()
    notice_type = NoticeTypeFactory(slug="pupils", title="How we use pupil data", is_primary=True)
    NoticeTypeTranslation.objects.create(
        notice_type=notice_type,
        language="cy",
        title="Sut rydym yn defnyddio data disgyblion",
        audience="Rhieni a disgyblion",
    )
    for position, (key, (heading, body, summary)) in enumerate(ENGLISH.items()):
        clause = ClauseFactory(key=key, heading=heading)
        version = ClauseVersionFactory(clause=clause, published=True, body=body, summary=summary)
        NoticeTypeClauseFactory(notice_type=notice_type, clause=clause, position=position)
        if key in WELSH:
            heading_cy, body_cy, summary_cy = WELSH[key]
            ClauseVersionTranslation.objects.create(
                version=version, language="cy", heading=heading_cy, body=body_cy, summary=summary_cy
            )
    SchoolNoticeFactory(school=school_a, notice_type=notice_type, languages=["cy"])
    notices_publish(school_notices=select_school_notices())
    return school_a


def _new_english_rights(summary: str = "Added the right to correct.") -> None:
    draft = clause_version_start_draft(clause=Clause.objects.get(key="rights"), user=None)
    draft.body = "You can see and correct what we hold."
    draft.change_summary = summary
    draft.save()
    clause_version_publish(version=draft, user=None)
    notices_publish(school_notices=select_school_notices())


def test_a_translation_must_use_the_placeholders_of_the_english():
    version = ClauseVersionFactory(published=True, body="We are {{ school.name }}.")
    translation = ClauseVersionTranslation(
        version=version, language="cy", heading="Pwy", body="Ni yw {{ school.email }}."
    )

    with pytest.raises(ValidationError) as caught:
        translation.full_clean()

    [message] = caught.value.message_dict["body"]
    assert message == TRANSLATION_PLACEHOLDERS.format(
        number=version.number,
        details="missing {{ school.name }}; not in the English {{ school.email }}",
    )


@pytest.mark.parametrize("code", ["CY", "welsh", "c", "cy_GB", "cy-", ""])
def test_a_language_code_is_checked(code):
    translation = ClauseVersionTranslation(
        version=ClauseVersionFactory(), language=code, heading="x", body="x"
    )

    with pytest.raises(ValidationError) as caught:
        translation.full_clean()

    assert "language" in caught.value.message_dict


def test_a_school_can_only_publish_languages_its_notice_type_offers(school_a):
    school_notice = SchoolNoticeFactory(school=school_a, languages=["pl"])

    with pytest.raises(ValidationError) as caught:
        school_notice.full_clean()

    assert caught.value.message_dict["languages"] == [
        NOT_OFFERED.format(notice_type=school_notice.notice_type, languages="pl")
    ]


def test_the_welsh_page_is_in_welsh_with_the_school_welsh_name(client, welsh_school):
    response = client.get(f"/schools/{welsh_school.slug}/privacy-notice/cy/")

    body = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="cy">' in body
    assert '<h1 id="notice-title">Sut rydym yn defnyddio data disgyblion</h1>' in body
    assert "Ysgol Ashdown ydym ni." in body
    assert "Yn gryno" in body and "Cwestiynau am eich gwybodaeth" in body
    with override("cy"):
        published = date_format(PublicationTranslation.objects.get().published_at, "j F Y")
    assert f">{published}</time>" in body
    # The untranslated clause is there, in English, and marked as English.
    assert re.search(r'<section class="notice-section" id="cctv"[^>]*lang="en-GB"', body)
    assert "We record the gates." in body
    assert "Mae fersiwn Saesneg yr hysbysiad hwn yn fwy diweddar" in body


def test_both_pages_link_each_other_with_hreflang_and_lang(client, welsh_school):
    english = client.get(f"/schools/{welsh_school.slug}/privacy-notice/").content.decode()
    welsh = client.get(f"/schools/{welsh_school.slug}/privacy-notice/cy/").content.decode()

    for body in (english, welsh):
        assert (
            f'<link rel="alternate" hreflang="cy" href="/schools/{welsh_school.slug}/'
            'privacy-notice/cy/">' in body
        )
        assert 'hreflang="cy" lang="cy"' in body and ">Cymraeg</a>" in body
        assert 'hreflang="en-GB" lang="en-GB"' in body and ">English</a>" in body
    assert '<html lang="en-GB">' in english
    assert 'lang="cy" aria-current="page">Cymraeg' in welsh
    assert 'lang="en-GB" aria-current="page">English' in english


def test_a_language_the_school_does_not_offer_is_a_404(client, welsh_school):
    assert client.get(f"/schools/{welsh_school.slug}/privacy-notice/pl/").status_code == 404


def test_a_new_english_version_makes_the_welsh_stale_and_the_page_says_so(client, welsh_school):
    _new_english_rights()

    translation = PublicationTranslation.objects.get(publication__number=2)
    body = client.get(f"/schools/{welsh_school.slug}/privacy-notice/cy/").content.decode()

    assert translation.behind == ["rights", "cctv"]
    rights = body[body.index('id="rights"') :]
    assert "Mae'r adran hon wedi newid yn Saesneg ers iddi gael ei chyfieithu." in rights
    assert f'href="/schools/{welsh_school.slug}/privacy-notice/#rights" hreflang="en-GB"' in rights
    # The old translation is kept, never the new English passed off as Welsh.
    assert "Gallwch weld beth sydd gennym." in rights


def test_translating_the_new_version_brings_the_welsh_up_to_date(client, welsh_school, dpo_user):
    _new_english_rights()
    live = Clause.objects.get(key="rights").live_version()

    run = translation_save(
        translation=ClauseVersionTranslation(
            version=live,
            language="cy",
            heading="Eich hawliau",
            body="Gallwch weld a chywiro beth sydd gennym.",
            summary="Gallwch ei weld a'i gywiro.",
        ),
        user=dpo_user,
    )
    notices_publish(school_notices=select_school_notices())

    assert isinstance(run, PublishRun) and run.total == 1
    latest = PublicationTranslation.objects.order_by("-publication__number").first()
    assert latest.publication.number == 3
    assert latest.behind == ["cctv"]
    assert "Updated the Welsh version." in latest.publication.change_summary
    assert "Gallwch weld a chywiro beth sydd gennym." in latest.html


def test_the_dashboard_lists_stale_and_missing_translations_per_language(dpo_client, welsh_school):
    _new_english_rights()

    [report] = translation_reports()
    response = dpo_client.get("/admin/dashboard/")

    assert (report.language, report.current) == ("cy", 1)
    assert [s.live.clause.key for s in report.stale] == ["rights"]
    assert [s.live.clause.key for s in report.missing] == ["cctv"]
    body = response.content.decode()
    assert "Welsh (cy): 1 up to date, 1 behind the English, 1 missing" in body
    live = Clause.objects.get(key="rights").live_version()
    assert f"?version={live.pk}&amp;language=cy" in body


def test_the_translation_editor_starts_from_the_old_translation_and_shows_the_english_diff(
    dpo_client, welsh_school
):
    _new_english_rights()
    live = Clause.objects.get(key="rights").live_version()

    response = dpo_client.get(
        f"/admin/clauses/clauseversiontranslation/add/?version={live.pk}&language=cy"
    )

    body = response.content.decode()
    assert response.status_code == 200
    assert response.context["adminform"].form.initial["body"] == "Gallwch weld beth sydd gennym."
    assert "What the English changed from version 1 to 2" in body
    assert "[added: </span>and correct" in body


def test_the_welsh_pdf_is_tagged_as_welsh(welsh_school):
    translation = PublicationTranslation.objects.get()

    translation = translation_render_pdf(translation=translation)

    reader = pypdf.PdfReader(io.BytesIO(translation.pdf.read()))
    assert reader.trailer["/Root"]["/Lang"] == "cy"
    assert "Sut rydym yn defnyddio data disgyblion" in reader.pages[0].extract_text()
    assert translation.pdf_filename.endswith("-v1-cy.pdf")


@override_settings(PDF_ON_DEMAND_WAIT_SECONDS=0.3)
def test_a_welsh_pdf_asked_for_while_this_process_renders_another_is_queued_not_made(
    client, welsh_school
):
    from django_tasks_db.models import DBTaskResult

    from notices.publishing import ondemand

    assert ondemand._render_slot.acquire(blocking=False)  # another request is rendering
    try:
        busy = client.get(f"/schools/{welsh_school.slug}/privacy-notice/cy.pdf")
    finally:
        ondemand._render_slot.release()
    made_here = client.get(f"/schools/{welsh_school.slug}/privacy-notice/cy.pdf")

    assert busy.status_code == 503
    assert busy["Retry-After"] == "10"
    assert DBTaskResult.objects.filter(task_path__endswith="render_publication_pdf").count() == 1
    assert made_here.status_code == 200
    assert b"".join(made_here.streaming_content).startswith(b"%PDF-")
