"""Every filter of every list endpoint, with a value that matches and one that does not."""

from urllib.parse import parse_qsl

import pytest

from config.api import router
from partners.models import Actor

pytestmark = pytest.mark.django_db


def key(endpoint: str, row: dict) -> str:
    """A readable name for a returned row, so that the table below reads as the data does."""
    if endpoint == "pairs":
        return "%s/%s" % (row["thai"]["slug"], row["foreign"]["slug"])
    if endpoint == "interests":
        return "%s:%s:%s" % (row["actor"]["slug"], row["issue"]["slug"], row["direction"])
    if endpoint in ("agreements", "projects", "activities"):
        return row["title_en"]
    return row["slug"]


CM_UOZU, BKK_SAITAMA = "chiang-mai-city/uozu", "th-10/jp-11"
A1, A2 = "Chiang Mai–Uozu sister-city agreement", "Bangkok–Saitama MoU"
P1, P2 = "Uozu ecotourism training", "Saitama SME matching"
ACT1, ACT2 = "Uozu mayor visits Chiang Mai", "Saitama trade fair"
I1, I2 = "uozu:tourism:offers", "chiang-mai-city:ecotourism:seeks"

CASES = [
    # actors
    ("actors", "q=チェンマイ", {"chiang-mai-city"}),
    ("actors", "q=nakhon chiang-mai", {"chiang-mai-city"}),  # an alias, spelt differently
    ("actors", "q=เชียง ใหม่", {"th-50", "chiang-mai-city"}),  # Thai with a stray space
    ("actors", "q=zzz", set()),
    ("actors", "id=TH-50&id=uozu", {"th-50", "uozu"}),
    ("actors", "id=TH-50&country=JP", set()),
    ("actors", "country=JP", {"jp-16", "uozu", "jp-11"}),
    ("actors", "country=CN", set()),
    ("actors", "kind=prefecture", {"jp-16", "jp-11"}),
    ("actors", "kind=village", set()),
    ("actors", "level=municipal", {"chiang-mai-city", "uozu"}),
    ("actors", "level=local", set()),
    ("actors", "parent=TH-50", {"chiang-mai-city"}),
    ("actors", "parent=uozu", set()),
    ("actors", "within=JP-16", {"jp-16", "uozu"}),
    ("actors", "within=JP-16&country=TH", set()),
    ("actors", "tag=port", {"uozu"}),
    ("actors", "tag=lake", set()),
    ("actors", "region=north", {"th-50"}),
    ("actors", "region=south", set()),
    ("actors", "coastal=true", {"uozu"}),
    ("actors", "coastal=false", {"th-50"}),
    ("actors", "coastal=true&country=TH", set()),
    # issues
    ("issues", "q=การท่องเที่ยว", {"tourism"}),
    ("issues", "q=zzz", set()),
    ("issues", "parent=tourism", {"ecotourism"}),
    ("issues", "parent=education", set()),
    # pairs
    ("pairs", "q=เชียงใหม่", {CM_UOZU}),
    ("pairs", "q=魚津", {CM_UOZU}),
    ("pairs", "q=zzz", set()),
    ("pairs", "issue=tourism", {CM_UOZU}),  # through its sub-issue ecotourism
    ("pairs", "issue=education&issue=ecotourism", {CM_UOZU, BKK_SAITAMA}),
    ("pairs", "issue=education&province=TH-50", set()),
    ("pairs", "province=TH-50", {CM_UOZU}),  # Chiang Mai City Municipality lies inside
    ("pairs", "province=TH-35", set()),
    ("pairs", "prefecture=JP-16", {CM_UOZU}),
    ("pairs", "prefecture=JP-23", None),  # an unknown place is an error, see test_errors
    ("pairs", "prefecture=jp-11&province=TH-50", set()),
    ("pairs", "place=162043", {CM_UOZU}),
    ("pairs", "place=TH-35", set()),
    ("pairs", "thai=chiang-mai-city", {CM_UOZU}),
    ("pairs", "thai=TH-35", set()),
    ("pairs", "foreign=162043", {CM_UOZU}),
    ("pairs", "foreign=uozu&thai=TH-10", set()),
    ("pairs", "actor=jp-11", {BKK_SAITAMA}),
    ("pairs", "actor=TH-35", set()),
    ("pairs", "partner_country=JP", {CM_UOZU, BKK_SAITAMA}),
    ("pairs", "partner_country=CN", set()),
    ("pairs", "country=jp", {CM_UOZU, BKK_SAITAMA}),
    ("pairs", "country=CN", set()),
    ("pairs", "kind=city", {CM_UOZU}),
    ("pairs", "kind=village", set()),
    ("pairs", "thai_kind=province", {BKK_SAITAMA}),
    ("pairs", "thai_kind=sao", set()),
    ("pairs", "foreign_kind=prefecture", {BKK_SAITAMA}),
    ("pairs", "foreign_kind=village", set()),
    ("pairs", "status=dormant", {CM_UOZU}),
    ("pairs", "status=ended", set()),
    ("pairs", "dormant=true", {CM_UOZU}),
    ("pairs", "dormant=false", {BKK_SAITAMA}),
    ("pairs", "dormant=false&province=TH-50", set()),
    ("pairs", "success_level=cultural", {CM_UOZU}),
    ("pairs", "success_level=symbolic", set()),
    ("pairs", "signed_from=1989&signed_to=1990", {CM_UOZU}),
    ("pairs", "signed_from=พ.ศ. 2558", {BKK_SAITAMA}),  # 2015 in the Buddhist era
    ("pairs", "signed_from=2533&signed_to=2557", set()),  # B.E. 1990 to 2014
    ("pairs", "signed_to=1989-07", set()),
    ("pairs", "active_from=2020", {BKK_SAITAMA}),
    ("pairs", "active_from=2100", set()),
    # agreements
    ("agreements", "q=sister", {A1}),
    ("agreements", "q=zzz", set()),
    ("agreements", "kind=mou", {A2}),
    ("agreements", "kind=loi", set()),
    ("agreements", "status=signed", {A1, A2}),
    ("agreements", "status=proposed", set()),
    ("agreements", "issue=tourism", {A1}),
    ("agreements", "issue=education", set()),
    ("agreements", "party=uozu", {A1}),
    ("agreements", "party=TH-35", set()),
    ("agreements", "role=witness", {A2}),
    ("agreements", "role=coordinator", set()),
    ("agreements", "party=JP-16&role=witness", {A2}),
    ("agreements", "party=JP-16&role=signatory", set()),
    ("agreements", "place=TH-50", {A1}),
    ("agreements", "place=TH-35", set()),
    ("agreements", "province=JP-16", {A1, A2}),
    ("agreements", "province=TH-35", set()),
    ("agreements", "country=JP", {A1, A2}),
    ("agreements", "country=CN", set()),
    ("agreements", "partner_country=JP", {A1, A2}),
    ("agreements", "partner_country=TH", set()),
    ("agreements", "signed_from=1989-08&signed_to=1989-08", {A1}),
    ("agreements", "signed_from=2558", {A2}),
    ("agreements", "signed_to=1988", set()),
    ("agreements", "signed_from=2100", set()),
    # projects
    ("projects", "q=ecotourism", {P1}),
    ("projects", "q=zzz", set()),
    ("projects", "status=ongoing", {P1}),
    ("projects", "status=cancelled", set()),
    ("projects", "issue=tourism", {P1}),
    ("projects", "issue=education", set()),
    ("projects", "participant=uozu", {P1}),
    ("projects", "participant=TH-35", set()),
    ("projects", "role=funder", {P1, P2}),
    ("projects", "role=coordinator", set()),
    ("projects", "participant=uozu&role=funder", {P1}),
    ("projects", "participant=chiang-mai-city&role=funder", set()),
    ("projects", "place=JP-16", {P1}),
    ("projects", "place=TH-35", set()),
    ("projects", "province=TH-50", {P1}),
    ("projects", "province=TH-35", set()),
    ("projects", "country=TH", {P1}),
    ("projects", "country=CN", set()),
    ("projects", "currency=JPY", {P1}),
    ("projects", "currency=USD", set()),
    ("projects", "amount_basis=per_year", {P2}),
    ("projects", "amount_basis=total&currency=THB", set()),
    ("projects", "amount_min=1000000", {P1}),
    ("projects", "amount_min=2000000", set()),
    ("projects", "amount_max=200000", {P2}),
    ("projects", "amount_max=100", set()),
    ("projects", "starts_from=2019", {P1}),
    ("projects", "starts_from=2020", set()),
    ("projects", "starts_to=2562", {P1}),  # B.E. 2562 is 2019
    ("projects", "starts_to=2018", set()),
    # activities
    ("activities", "q=mayor", {ACT1}),
    ("activities", "q=zzz", set()),
    ("activities", "kind=visit", {ACT1}),
    ("activities", "kind=festival", set()),
    ("activities", "issue=tourism", {ACT1}),
    ("activities", "issue=education", set()),
    ("activities", "actor=uozu", {ACT1}),
    ("activities", "actor=TH-35", set()),
    ("activities", "place=JP-11", {ACT2}),  # through the pair's foreign side
    ("activities", "place=TH-35", set()),
    ("activities", "province=TH-50", {ACT1}),
    ("activities", "province=TH-35", set()),
    ("activities", "occurred_from=2012-10-12&occurred_to=2012-10", {ACT1}),
    ("activities", "occurred_to=2012-09", set()),
    ("activities", "occurred_from=2100", set()),
    # interests
    ("interests", "q=魚津", {I1}),
    ("interests", "q=zzz", set()),
    ("interests", "actor=uozu", {I1}),
    ("interests", "actor=TH-35", set()),
    ("interests", "place=TH-50", {I2}),
    ("interests", "place=TH-35", set()),
    ("interests", "issue=tourism", {I1, I2}),
    ("interests", "issue=education", set()),
    ("interests", "direction=seeks", {I2}),
    ("interests", "direction=seeks&country=JP", set()),
    ("interests", "country=JP", {I1}),
    ("interests", "country=CN", set()),
    ("interests", "kind=city", {I1}),
    ("interests", "kind=village", set()),
    # sources
    ("sources", "q=relations", {"report-2020"}),
    ("sources", "q=zzz", set()),
    ("sources", "kind=dataset", {"dip-mou-list"}),
    ("sources", "kind=interview", set()),
    ("sources", "year_min=2016", {"report-2020"}),
    ("sources", "year_min=2030", set()),
    ("sources", "year_max=2015", {"dip-mou-list"}),
    ("sources", "year_max=2000", set()),
    # stated figures
    ("stated-figures", "q=sister-city", {"th-jp-pairs"}),
    ("stated-figures", "q=zzz", set()),
    ("stated-figures", "counted=true", {"th-jp-pairs"}),
    ("stated-figures", "counted=false", {"bma-cities"}),
    ("stated-figures", "counted=true&q=Bangkok", set()),
]


