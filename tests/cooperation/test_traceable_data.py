"""The report's data as a researcher checks it: dated events, designations, statuses, bases."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

from cooperation.models import Activity, Citation, Pair, Project
from partners.models import Actor


@pytest.fixture(scope="module", autouse=True)
def portal_data(django_db_setup, django_db_blocker):
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_portal_data", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def pair_events(thai_lookup: dict, foreign_lookup: dict) -> list[tuple]:
    pair = Pair.objects.get(
        thai=Actor.objects.get(**thai_lookup), foreign=Actor.objects.get(**foreign_lookup)
    )
    rows = []
    for activity in Activity.objects.filter(pair=pair, ref__startswith="ev-").order_by("ref"):
        locators = sorted(c.locator for c in Citation.objects.for_object(activity))
        rows.append((activity.ref, activity.occurred_on.year, locators))
    return rows


@pytest.mark.django_db
def test_uozu_pair_carries_its_dated_visits_with_citations():
    assert pair_events({"slug": "th-chiang-mai-city"}, {"slug": "jp-uozu"}) == [
        (
            "ev-uozu-investment-visit-2008",
            2008,
            ["§8.2.2 (1.1) Chiang Mai City-Uozu; L7641-7643"],
        ),
        ("ev-uozu-mayor-visit-2013", 2013, ["§8.2.2 (1.1) Chiang Mai City-Uozu; L7636-7638"]),
    ]


@pytest.mark.django_db
def test_aichi_pair_carries_the_fair_the_visit_and_the_exchanges():
    assert pair_events({"iso_code": "TH-10"}, {"iso_code": "JP-23"}) == [
        ("ev-aichi-fair-bangkok-2014", 2014, ["§8.2.2 (1.6) Bangkok-Aichi; L7798-7799"]),
        (
            "ev-bangkok-aichi-student-exchange-2016",
            2016,
            [
                "§8.2.2 (1.6) Bangkok-Aichi; L7784-7791",
                "§8.2.2 (1.6) Bangkok-Aichi; L7785-7789",
            ],
        ),
        ("ev-bangkok-aichi-youth-exchange-2012", 2012, ["§8.2.2 (1.6) Bangkok-Aichi; L7778-7781"]),
        (
            "ev-bma-council-nagoya-science-museum-2017",
            2017,
            ["§8.2.2 (1.6) Bangkok-Aichi; L7796-7798"],
        ),
    ]
    pair = Pair.objects.get(thai__iso_code="TH-10", foreign__iso_code="JP-23")
    assert pair.last_activity_on.year == 2017


@pytest.mark.django_db
def test_chichibu_pair_carries_its_festival_exchanges_with_the_inferred_date_marked():
    assert pair_events({"slug": "th-yasothon-town"}, {"slug": "jp-chichibu"}) == [
        (
            "ev-yasothon-chichibu-festival-exchange-1992",
            1992,
            [
                "§8.2.2 (1.3) Yasothon-Chichibu; L7694-7702",
                "§8.2.2 (1.3) Yasothon-Chichibu; L7696-7698",
            ],
        )
    ]
    activity = Activity.objects.get(ref="ev-yasothon-chichibu-festival-exchange-1992")
    dated = Citation.objects.for_object(activity).get(field="occurred_on")
    assert dated.basis == Citation.Basis.INFERRED
    assert "13 January 1992" in dated.note


@pytest.mark.django_db
def test_senboku_holds_the_special_zone_tag_and_akita_prefecture_does_not():
    assert not Actor.objects.get(iso_code="JP-05").tags.filter(slug="nssz").exists()
    assert Actor.objects.get(slug="jp-senboku").tags.filter(slug="nssz").exists()
    tagged = Actor.objects.filter(tags__slug="nssz").order_by("slug")
    assert [a.name_en for a in tagged.filter(country="JP", parent__isnull=False)] == [
        "Fukuoka City",
        "Niigata City",
        "Senboku City",
        "Sendai City",
        "Yabu City",
    ]


@pytest.mark.django_db
def test_an_undated_project_has_unknown_status():
    project = Project.objects.get(ref="pr-jica-rayong-town-waste")
    assert (project.starts_on, project.status) == (None, Project.Status.UNKNOWN)
    undated = Project.objects.filter(starts_on__isnull=True)
    assert set(undated.values_list("status", flat=True)) == {"unknown", "completed"}


@pytest.mark.django_db
def test_kobe_is_an_actor_with_its_mic_code():
    kobe = Actor.objects.get(slug="jp-kobe")
    assert (kobe.local_code, kobe.name_ja, kobe.parent.iso_code) == ("281000", "神戸市", "JP-28")


@pytest.mark.django_db
def test_api_marks_an_inferred_value(client):
    project = Project.objects.get(ref="pr-tiri-bangkok-branch-2014")
    body = client.get("/api/v1/projects/%d/" % project.pk).json()
    assert body["unstated_values"] == {"starts_on": "inferred", "status": "inferred"}
    inferred = [c for c in body["citations"] if c["field"] == "starts_on"]
    assert [(c["basis"], c["value"]) for c in inferred] == [("inferred", "2014-11")]


@pytest.mark.django_db
def test_api_lists_stated_figures_beside_portal_counts(client):
    body = client.get("/api/v1/stated-figures/?counted=true&ordering=slug").json()
    rows = {(r["slug"], r["value"], r["portal_count"]) for r in body["results"]}
    assert ("th-jp-sister-city-pairs", "10.00", 10) in rows
    assert ("dip-jp-mous-2018", "19.00", 19) in rows
    assert ("jp-lg-offices-thailand", "13.00", 13) in rows
    assert ("th-friendship-cities-2020", "88.00", 10) in rows


@pytest.mark.django_db
def test_coverage_page_lists_the_reports_totals_beside_the_portals_counts(client):
    response = client.get("/en/coverage/")
    html = response.content.decode()
    assert response.status_code == 200
    row = html.split('id="figure-th-jp-sister-city-pairs"')[1].split("</tr>")[0]
    assert "Thai-Japanese sister-city pairs" in row
    assert '<td class="num">10 pairs</td>' in row
    assert '<span title="Pairs with a signed city agreement, Japan">10</span>' in row
    row = html.split('id="figure-dip-jp-mous-2018"')[1].split("</tr>")[0]
    assert '<td class="num">19 MoUs</td>' in row and ">19</span>" in row
    row = html.split('id="figure-th-friendship-cities-2020"')[1].split("</tr>")[0]
    assert '<td class="num">88 pairs</td>' in row and "item 5; L92" in row
    assert "<li>Economic linkage</li>" in html


@pytest.mark.django_db
def test_project_page_marks_the_inferred_start_with_its_reasoning(client):
    project = Project.objects.get(ref="pr-tiri-bangkok-branch-2014")
    html = client.get("/en/projects/%d/" % project.pk).content.decode()
    period = html.split("<dt>Period</dt>")[1].split("</dd>")[0]
    assert (
        '<abbr class="basis basis-inferred" title="Inferred from the source: The report dates '
        "the MoU of November 2014 to set up the branch (L7017-7019); the project&#x27;s own start "
        'is not stated, so that date is taken as the start.">inferred</abbr>'
    ) in period


@pytest.mark.django_db
def test_project_export_carries_the_basis_of_each_unstated_value(client):
    response = client.get("/en/projects/export.csv?q=TIRI")
    lines = b"".join(response.streaming_content).decode("utf-8").lstrip("\ufeff").splitlines()
    assert "Values not stated by the source" in lines[0].split(",")
    assert any(
        "starts_on: Inferred from the source; status: Inferred from the source" in line
        for line in lines[1:]
    )


@pytest.mark.django_db
def test_coverage_page_costs_a_fixed_number_of_queries(client, django_assert_max_num_queries):
    with django_assert_max_num_queries(12):
        response = client.get("/th/coverage/")
    assert response.status_code == 200
    assert "คู่เมืองพี่เมืองน้องไทย-ญี่ปุ่น" in response.content.decode()
