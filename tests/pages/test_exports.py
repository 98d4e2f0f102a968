"""CSV and XLSX exports: the list's filters, labels in the page's language, formulas defused."""

import io

import pytest
from openpyxl import load_workbook

from partners.models import Actor

pytestmark = pytest.mark.django_db


def test_csv_has_the_filtered_rows_with_thai_labels_and_buddhist_years(client, scenario):
    response = client.get("/th/pairs/export.csv?issue=tourism")
    text = b"".join(response.streaming_content).decode("utf-8")
    lines = text.lstrip("\ufeff").splitlines()

    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert lines[0].startswith("ฝ่ายไทย,")
    assert len(lines) == 2
    assert "เทศบาลนครเชียงใหม่" in lines[1]
    assert ",2532," in lines[1]  # first signed 1989, in B.E.
    assert "ไม่มีความเคลื่อนไหว" in lines[1]  # dormant


def test_xlsx_reads_back_with_the_same_rows(client, scenario):
    response = client.get("/en/pairs/export.xlsx?ordering=first_signed_on")
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [list(row) for row in sheet.iter_rows(values_only=True)]

    assert values[0][:4] == [
        "Thai side",
        "Kind of Thai side",
        "Foreign side",
        "Kind of foreign side",
    ]
    assert [row[0] for row in values[1:]] == ["Chiang Mai City Municipality", "Bangkok"]
    assert values[1][6] == "1989"
    assert values[1][8] == "Dormant"
    assert values[1][10] == "http://testserver/en/pairs/%d/" % scenario.pair.pk


@pytest.mark.parametrize("output", ["csv", "xlsx"])
def test_formula_injection_is_neutralised(client, scenario, output):
    Actor.objects.filter(pk=scenario.uozu.pk).update(name_en='=HYPERLINK("http://evil","x")')

    response = client.get("/en/pairs/export.%s?prefecture=JP-16" % output)
    if output == "csv":
        body = b"".join(response.streaming_content).decode()
        assert ',"\'=HYPERLINK(""http://evil"",""x"")",' in body
    else:
        sheet = load_workbook(io.BytesIO(response.content)).active
        cell = sheet.cell(row=2, column=3)
        assert cell.data_type == "s"
        assert cell.value == '\'=HYPERLINK("http://evil","x")'


def test_agreement_project_and_actor_exports(client, scenario):
    agreements = load_workbook(
        io.BytesIO(client.get("/ja/agreements/export.xlsx?issue=tourism").content)
    ).active
    rows = list(agreements.iter_rows(values_only=True))
    assert rows[0][0] == "名称"
    assert [row[0] for row in rows[1:]] == ["Chiang Mai–Uozu sister-city agreement"]

    projects = b"".join(client.get("/en/projects/export.csv?status=completed").streaming_content)
    assert projects.decode().count("\n") == 2

    actors = b"".join(client.get("/en/actors/export.csv?within=JP-16").streaming_content)
    assert actors.decode().count("\n") == 3


def test_unknown_export_format_is_404(client, scenario):
    assert client.get("/en/pairs/export.pdf").status_code == 404


def test_bad_filter_on_export_is_refused(client, scenario):
    response = client.get("/en/pairs/export.csv?issue=no-such-issue")

    assert response.status_code == 400
