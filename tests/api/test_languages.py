"""`?lang=` or Accept-Language picks the language of names and of error messages."""

import pytest

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("headers", "query", "name"),
    [
        ({}, "lang=ja", "魚津市"),
        ({}, "lang=en", "Uozu"),
        ({}, "lang=th", "อูโอซึ"),
        ({"HTTP_ACCEPT_LANGUAGE": "ja-JP,ja;q=0.9,en;q=0.8"}, "", "魚津市"),
        ({"HTTP_ACCEPT_LANGUAGE": "fr, en;q=0.5"}, "", "Uozu"),
        ({"HTTP_ACCEPT_LANGUAGE": "ja"}, "lang=en", "Uozu"),  # the parameter wins
    ],
)
def test_name_in_the_language_asked_for(scenario, anonymous, headers, query, name):
    response = anonymous.get("/api/v1/actors/uozu/?%s" % query, **headers)
    assert response.json()["name"] == name
    assert response["Content-Language"] == {"魚津市": "ja", "Uozu": "en", "อูโอซึ": "th"}[name]
    assert "Accept-Language" in response["Vary"]


def test_every_language_is_also_returned(scenario, anonymous):
    data = anonymous.get("/api/v1/actors/uozu/?lang=en").json()
    assert (data["name_th"], data["name_en"], data["name_ja"]) == ("อูโอซึ", "Uozu", "魚津市")


def test_missing_translation_falls_back(scenario, anonymous):
    data = anonymous.get("/api/v1/actors/TH-10/?lang=ja").json()
    assert data["name"] == "Bangkok" and data["name_ja"] is None


def test_nested_names_follow_the_language(scenario, anonymous):
    rows = anonymous.get("/api/v1/pairs/?province=TH-50&lang=ja").json()["results"]
    assert (rows[0]["thai"]["name"], rows[0]["foreign"]["name"]) == ("チェンマイ市", "魚津市")


@pytest.mark.parametrize(
    ("lang", "message"),
    [
        ("en", "Select a valid choice. castle is not one of the available choices."),
        ("th", "เลือกตัวเลือกที่ถูกต้อง. castle ไม่ใช่ตัวเลือกที่ใช้ได้."),
    ],
)
def test_error_messages_in_the_request_language(scenario, anonymous, lang, message):
    response = anonymous.get("/api/v1/actors/?kind=castle&lang=%s" % lang)
    assert response.json()["kind"] == [message]


def test_date_filters_take_buddhist_and_common_era_years(scenario, anonymous):
    be = anonymous.get("/api/v1/pairs/?signed_from=2532&signed_to=๒๕๓๒").json()["results"]
    ce = anonymous.get("/api/v1/pairs/?signed_from=1989&signed_to=1989").json()["results"]
    assert [r["id"] for r in be] == [r["id"] for r in ce] == [scenario.pair.pk]
