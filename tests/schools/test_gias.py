"""Importing schools from GIAS establishment exports, built here in each year's real format."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from reversion.models import Version

from schools.gias import gias_import
from schools.models import LocalAuthority, School

pytestmark = pytest.mark.django_db

FORMATS = Path(__file__).resolve().parents[1] / "fixtures" / "gias"
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


def _export(year: int, *rows: dict[str, str]) -> bytes:
    """A GIAS export with every column of that year's format, in its order, as GIAS quotes it."""
    columns = (FORMATS / f"columns-{year}.txt").read_text().split("\n")
    return _csv(*rows, columns=[column for column in columns if column], encoding="utf-8")


STATUSES = [
    "Open",
    "Open",
    "Open",
    "Open, but proposed to close",
    "Proposed to open",
    "Closed",
    "Closed",
]


def _county(**changes: dict[str, str]) -> list[dict[str, str]]:
    rows = [
        _row(
            URN=f"99020{index}",
            EstablishmentName=f"Wexbury School {index}",
            TelephoneNum=f"11349601{index:02d}",
            **{"EstablishmentStatus (name)": status},
        )
        for index, status in enumerate(STATUSES)
    ]
    for row in rows:
        row.update(changes.get(row["URN"], {}))
    return rows


def test_it_imports_a_2021_export_and_skips_closed_establishments():
    report = gias_import(content=_export(2021, *_county()))

    assert (len(report.created), len(report.invalid)) == (5, 0)
    assert [reason for _, reason in report.skipped] == ["closed (Closed)"] * 2
    school = School.objects.get(urn="990200")
    assert school.phone == "0113 496 0100"  # the leading zero GIAS lost is back
    assert school.website == "https://www.bronte.example.org"
    assert school.establishment_status == "Open"


def test_only_open_establishments_are_published():
    report = gias_import(content=_export(2021, *_county()))

    open_schools = School.objects.open().values_list("establishment_status", flat=True)
    assert sorted(open_schools) == ["Open", "Open", "Open", "Open, but proposed to close"]
    assert report.not_published == [("990204", "Proposed to open")]
    assert not School.objects.get(urn="990204").is_open


def test_a_second_import_of_the_same_file_changes_nothing():
    content = _export(2021, *_county())
    gias_import(content=content)
    revisions = Version.objects.count()

    report = gias_import(content=content)

    assert (len(report.created), len(report.updated), len(report.unchanged)) == (0, 0, 5)
    assert Version.objects.count() == revisions


def test_an_edited_row_updates_the_school_by_urn():
    gias_import(content=_export(2021, *_county()))
    edited = {"EstablishmentName": "Wexbury School 0 2", "HeadFirstName": "Some"}

    report = gias_import(content=_export(2021, *_county(**{"990200": edited})))

    assert report.updated == ["990200"]
    school = School.objects.get(urn="990200")
    assert (school.name, school.headteacher) == ("Wexbury School 0 2", "Mrs Some Lovelace")
    assert Version.objects.get_for_object(school).first().revision.comment == (
        "Updated from a GIAS import."
    )


def test_a_school_that_opens_is_published_from_the_next_import():
    gias_import(content=_export(2021, *_county()))

    gias_import(
        content=_export(2021, *_county(**{"990204": {"EstablishmentStatus (name)": "Open"}}))
    )

    assert School.objects.get(urn="990204").is_open


def test_it_reads_the_2018_format_by_column_name():
    secondary = _row(URN="990102", **{"PhaseOfEducation (name)": "Secondary"})

    report = gias_import(content=_export(2018, _row(), secondary))

    assert len(report.created) == 2
    assert School.objects.get(urn="990101").headteacher == "Mrs Ada Lovelace"
    assert School.objects.get(urn="990102").phase == School.Phase.SECONDARY


def test_a_short_or_long_row_is_invalid_with_its_line_and_the_rest_imports():
    content = _csv(_row(), _row(URN="990102"), _row(URN="990103")).split(b"\r\n")
    content[2] = b'"990102","990","Wexbury"'  # too few columns
    content[3] = content[3] + b',"one too many"'

    report = gias_import(content=b"\r\n".join(content))

    assert report.created == ["990101"]
    assert report.invalid == [
        (3, f"expected {len(COLUMNS)} columns, found 3"),
        (4, f"expected {len(COLUMNS)} columns, found {len(COLUMNS) + 1}"),
    ]


def test_a_file_that_is_not_text_is_refused():
    with pytest.raises(ValidationError, match="not a CSV file"):
        gias_import(content=b"URN,Name\r\n\x81\x8d\x8f\x90\x9d\r\n")


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
    upload = SimpleUploadedFile("gias.csv", _export(2018, *_county()))

    preview = dpo_client.post("/admin/schools/school/import-gias/", {"file": upload})

    assert preview.status_code == 200
    assert "Preview: nothing has been saved yet" in preview.content.decode()
    assert "Created 5, updated 0" in preview.content.decode()
    assert "URN 990204: Proposed to open" in preview.content.decode()
    assert not School.objects.exists()
    confirm = dpo_client.post(
        "/admin/schools/school/import-gias/",
        {"token": preview.context["token"], "authority_code": ""},
    )
    assert confirm.status_code == 302
    assert School.objects.count() == 5


def test_the_admin_preview_lists_a_short_row(dpo_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = _csv(_row()) + b'"990102","990"\r\n'

    preview = dpo_client.post(
        "/admin/schools/school/import-gias/",
        {"file": SimpleUploadedFile("gias.csv", content)},
    )

    assert preview.status_code == 200
    assert f"Line 3: expected {len(COLUMNS)} columns, found 2" in preview.content.decode()


def test_office_staff_cannot_import(office_a_client):
    response = office_a_client.get("/admin/schools/school/import-gias/")

    assert response.status_code == 302
    assert "/admin/login/" in response["Location"]
