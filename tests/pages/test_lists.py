"""List pages filter with the API's parameters, sort, paginate, and keep filters in any language."""

import pytest
from django.urls import reverse
from django.utils import translation

from cooperation.models import Pair

pytestmark = pytest.mark.django_db


def rows(response) -> list:
    return list(response.context["page"].object_list)


def test_issue_filter_includes_sub_issues(client, scenario):
    response = client.get("/en/pairs/?issue=tourism")

    # The pair works on ecotourism, which lies under tourism.
    assert rows(response) == [scenario.pair]


def test_repeated_issue_is_either(client, scenario):
    response = client.get("/en/pairs/?issue=ecotourism&issue=education&ordering=first_signed_on")

    assert rows(response) == [scenario.pair, scenario.other_pair]


def test_province_includes_what_lies_inside(client, scenario):
    response = client.get("/en/pairs/?province=TH-50")

    assert rows(response) == [scenario.pair]  # Chiang Mai City Municipality lies in TH-50


def test_prefecture_includes_its_cities(client, scenario):
    assert rows(client.get("/en/pairs/?prefecture=JP-16")) == [scenario.pair]
    assert rows(client.get("/en/pairs/?prefecture=JP-11")) == [scenario.other_pair]


@pytest.mark.parametrize(
    "years", ["signed_from=1989&signed_to=1989", "signed_from=2532&signed_to=2532"]
)
def test_year_range_reads_common_and_buddhist_era(client, scenario, years):
    assert rows(client.get("/en/pairs/?" + years)) == [scenario.pair]


def test_status_and_dormant_filters(client, scenario):
    # Chiang Mai–Uozu last met in 2012; Bangkok–Saitama held a fair today.
    assert rows(client.get("/en/pairs/?dormant=true")) == [scenario.pair]
    assert rows(client.get("/en/pairs/?status=active")) == [scenario.other_pair]
    assert rows(client.get("/en/pairs/?success_level=economic")) == [scenario.other_pair]


def test_kind_and_country_filters(client, scenario):
    assert rows(client.get("/en/pairs/?kind=city_municipality")) == [scenario.pair]
    assert rows(client.get("/en/pairs/?country=CN")) == []


def test_sorting_by_last_activity_descending(client, scenario):
    response = client.get("/en/pairs/?ordering=-last_activity_on")

    assert rows(response) == [scenario.other_pair, scenario.pair]


def test_bad_filter_says_so_in_the_page_language_and_lists_nothing(client, scenario):
    response = client.get("/th/pairs/?issue=no-such-issue")

    assert response.status_code == 400
    assert rows(response) == []
    with translation.override("th"):
        expected = translation.gettext("No issue has the id or slug “%(value)s”.") % {
            "value": "no-such-issue"
        }
    assert expected != "No issue has the id or slug “no-such-issue”."
    assert expected in response.content.decode()


def test_language_links_keep_the_page_and_its_filters(client, scenario):
    response = client.get("/en/pairs/?issue=tourism&status=dormant")
    html = response.content.decode()

    assert 'href="/th/pairs/?issue=tourism&amp;status=dormant"' in html
    assert 'href="/ja/pairs/?issue=tourism&amp;status=dormant"' in html


def test_pagination_keeps_the_filters(client, scenario, more_rows):
    more_rows(55)

    response = client.get("/en/pairs/?issue=education&page=2")

    assert response.context["page"].paginator.count == 56
    assert len(rows(response)) == 6
    assert "?issue=education&amp;page=1" in response.content.decode()


def test_htmx_asks_for_the_results_only(client, scenario):
    response = client.get(
        "/en/pairs/?issue=education", HTTP_HX_REQUEST="true", HTTP_HX_TARGET="results"
    )
    html = response.content.decode()

    assert html.lstrip().startswith('<div id="results"')
    assert "<form" not in html
    assert rows(response) == [scenario.other_pair]


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("/en/agreements/?issue=tourism", "agreement"),
        ("/en/agreements/?province=TH-10", "other_agreement"),
        ("/en/agreements/?signed_from=2558", "other_agreement"),
        ("/en/projects/?issue=tourism", "project"),
        ("/en/projects/?status=completed", "other_project"),
        ("/en/projects/?starts_from=2562&starts_to=2562", "project"),
    ],
)
def test_agreement_and_project_lists_use_the_api_filters(client, scenario, url, expected):
    assert rows(client.get(url)) == [getattr(scenario, expected)]


def test_actor_list_filters_by_place_kind_and_search(client, scenario):
    within = rows(client.get("/en/actors/?within=JP-16&ordering=id"))
    assert within == [scenario.toyama, scenario.uozu]
    assert rows(client.get("/en/actors/?q=魚津")) == [scenario.uozu]
    assert rows(client.get("/en/actors/?kind=city_municipality")) == [scenario.chiang_mai_city]


def test_issue_pages_count_pairs_with_sub_issues(client, scenario):
    response = client.get(reverse("cooperation:issue_detail", args=["tourism"]))

    assert response.context["pair_count"] == 1
    assert response.context["pairs"] == [scenario.pair]
    assert Pair.objects.count() == 2
