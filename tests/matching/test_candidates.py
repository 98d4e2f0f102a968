"""Candidates from the database: ranking, explanations, the API, the page and its CSV."""

from __future__ import annotations

import pytest
from django.contrib.contenttypes.models import ContentType
from rest_framework.test import APIClient

from cooperation.models import Citation, Interest
from matching.candidates import find_candidates
from matching.models import WeightPreset
from tests.factories import (
    IssueFactory,
    JapaneseCityFactory,
    JapanesePrefectureFactory,
    SourceFactory,
    ThaiProvinceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def scene():
    """Trat needs water management; Shiga teaches it and wants trade, which Trat offers."""
    source = SourceFactory(slug="report")
    environment = IssueFactory(slug="environment", name_en="Environment")
    water = IssueFactory(slug="water-management", name_en="Water management", parent=environment)
    trade = IssueFactory(slug="trade", name_en="Trade", name_th="การค้า")
    trat = ThaiProvinceFactory(name_en="Trat", slug="trat", iso_code="TH-23")
    shiga = JapanesePrefectureFactory(name_en="Shiga", slug="shiga", iso_code="JP-25")
    nara = JapanesePrefectureFactory(name_en="Nara", slug="nara", iso_code="JP-29")
    gifu = JapanesePrefectureFactory(name_en="Gifu", slug="gifu", iso_code="JP-21")
    otsu = JapaneseCityFactory(name_en="Otsu", slug="otsu", parent=shiga)

    def interest(actor, issue, direction, locator):
        row = Interest.objects.create(actor=actor, issue=issue, direction=direction)
        Citation.objects.create(
            source=source, content_type=ContentType.objects.get_for_model(Interest),
            object_id=row.pk, locator=locator,
        )  # fmt: skip

    interest(trat, water, "seeks", "Table 10.2; L10446")
    interest(trat, trade, "offers", "L100")
    interest(shiga, water, "offers", "Table 10.1; L10346")
    interest(shiga, trade, "seeks", "Table 10.1; L10340")
    interest(nara, water, "offers", "L4490")
    return {"trat": trat, "shiga": shiga, "nara": nara, "gifu": gifu, "otsu": otsu}


def test_win_win_partner_ranks_first_and_one_sided_partner_next(scene):
    found = find_candidates(scene["trat"], issue="water-management", limit=10)
    # Gifu, which has no fact on the issue, still outranks the city Otsu: same standing as Trat.
    assert [c.actor_id for c in found] == [
        scene["shiga"].pk, scene["nara"].pk, scene["gifu"].pk, scene["otsu"].pk,
    ]  # fmt: skip
    assert found[0].criteria[0].score == pytest.approx(1.0)
    assert found[1].criteria[0].score == pytest.approx(0.2)


def test_each_criterion_is_explained_with_its_facts_and_sources_in_three_languages(scene):
    shiga, nara = find_candidates(scene["trat"], issue="water-management", limit=2)
    assert shiga.criteria[0].explanation["en"] == (
        "Both sides gain: Trat needs Water management, which Shiga offers (Table 10.1; L10346); "
        "Shiga needs Trade, which Trat offers (L100)."
    )
    assert nara.criteria[0].explanation["en"] == (
        "Only one side gains: Trat needs Water management, which Nara offers (L4490); no issue on "
        "which both sides gain is recorded."
    )
    assert set(shiga.criteria[0].explanation) == {"th", "en", "ja"}
    assert sum(c.contribution for c in shiga.criteria) == pytest.approx(shiga.total)


def test_a_pair_with_no_issue_on_which_both_sides_gain_says_so(scene):
    found = {c.actor_id: c for c in find_candidates(scene["trat"], limit=10)}
    assert found[scene["gifu"].pk].criteria[0].explanation["en"] == (
        "No issue on which both sides gain: no recorded need of one side meets an offer of the "
        "other."
    )


def test_a_japanese_actor_may_ask_and_gets_thai_candidates(scene):
    found = find_candidates(scene["shiga"], issue="water-management")
    assert [c.actor_id for c in found] == [scene["trat"].pk]


def test_sister_city_query_keeps_partners_of_equal_standing_only(scene):
    found = find_candidates(scene["trat"], equal_status_only=True, limit=10)
    assert scene["otsu"].pk not in {c.actor_id for c in found}
    assert {c.actor_id for c in found} == {scene["shiga"].pk, scene["nara"].pk, scene["gifu"].pk}


def test_api_returns_ranked_candidates_with_a_fixed_number_of_queries(
    scene, django_assert_num_queries, django_assert_max_num_queries
):
    client = APIClient()
    client.get("/api/v1/matching/candidates/", {"actor": "TH-23", "limit": 1})  # warm caches
    with django_assert_max_num_queries(18) as one:
        client.get("/api/v1/matching/candidates/", {"actor": "TH-23", "limit": 1})
    with django_assert_num_queries(len(one.captured_queries)):
        client.get("/api/v1/matching/candidates/", {"actor": "TH-23", "limit": 4})
    with django_assert_max_num_queries(19):  # one more: the issue is looked up
        response = client.get(
            "/api/v1/matching/candidates/",
            {"actor": "TH-23", "issue": "water-management", "limit": 2, "lang": "en"},
        )
    assert response.status_code == 200
    body = response.json()
    assert [r["actor"]["slug"] for r in body["results"]] == ["shiga", "nara"]
    assert body["results"][0]["criteria"][0]["name"] == "complementarity"
    assert [r["rank"] for r in body["results"]] == [1, 2]


def test_api_uses_a_saved_weight_preset(scene):
    WeightPreset.objects.create(name="history only", **{
        "complementarity": 0, "shared_problems": 0, "strategy": 0, "symmetry": 0, "geography": 0,
        "history": 1, "economic_ties": 0, "readiness": 0, "travel": 0, "existing": 0,
    })  # fmt: skip
    response = APIClient().get(
        "/api/v1/matching/candidates/", {"actor": "TH-23", "preset": "history only", "limit": 3}
    )
    assert [r["total"] for r in response.json()["results"]] == [0.0, 0.0, 0.0]
    # Equal totals: the smaller id first.
    ids = [r["actor"]["id"] for r in response.json()["results"]]
    assert ids == sorted(ids)


@pytest.mark.parametrize(
    ("params", "field", "message"),
    [
        ({"actor": "TH-99", "lang": "en"}, "actor", "No actor has the id, slug or code “TH-99”."),
        ({"actor": "TH-23", "issue": "nope", "lang": "en"}, "issue", "Unknown issue: nope."),
        ({"actor": "TH-23", "limit": "0", "lang": "en"}, "limit",
         "Ensure this value is greater than or equal to 1."),
        ({"actor": "TH-23", "colour": "red", "lang": "en"}, "colour",
         "This query parameter is unknown here."),
    ],
)  # fmt: skip
def test_api_refuses_a_bad_query_with_a_400_naming_the_field(scene, params, field, message):
    response = APIClient().get("/api/v1/matching/candidates/", params)
    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_page_lists_candidates_and_exports_them_as_csv(scene, client):
    query = {"actor": "TH-23", "issue": "water-management", "limit": "2"}
    page = client.get("/en/matching/", query)
    assert page.status_code == 200
    assert "Both sides gain: Trat needs Water management" in page.content.decode()
    export = client.get("/en/matching/", {**query, "format": "csv"})
    assert export["Content-Disposition"] == 'attachment; filename="candidates-trat.csv"'
    lines = export.content.decode("utf-8").splitlines()
    assert lines[0].startswith(
        "\ufeffRank,Partner,Code,Total,Issue complementarity (both sides gain),"
    )
    assert lines[1].startswith("1,Shiga,JP-25,")
    assert lines[2].startswith("2,Nara,JP-29,")
    assert len(lines) == 3


def test_page_shows_a_bad_actor_as_a_form_error(scene, client):
    page = client.get("/en/matching/", {"actor": "nowhere"})
    assert "No actor has the id, slug or code “nowhere”." in page.content.decode()


def test_api_error_and_explanations_follow_the_request_language(scene):
    bad = APIClient().get("/api/v1/matching/candidates/", {"actor": "TH-23", "issue": "nope"},
                          HTTP_ACCEPT_LANGUAGE="th")  # fmt: skip
    assert bad.json() == {"issue": ["ไม่รู้จักประเด็น: nope"]}
    assert bad["Content-Language"] == "th"
    found = find_candidates(scene["trat"], limit=10)
    gifu = next(c for c in found if c.actor_id == scene["gifu"].pk)
    assert gifu.criteria[0].explanation["ja"] == (
        "双方が利益を得る分野がありません。一方の記録されたニーズに、もう一方が提供できるものが合致しません。"
    )


def test_api_refuses_thai_partners_for_a_thai_actor(scene):
    response = APIClient().get(
        "/api/v1/matching/candidates/", {"actor": "TH-23", "country": "th", "lang": "en"}
    )
    assert response.status_code == 400
    assert response.json() == {
        "country": ["A Thai actor's candidates are foreign: choose another country."]
    }
