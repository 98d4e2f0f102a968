"""The OpenAPI schema describes every filter and enum; the docs load nothing from a CDN."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db


@pytest.fixture
def schema(anonymous):
    response = anonymous.get("/api/v1/schema/?format=json", HTTP_ACCEPT="application/json")
    assert response.status_code == 200
    return response.json()


def test_every_list_parameter_is_described(schema):
    for path, item in schema["paths"].items():
        for method, operation in item.items():
            for parameter in operation.get("parameters", []):
                if parameter["in"] == "query":
                    assert parameter.get("description"), (path, method, parameter["name"])


def test_filters_and_enums_are_in_the_schema(schema):
    params = {p["name"]: p for p in schema["paths"]["/api/v1/pairs/"]["get"]["parameters"]}
    names = "province issue partner_country status dormant success_level signed_from signed_to"
    for name in [*names.split(), "q", "ordering", "page_size", "cursor", "lang"]:
        assert name in params
    assert params["status"]["schema"]["items"]["enum"] == ["active", "dormant", "ended"]
    assert params["province"]["explode"] is True
    kinds = schema["components"]["schemas"]["ActorKindEnum"]["enum"]
    assert "prefecture" in kinds and "city_municipality" in kinds


def test_docs_are_served_without_a_cdn(anonymous):
    html = anonymous.get("/api/v1/docs/").content.decode()
    assert "swagger-ui" in html
    external = re.findall(r"""(?:src|href)=["'](https?:)?//""", html)
    assert external == []
    for asset in re.findall(r"""/static/(drf_spectacular_sidecar/[^"']+)""", html):
        assert finders.find(asset), asset