# Filters whose cases need ids from the scenario: test_id_based_filters_match_and_miss.
ID_FILTERS = {
    ("agreements", "pair"), ("projects", "pair"), ("projects", "agreement"),
    ("activities", "pair"), ("activities", "agreement"), ("activities", "project"),
}  # fmt: skip


def test_every_filter_has_a_matching_and_a_missing_case():
    """A filter added to a FilterSet without both kinds of case above fails here."""
    outcomes: dict[tuple[str, str], set[str]] = {}
    for endpoint, query, expected in CASES:
        for name, _value in parse_qsl(query):
            outcome = "error" if expected is None else "match" if expected else "miss"
            outcomes.setdefault((endpoint, name), set()).add(outcome)
    lacking = [
        (endpoint, name)
        for endpoint, viewset, _basename in router.registry
        for name in viewset.filterset_class.base_filters
        if name != "ordering"  # test_ordering_sorts_and_reverses
        and (endpoint, name) not in ID_FILTERS
        and not {"match", "miss"} <= outcomes.get((endpoint, name), set())
    ]
    assert lacking == []


@pytest.mark.parametrize(("endpoint", "query", "expected"), CASES)
def test_filter_selects_exactly(scenario, anonymous, endpoint, query, expected):
    response = anonymous.get("/api/v1/%s/?%s&lang=en" % (endpoint, query))
    if expected is None:
        assert response.status_code == 400
        return
    assert response.status_code == 200, response.json()
    assert {key(endpoint, row) for row in response.json()["results"]} == expected


