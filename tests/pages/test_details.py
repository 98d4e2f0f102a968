"""Detail pages show a record whole: sides, agreements, steps, timeline, citations, cite block."""

import datetime as dt

import pytest
from django.urls import reverse

from cooperation.figures import map_lines, pair_timeline
from cooperation.models import ApprovalStep, Pair
from cooperation.services import citation_add

pytestmark = pytest.mark.django_db


def test_pair_page_shows_both_sides_agreements_steps_projects_and_timeline(client, scenario):
    ApprovalStep.objects.create(
        agreement=scenario.agreement, step="approved", body=scenario.bangkok,
        taken_on=dt.date(1989, 7, 1), taken_precision="month",
    )  # fmt: skip
    citation_add(record=scenario.agreement, source=scenario.source, locator="Table 8.2 row 1")

    response = client.get("/en/pairs/%d/" % scenario.pair.pk)
    html = response.content.decode()

    for text in (
        "Chiang Mai City Municipality",
        "City municipality",
        "Uozu",
        "Chiang Mai–Uozu sister-city agreement",
        "Approval steps",
        "Uozu ecotourism training",
        "Uozu mayor visits Chiang Mai",
        "Table 8.2 row 1",
        "Cite this record",
    ):
        assert text in html, text
    events = [event["title"] for event in response.context["events"]]
    assert [str(e) for e in events] == [
        "Chiang Mai–Uozu sister-city agreement · Bangkok",  # approved, July 1989
        "Chiang Mai–Uozu sister-city agreement",  # signed, August 1989
        "Uozu mayor visits Chiang Mai",  # 2012
        "Uozu ecotourism training",  # starts 2019
    ]
    assert response.context["status_label"] == "Dormant"


def test_thai_pair_page_shows_buddhist_era_dates(client, scenario):
    html = client.get("/th/pairs/%d/" % scenario.pair.pk).content.decode()

    assert "12 ต.ค. 2555" in html  # the 2012 visit
    assert "ส.ค. 2532" in html  # signed in August 1989
    assert "2012" not in html.split("timeline-data")[0].split("activity-timeline")[-1]


def test_cite_block_names_the_record_and_its_address(client, scenario):
    response = client.get("/en/pairs/%d/" % scenario.pair.pk)
    html = response.content.decode()

    assert (
        "“Chiang Mai City Municipality – Uozu”. Local cooperation records. "
        "http://testserver/en/pairs/%d/ (accessed " % scenario.pair.pk
    ) in html


@pytest.mark.parametrize(
    ("name", "attribute", "texts"),
    [
        ("cooperation:agreement_detail", "agreement", ["Sister city", "Uozu</a> (Signatory)"]),
        ("cooperation:project_detail", "project", ["1500000.00 Japanese yen", "Funder"]),
    ],
)
def test_agreement_and_project_pages(client, scenario, name, attribute, texts):
    record = getattr(scenario, attribute)
    html = client.get(reverse(name, args=[record.pk]).replace("/th/", "/en/")).content.decode()

    for text in texts:
        assert text in html


def test_actor_page_shows_pairs_interests_parent_and_children(client, scenario):
    html = client.get("/en/actors/jp-16/").content.decode()
    assert "Uozu" in html  # a child of Toyama

    response = client.get("/en/actors/uozu/")
    html = response.content.decode()
    assert response.context["pairs"] == [scenario.pair]
    assert "Toyama Prefecture" in html  # parent
    assert "Tourism" in html  # offers tourism
    assert [a.pk for a in response.context["agreements"]] == [scenario.agreement.pk]
    assert '<a href="/en/matching/?actor=uozu">' in html  # its ranked candidate partners


def test_missing_records_are_404(client, scenario):
    assert client.get("/en/pairs/999999/").status_code == 404
    assert client.get("/en/actors/no-such-actor/").status_code == 404


def test_map_joins_the_provinces_and_prefectures_the_sides_lie_in(scenario):
    lines = map_lines(Pair.objects.with_status())["lines"]

    assert lines == [
        {"from": "TH-10", "to": "JP-11", "status": "active", "count": 1},
        {"from": "TH-50", "to": "JP-16", "status": "dormant", "count": 1},
    ]


def test_map_fragment_counts_each_filtered_pair_once(client, scenario):
    # Ecotourism lies under tourism: a pair on both must not be drawn twice.
    scenario.pair.issues.add(scenario.tourism)

    response = client.get("/en/pairs/map/?list=1&issue=tourism")

    assert response.context["map"]["lines"] == [
        {"from": "TH-50", "to": "JP-16", "status": "dormant", "count": 1}
    ]
    assert response.context["filter_page"] is True
    assert client.get("/en/pairs/map/?issue=nothing-like-it").status_code == 400


def test_timeline_marks_the_dormant_years(scenario):
    pair = Pair(first_signed_on=dt.date(2010, 1, 1))
    scenario.activity.refresh_from_db()
    activities = [scenario.activity]  # 12 Oct 2012

    timeline = pair_timeline(pair, activities, [], today=dt.date(2018, 5, 1))

    assert timeline["years"] == [2010, 2011, 2012, 2013, 2014, 2015, 2016, 2017, 2018]
    assert timeline["counts"] == [0, 0, 1, 0, 0, 0, 0, 0, 0]
    assert timeline["quiet"] == [False, False, False, False, False, True, True, True, True]


def test_home_counts_what_the_portal_holds(client, scenario):
    response = client.get("/en/")

    assert response.context["pair_total"] == 2
    assert response.context["pairs_by_status"] == [("Active", 1), ("Dormant", 1), ("Ended", 0)]
    assert response.context["per_year"]["years"][0] == 1989
