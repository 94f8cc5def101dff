"""Importing schools from real and generated GIAS establishment exports."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from reversion.models import Version

from schools.gias import gias_import
from schools.models import LocalAuthority, School

pytestmark = pytest.mark.django_db

GIAS = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "gias"
COLUMNS = [
    "URN",
    "LA (code)",
    "LA (name)",
    "EstablishmentName",
    "TypeOfEstablishment (name)",
    "EstablishmentStatus (name)",
    "PhaseOfEducation (name)",
    "Street",
    "Locality",
    "Address3",
    "Town",
    "Postcode",
    "SchoolWebsite",
    "TelephoneNum",
    "HeadTitle (name)",
    "HeadFirstName",
    "HeadLastName",
]


def _csv(*rows: dict[str, str], encoding: str = "cp1252", columns: list[str] = COLUMNS) -> bytes:
    lines = [",".join(columns)]
    for row in rows:
        lines.append(",".join(f'"{row.get(column, "")}"' for column in columns))
    return ("\r\n".join(lines) + "\r\n").encode(encoding)


def _row(**values: str) -> dict[str, str]:
    return {
        "URN": "990101",
        "LA (code)": "990",
        "LA (name)": "Wexbury",
        "EstablishmentName": "Brontë Primary School",
        "TypeOfEstablishment (name)": "Community school",
        "EstablishmentStatus (name)": "Open",
        "PhaseOfEducation (name)": "Primary",
        "Street": "Mill Lane",
        "Town": "Wexbury",
        "Postcode": "WX1 2AB",
        "SchoolWebsite": "www.bronte.example.org",
        "TelephoneNum": "1134960123",
        "HeadTitle (name)": "Mrs",
        "HeadFirstName": "Ada",
        "HeadLastName": "Lovelace",
    } | values


def test_it_imports_the_real_2021_extract_and_skips_closed_establishments():
    report = gias_import(content=(GIAS / "npq_gias_sample_2021.csv").read_bytes())

    assert (len(report.created), len(report.invalid)) == (90, 0)
    assert [reason for _, reason in report.skipped] == ["closed (Closed)"] * 9
    aldgate = School.objects.get(urn="100000")
    assert aldgate.name == "The Aldgate School"
    assert aldgate.local_authority.name == "City of London"
    assert aldgate.phone == "020 7283 1147"  # the leading zero GIAS lost is back
    assert aldgate.website == "https://www.sirjohncassprimary.org"


def test_a_second_import_of_the_same_file_changes_nothing():
    content = (GIAS / "npq_gias_sample_2021.csv").read_bytes()
    gias_import(content=content)
    revisions = Version.objects.count()

    report = gias_import(content=content)

    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 90)
    assert Version.objects.count() == revisions


def test_an_edited_row_updates_the_school_by_urn():
    gias_import(content=(GIAS / "npq_gias_sample_2021.csv").read_bytes())

    report = gias_import(content=(GIAS / "npq_gias_update_2021.csv").read_bytes())

    assert report.updated == ["100000"]
    school = School.objects.get(urn="100000")
    assert (school.name, school.headteacher) == ("The Aldgate School 2", "Miss Some One")
    assert Version.objects.get_for_object(school).first().revision.comment == (
        "Updated from a GIAS import."
    )


def test_it_reads_the_2018_format_by_column_name():
    report = gias_import(content=(GIAS / "schools_experience_edubase_sample_2018.csv").read_bytes())

    assert len(report.created) == 4
    assert School.objects.get(urn="100492").headteacher == "Ms Sarah Bouette"
    assert School.objects.get(name="St Aloysius RC College").phase == School.Phase.SECONDARY


def test_it_reads_iso_8859_1_as_published():
    report = gias_import(content=_csv(_row(), encoding="cp1252"))

    assert report.created == ["990101"]
    assert School.objects.get().name == "Brontë Primary School"


def test_it_reads_utf8_with_a_byte_order_mark():
    gias_import(content=b"\xef\xbb\xbf" + _csv(_row(), encoding="utf-8"))

    assert School.objects.get().name == "Brontë Primary School"


def test_a_bad_row_is_reported_with_its_line_and_never_half_written():
    content = _csv(
        _row(),
        _row(URN="12345", EstablishmentName="Short URN School"),
        _row(URN="990103", Postcode="NOT A CODE", EstablishmentName="Bad Postcode School"),
        _row(
            URN="990104",
            EstablishmentName="Fine School",
            **{"LA (code)": "991", "LA (name)": "Elsewhere"},
        ),
    )

    report = gias_import(content=content)

    assert sorted(report.created) == ["990101", "990104"]
    assert [line for line, _ in report.invalid] == [3, 4]
    assert "urn" in report.invalid[0][1].lower()
    assert "postcode" in report.invalid[1][1].lower()
    assert not School.objects.filter(name__in=["Short URN School", "Bad Postcode School"]).exists()
    assert set(LocalAuthority.objects.values_list("code", flat=True)) == {"990", "991"}


def test_it_can_import_one_authority_only():
    content = _csv(_row(), _row(URN="990104", **{"LA (code)": "991", "LA (name)": "Elsewhere"}))

    report = gias_import(content=content, authority_code="990")

    assert report.created == ["990101"]
    assert report.skipped == [(3, "another local authority (991)")]


def test_a_dry_run_saves_nothing():
    report = gias_import(content=_csv(_row()), dry_run=True)

    assert report.created == ["990101"]
    assert not School.objects.exists()
    assert not LocalAuthority.objects.exists()


def test_a_file_that_is_not_a_gias_export_is_refused():
    with pytest.raises(ValidationError, match="no column “URN”"):
        gias_import(content=b"Name,Town\r\nA school,Wexbury\r\n")


def test_the_command_prints_counts_and_reasons(tmp_path, capsys):
    path = tmp_path / "gias.csv"
    path.write_bytes(
        _csv(_row(), _row(URN="x"), _row(URN="990102", **{"EstablishmentStatus (name)": "Closed"}))
    )

    call_command("import_gias", str(path), "--authority-code", "990")

    captured = capsys.readouterr()
    assert "Created 1, updated 0, unchanged 0, skipped 1, invalid 1." in captured.out
    assert "Skipped line 4: closed (Closed)" in captured.out
    assert "Invalid line 3: urn:" in captured.err


def test_the_admin_previews_then_imports(dpo_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = (GIAS / "schools_experience_edubase_sample_2018.csv").open("rb")

    preview = dpo_client.post("/admin/schools/school/import-gias/", {"file": upload})

    assert preview.status_code == 200
    assert "Preview: nothing has been saved yet" in preview.content.decode()
    assert "Created 4, updated 0" in preview.content.decode()
    assert not School.objects.exists()
    confirm = dpo_client.post(
        "/admin/schools/school/import-gias/",
        {"token": preview.context["token"], "authority_code": ""},
    )
    assert confirm.status_code == 302
    assert School.objects.count() == 4


def test_office_staff_cannot_import(office_a_client):
    response = office_a_client.get("/admin/schools/school/import-gias/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
