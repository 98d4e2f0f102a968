"""CSV and JSON export of a filtered list, with spreadsheet formulas defused."""

import csv
import io

import pytest

from cooperation.models import Project

pytestmark = pytest.mark.django_db


def body(response) -> str:
    return b"".join(response.streaming_content).decode("utf-8")


def test_csv_export_uses_the_list_filters(scenario, anonymous):
    response = anonymous.get("/api/v1/pairs/export/?format=csv&province=TH-50&lang=en")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert [(r["thai.name"], r["foreign.name"], r["issues"]) for r in rows] == [
        ("Chiang Mai City Municipality", "Uozu", "ecotourism")
    ]


def test_json_export_is_every_row_unpaginated(scenario, anonymous):
    import json

    response = anonymous.get("/api/v1/pairs/export/?format=json&lang=ja")
    rows = json.loads(body(response))
    assert {r["foreign"]["name"] for r in rows} == {"魚津市", "埼玉県"}


def test_csv_neutralises_formula_injection(scenario, anonymous):
    Project.objects.filter(pk=scenario.project.pk).update(
        title_en='=HYPERLINK("http://evil","x")', description_en="+1+2", ref="-cmd"
    )
    response = anonymous.get("/api/v1/projects/export/?lang=en&currency=JPY")
    rows = list(csv.DictReader(io.StringIO(body(response).lstrip("\ufeff"))))
    assert rows[0]["title"] == '\'=HYPERLINK("http://evil","x")'
    assert rows[0]["description"] == "'+1+2"
    assert rows[0]["ref"] == "'-cmd"
    assert rows[0]["amount"] == "1500000.00"


def test_export_refuses_bad_format_and_bad_filters(scenario, anonymous):
    assert anonymous.get("/api/v1/pairs/export/?format=xlsx").status_code == 400
    assert anonymous.get("/api/v1/pairs/export/?kind=castle").status_code == 400
    assert anonymous.get("/api/v1/pairs/export/?page=2").status_code == 400
