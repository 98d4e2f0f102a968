"""Every page costs the same number of queries whatever the number of rows it shows."""

import pytest

from tests.pages.conftest import count_queries

pytestmark = pytest.mark.django_db

LIST_PAGES = [
    "/en/",
    "/en/pairs/",
    "/en/pairs/?issue=tourism&province=TH-50&signed_from=2532&q=extra&ordering=-first_signed_on",
    "/en/pairs/map/?list=1&issue=tourism&status=dormant",
    "/en/agreements/?issue=tourism",
    "/en/projects/",
    "/en/actors/?within=TH-50",
    "/en/issues/",
    "/en/issues/ecotourism/",
    "/en/actors/uozu/",
    "/en/actors/th-50/",
]
BUDGET = 16


@pytest.mark.parametrize("url", LIST_PAGES)
def test_list_pages_cost_the_same_at_two_sizes(
    client, more_rows, url, django_assert_max_num_queries
):
    more_rows(3)
    small = count_queries(client, url, django_assert_max_num_queries, BUDGET)
    more_rows(30)
    large = count_queries(client, url, django_assert_max_num_queries, BUDGET)

    assert large == small


@pytest.mark.parametrize("kind", ["pair", "agreement", "project"])
def test_detail_pages_cost_the_same_at_two_sizes(
    client, scenario, grow_pair, kind, django_assert_max_num_queries
):
    record = getattr(scenario, kind)
    url = "/en/%ss/%d/" % (kind, record.pk)
    grow_pair(2)
    small = count_queries(client, url, django_assert_max_num_queries, BUDGET)
    grow_pair(20)
    large = count_queries(client, url, django_assert_max_num_queries, BUDGET)

    assert large == small
