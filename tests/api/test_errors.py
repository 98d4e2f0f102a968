"""Bad input is a 400 with messages per field (in the request's language), never a 500."""

import pytest

from cooperation.models import Activity

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("query", "field"),
    [
        ("kind=castle", "kind"),
        ("country=Japan", "country"),
        ("province=TH-99", "province"),
        ("issue=no-such-issue", "issue"),
        ("dormant=maybe", "dormant"),
        ("signed_from=yesterday", "signed_from"),
        ("signed_from=19922", "signed_from"),
        ("signed_to=31/02/2010", "signed_to"),
        ("ordering=password", "ordering"),
        ("page_size=1000000000", "page_size"),
        ("page_size=0", "page_size"),
        ("page=abc", "page"),
        ("pagination=sideways", "pagination"),
        ("provnce=TH-50", "provnce"),  # a misspelt filter is not silently ignored
        ("lang=fr", "lang"),
    ],
)
def test_bad_pair_filters_are_400_with_the_field(scenario, anonymous, query, field):
    response = anonymous.get("/api/v1/pairs/?%s&lang=en" % query if "lang" not in query else
                             "/api/v1/pairs/?%s" % query)  # fmt: skip
    assert response.status_code == 400
    assert field in response.json()
    assert all(isinstance(m, str) and m for m in response.json()[field])


@pytest.mark.parametrize(
    "path",
    [
        "/api/v1/projects/?amount_min=1e400",
        "/api/v1/projects/?amount_min=NaN",
        "/api/v1/projects/?participant=" + "9" * 40,
        "/api/v1/sources/?year_min=-1",
        "/api/v1/pairs/?pair=1",
        "/api/v1/pairs/?cursor=bm90LWEtY3Vyc29y",
        "/api/v1/actors/?id=" + "x" * 300,
        "/api/v1/pairs/?q=" + "ๅ" * 5000,
    ],
)
def test_hostile_values_never_500(scenario, anonymous, path):
    assert anonymous.get(path).status_code in (200, 400, 404)


@pytest.mark.parametrize(
    ("query", "field", "message"),
    [
        # Found by schemathesis: ids past a bigint crashed the query, a % broke django-filter.
        ("pair=-842249410786040610816", "pair", "“-842249410786040610816” is not a valid value."),
        ("place=50%25", "place", "No actor has the id, slug or code “50%”."),
        ("country=%25s", "country", "“%s” is not a two-letter country code such as TH or JP."),
        ("issue=%25(value)s", "issue", "No issue has the id or slug “%(value)s”."),
    ],
)
def test_values_that_overflow_or_hold_a_percent_are_400(scenario, anonymous, query, field, message):
    response = anonymous.get("/api/v1/projects/?%s&lang=en" % query)
    assert response.status_code == 400
    assert response.json() == {field: [message]}


def test_cursor_with_a_forged_position_is_404_not_500(scenario, anonymous):
    import base64

    forged = base64.b64encode(b"p=abc").decode()
    assert anonymous.get("/api/v1/pairs/?cursor=%s" % forged).status_code == 404


def test_date_filter_offers_the_converted_year_in_english(scenario, anonymous):
    response = anonymous.get("/api/v1/pairs/?signed_from=19922&lang=en")
    assert "outside the years" in response.json()["signed_from"][0]


def test_malformed_json_is_400(scenario, staff):
    response = staff.generic(
        "POST", "/api/v1/activities/", '{"kind": "visit",', content_type="application/json"
    )
    assert response.status_code == 400
    assert "detail" in response.json()


def test_unknown_and_mistyped_fields_are_400_per_field(scenario, staff):
    payload = {"kind": "visit", "title_en": "Visit", "colour": "red", "actors": "uozu"}
    response = staff.post("/api/v1/activities/?lang=en", payload, format="json")
    assert response.status_code == 400
    assert response.json() == {"colour": ["This field is unknown."]}
    payload = {"kind": 5, "title_en": ["x"], "occurred": {"y": 1}, "actors": "uozu"}
    response = staff.post("/api/v1/activities/?lang=en", payload, format="json")
    assert response.status_code == 400
    assert set(response.json()) == {"kind", "title_en", "occurred", "actors"}
    assert Activity.objects.count() == 2


def test_body_that_is_not_an_object_is_400(scenario, staff):
    assert staff.post("/api/v1/issues/", [1, 2], format="json").status_code == 400
    assert staff.post("/api/v1/issues/", "null", content_type="application/json").status_code == 400


def test_model_rules_come_back_as_field_messages(scenario, staff):
    # The admin's rules: a Thai side must be Thai; a sister city needs two localities.
    response = staff.post("/api/v1/pairs/?lang=en", {"thai": "uozu", "foreign": "jp-11"},
                          format="json")  # fmt: skip
    assert response.status_code == 400
    assert response.json()["thai"] == ["Uozu is not Thai: the Thai side must be a Thai actor."]
    response = staff.post(
        "/api/v1/agreements/?lang=en",
        {"kind": "sister_city", "title_en": "X", "parties": [{"actor": "TH-50"}]},
        format="json",
    )
    assert response.status_code == 400
    assert "exactly two localities" in response.json()["parties"][0]


def test_a_be_year_in_a_date_is_read_and_a_bad_one_explained(scenario, staff):
    payload = {"kind": "visit", "title_en": "Visit", "occurred": "พ.ศ. 2535"}
    response = staff.post("/api/v1/activities/", payload, format="json")
    assert response.status_code == 201
    assert response.json()["occurred"] == "1992"
    payload["occurred"] = "2010-13"
    response = staff.post("/api/v1/activities/?lang=en", payload, format="json")
    assert response.status_code == 400
    assert "no month 13" in response.json()["occurred"][0]


def test_amount_needs_its_currency(scenario, staff):
    payload = {"title_en": "Grant", "amount": "100.00"}
    response = staff.post("/api/v1/projects/?lang=en", payload, format="json")
    assert response.status_code == 400
    assert response.json() == {"non_field_errors": ["An amount needs its currency and basis."]}


def test_deleting_a_record_others_depend_on_is_409(scenario, staff):
    url = "/api/v1/actors/uozu/"
    response = staff.delete(url, HTTP_IF_MATCH=staff.get(url)["ETag"])
    assert response.status_code == 409


def test_api_path_matching_no_route_answers_json_404(client):
    response = client.get("/api/v1/issues/a%0Ab/", HTTP_ACCEPT_LANGUAGE="th")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "ไม่พบข้อมูล"}