def test_id_based_filters_match_and_miss(scenario, anonymous):
    s = scenario
    cases = [
        ("agreements", "pair=%d" % s.pair.pk, {A1}),
        ("agreements", "pair=%d&kind=mou" % s.pair.pk, set()),
        ("projects", "pair=%d" % s.pair.pk, {P1}),
        ("projects", "pair=%d&currency=THB" % s.pair.pk, set()),
        ("projects", "agreement=%d" % s.agreement.pk, {P1}),
        ("projects", "agreement=%d" % s.other_agreement.pk, set()),
        ("activities", "pair=%d" % s.pair.pk, {ACT1}),
        ("activities", "pair=%d&kind=festival" % s.pair.pk, set()),
        ("activities", "agreement=%d" % s.agreement.pk, {ACT1}),
        ("activities", "agreement=%d" % s.other_agreement.pk, set()),
        ("activities", "project=%d" % s.project.pk, {ACT1}),
        ("activities", "project=%d" % s.other_project.pk, set()),
    ]
    for endpoint, query, expected in cases:
        response = anonymous.get("/api/v1/%s/?%s&lang=en" % (endpoint, query))
        assert {key(endpoint, r) for r in response.json()["results"]} == expected, query


def test_ordering_sorts_and_reverses(scenario, anonymous):
    rows = anonymous.get("/api/v1/pairs/?ordering=-first_signed_on").json()["results"]
    assert [key("pairs", r) for r in rows] == [BKK_SAITAMA, CM_UOZU]
    rows = anonymous.get("/api/v1/pairs/?ordering=first_signed_on").json()["results"]
    assert [key("pairs", r) for r in rows] == [CM_UOZU, BKK_SAITAMA]
    Actor.objects.filter(slug="jp-16").update(population=1_000_000)
    rows = anonymous.get("/api/v1/actors/?ordering=-population&within=JP-16").json()["results"]
    assert [r["slug"] for r in rows] == ["jp-16", "uozu"]
    rows = anonymous.get("/api/v1/actors/?ordering=population&within=JP-16").json()["results"]
    assert [r["slug"] for r in rows] == ["uozu", "jp-16"]
