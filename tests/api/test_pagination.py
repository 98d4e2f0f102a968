"""Page-number pages: the rows and the total of each page, and the errors past the end.

The paginator finds a page's ids and the total in one query and then loads those rows with
their joins (portal.api.pagination.KeysFirstPaginator); these pin what a client sees.
"""

import pytest

pytestmark = pytest.mark.django_db


def sides(rows: list[dict]) -> list[str]:
    return ["%s/%s" % (r["thai"]["slug"], r["foreign"]["slug"]) for r in rows]


def test_each_page_holds_its_rows_and_the_total(scenario, anonymous):
    first = anonymous.get("/api/v1/pairs/?page_size=1").json()
    second = anonymous.get("/api/v1/pairs/?page_size=1&page=2").json()
    assert (first["count"], sides(first["results"])) == (2, ["chiang-mai-city/uozu"])
    assert (second["count"], sides(second["results"])) == (2, ["th-10/jp-11"])
    assert first["next"].endswith("page=2&page_size=1") and first["previous"] is None
    assert second["next"] is None and second["previous"] is not None


def test_the_total_counts_the_filtered_rows(scenario, anonymous):
    page = anonymous.get("/api/v1/pairs/?partner_country=JP&dormant=false&page_size=1").json()
    assert (page["count"], sides(page["results"])) == (1, ["th-10/jp-11"])


def test_pages_follow_the_ordering_asked_for(scenario, anonymous):
    page = anonymous.get("/api/v1/pairs/?ordering=-first_signed_on&page_size=1&page=2").json()
    assert sides(page["results"]) == ["chiang-mai-city/uozu"]


def test_a_filter_through_a_to_many_relation_counts_each_record_once(scenario, anonymous):
    # tag= joins the tags (DISTINCT); the paginator then counts as Django's does.
    page = anonymous.get("/api/v1/actors/?tag=port&page_size=1").json()
    assert page["count"] == 1 and [r["slug"] for r in page["results"]] == ["uozu"]


def test_no_rows_is_an_empty_first_page(scenario, anonymous):
    page = anonymous.get("/api/v1/pairs/?q=zzz").json()
    assert (page["count"], page["results"], page["next"]) == (0, [], None)


@pytest.mark.parametrize("query", ["page=3&page_size=1", "q=zzz&page=2"])
def test_a_page_past_the_end_is_404(scenario, anonymous, query):
    response = anonymous.get("/api/v1/pairs/?%s&lang=en" % query)
    assert response.status_code == 404
    assert response.json() == {"detail": "Invalid page."}
