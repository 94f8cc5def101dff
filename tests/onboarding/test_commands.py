"""The onboarding commands and admin page read any notice file and say what they left out."""

from __future__ import annotations

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command

from onboarding.reader import errors as reader_errors
from tests.factories import (
    DataProtectionOfficerFactory,
    SchoolFactory,
    SchoolNoticeFactory,
)
from tests.onboarding.documents import notice_docx, notice_html, notice_odt, notice_pdf

pytestmark = pytest.mark.django_db

WORD_97 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 600


@pytest.fixture
def hollybrook():
    return SchoolFactory(
        name="Hollybrook Primary School",
        email="office@hollybrook.example.org",
        phone="0113 496 0123",
        dpo=DataProtectionOfficerFactory(),
    )


@pytest.mark.parametrize(
    ("name", "build"),
    [
        ("notice.docx", notice_docx),
        ("notice.odt", notice_odt),
        ("notice.pdf", notice_pdf),
        ("notice.html", lambda: notice_html().encode()),
    ],
)
def test_import_template_gives_the_same_clauses_from_every_format(
    hollybrook, tmp_path, capsys, name, build
):
    path = tmp_path / name
    path.write_bytes(build())

    call_command("import_template", str(path), "--school", hollybrook.slug, "--title", name)

    out = capsys.readouterr().out
    assert "with 4 clauses" in out
    assert "Structure in → out: headings 4 → 4, paragraphs 5 → 5, items 3 → 3." in out
    assert "similarity of 1.000" in out
    assert "not imported: Privacy notice for parents" in out


def test_import_template_says_what_to_do_with_a_word_97_file(hollybrook, tmp_path):
    path = tmp_path / "old.doc"
    path.write_bytes(WORD_97)

    with pytest.raises(CommandError) as error:
        call_command("import_template", str(path), "--school", hollybrook.slug)

    assert str(error.value) == reader_errors.WORD_97.format(name="old.doc")


def test_adopt_notice_says_what_to_do_with_a_word_97_file(hollybrook, tmp_path):
    SchoolNoticeFactory(school=hollybrook, notice_type__is_primary=True)
    path = tmp_path / "old.doc"
    path.write_bytes(WORD_97)

    with pytest.raises(CommandError) as error:
        call_command("adopt_notice", str(path), "--school", hollybrook.slug)

    assert str(error.value) == reader_errors.WORD_97.format(name="old.doc")


def test_adopt_notice_lists_what_it_did_not_import(hollybrook, tmp_path, capsys):
    SchoolNoticeFactory(school=hollybrook, notice_type__is_primary=True)
    path = tmp_path / "privacy.html"
    path.write_bytes(notice_html().encode())

    call_command("adopt_notice", str(path), "--school", hollybrook.slug)

    out = capsys.readouterr().out
    assert "Read privacy.html as html: 5 headings, 5 paragraphs, 3 list items" in out
    assert "not imported: We use cookies to make this site work." in out


def test_the_admin_shows_an_unreadable_file_as_a_form_error(hollybrook, dpo_client):
    school_notice = SchoolNoticeFactory(school=hollybrook)
    upload = SimpleUploadedFile("old.doc", WORD_97, content_type="application/msword")

    response = dpo_client.post("/admin/adopt/", {"school_notice": school_notice.pk, "file": upload})

    assert response.status_code == 200
    assert response.context["form"].errors["file"] == [reader_errors.WORD_97.format(name="old.doc")]
    assert response.context["report"] is None


def test_the_admin_reads_a_word_file_and_lists_what_it_left_out(hollybrook, dpo_client):
    school_notice = SchoolNoticeFactory(school=hollybrook)
    upload = SimpleUploadedFile("notice.docx", notice_docx())

    response = dpo_client.post("/admin/adopt/", {"school_notice": school_notice.pk, "file": upload})

    assert response.status_code == 200
    assert response.context["report"] is not None
    page = response.content.decode()
    assert "Not imported (2)" in page
    assert "Reviewed every year by the governors" in page
