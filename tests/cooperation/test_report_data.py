"""The research report's records load faithfully, with provenance, and reloading changes nothing."""

import datetime as dt
import hashlib
from io import StringIO

import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.db import transaction

from cooperation import report_data
from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    ApprovalStep,
    Citation,
    Interest,
    Issue,
    Pair,
    Project,
    ProjectParticipant,
    Source,
    Tie,
)
from partners.models import Actor

REPORT = "report-th-jp-local"


@pytest.fixture(scope="module", autouse=True)
def portal_data(django_db_setup, django_db_blocker):
    """Load once for the module inside a transaction that is rolled back afterwards.

    Each test's own transaction nests inside this one as a savepoint, so tests see the loaded
    data and other modules still start from an empty database.
    """
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_portal_data", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def day(year, month=1, date=1):
    return dt.date(year, month, date)


@pytest.mark.django_db
def test_table_8_2_gives_ten_city_pairs_with_their_signing_dates():
    agreements = Agreement.objects.filter(kind__in=Agreement.CITY_KINDS).select_related(
        "pair__thai", "pair__foreign"
    )
    rows = sorted(
        (a.pair.thai.name_en, a.pair.foreign.name_en, a.kind, a.signed_on, a.signed_precision)
        for a in agreements
    )
    assert rows == sorted([
        ("Chiang Mai City Municipality", "Uozu City", "sister_city", day(1989, 8), "month"),
        ("Chiang Mai City Municipality", "Honjo City", "sister_city", day(1992, 11), "month"),
        ("Yasothon Town Municipality", "Chichibu City", "twin_city", day(1992, 1), "month"),
        ("Bangkok", "Fukuoka", "friendship_city", day(2006, 2), "month"),
        ("Bangkok", "Yachiyo City", "friendship_city", day(2008, 5), "month"),
        ("Bangkok", "Aichi", "friendship_city", day(2012, 7), "month"),
        ("Mae Sai Subdistrict Municipality", "Yuki City", "sister_city", day(2012), "year"),
        ("Tha Kat", "Ibigawa Town", "sister_city", None, ""),
        ("Chiang Mai", "Sapporo City", "sister_city", day(2013), "year"),
        ("Khon Kaen City Municipality", "Mizuho Town", "friendship_city", day(2016), "year"),
    ])  # fmt: skip
    assert all(a.status == Agreement.Status.SIGNED for a in agreements)
    assert Pair.objects.filter(agreements__in=agreements).distinct().count() == 10


@pytest.mark.django_db
def test_city_pairs_carry_the_issues_of_table_8_2():
    pair = Pair.objects.get(thai__slug="th-chiang-mai-city", foreign__slug="jp-uozu")
    assert set(pair.issues.values_list("slug", flat=True)) == {
        "education", "culture", "language", "economy", "industry"
    }  # fmt: skip
    agreement = pair.agreements.get()
    assert set(agreement.issues.all()) == set(pair.issues.all())
    assert pair.success_level == ""


@pytest.mark.django_db
def test_table_8_1_gives_nineteen_dip_mous_with_month_precision():
    dip = Actor.objects.get(slug="th-dip")
    mous = Agreement.objects.filter(kind=Agreement.Kind.MOU, party_set__actor=dip)
    rows = sorted(
        (a.signed_on.strftime("%Y-%m"), a.party_set.exclude(actor=dip).get().actor.name_en)
        for a in mous
    )
    assert rows == sorted([
        ("2013-08", "Saitama"), ("2013-10", "Yamanashi"), ("2013-10", "Akita"),
        ("2013-11", "Tottori"), ("2014-09", "Shimane"), ("2014-09", "Aichi"),
        ("2014-11", "Kawasaki City"), ("2014-11", "Fukui"),
        ("2014-11", "Tokyo Metropolitan Industrial Technology Research Institute (TIRI)"),
        ("2014-12", "Toyama"), ("2015-01", "Minamiboso City"), ("2015-01", "Fukuoka"),
        ("2015-05", "Tokyo Metropolitan Small and Medium Enterprise Support Center"),
        ("2015-09", "Chiba"), ("2015-11", "Mie"), ("2015-11", "Kyoto"), ("2016-01", "Ehime"),
        ("2017-06", "Fukushima"), ("2018-10", "Nagano"),
    ])  # fmt: skip
    assert {a.signed_precision for a in mous} == {"month"}
    assert all(a.pair.thai == dip for a in mous)


@pytest.mark.django_db
def test_table_8_3_gives_thirteen_local_governments_with_offices_in_thailand():
    offices = Actor.objects.filter(
        kind=Actor.Kind.OFFICE_ABROAD, country="TH", parent__kind__in=Actor.LOCALITY_KINDS
    )
    assert set(offices.values_list("parent__iso_code", flat=True)) == {
        "JP-40", "JP-24", "JP-16", "JP-31", "JP-32", "JP-11", "JP-19", "JP-13", "JP-18",
        "JP-12", "JP-23", "JP-27", "JP-28",
    }  # fmt: skip
    assert offices.filter(parent__iso_code="JP-13").count() == 2
    fukuoka = offices.get(slug="of-fukuoka-bkk")
    assert (fukuoka.established_on, fukuoka.established_precision) == (day(2010, 10, 12), "day")
    aichi = offices.get(slug="of-aichi-bkk")
    assert (aichi.established_on, aichi.established_precision) == (None, "")


@pytest.mark.django_db
def test_chiang_mai_otoyo_awaits_the_interior_ministrys_approval():
    agreement = Agreement.objects.get(ref="pp-11th-pair-chiangmai-otoyo")
    assert agreement.status == Agreement.Status.UNDER_REVIEW
    assert (agreement.pair.thai.iso_code, agreement.pair.foreign.slug) == ("TH-50", "jp-otoyo")
    step = agreement.approval_steps.get()
    assert (step.step, step.body.slug) == (ApprovalStep.Step.UNDER_REVIEW, "th-moi")
    minutes = agreement.pair.agreements.get(kind=Agreement.Kind.JOINT_MINUTES)
    assert (minutes.signed_on, minutes.signed_precision) == (day(2016, 8, 8), "day")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ref", "kept", "stated"),
    [
        ("sc-03-yasothon-chichibu", day(1992, 1), {"1992-01", "1992-01-13", "1993"}),
        ("sc-05-bangkok-yachiyo", day(2008, 5), {"2008-05", "1988"}),
    ],
)
def test_competing_signing_dates_are_each_cited(ref, kept, stated):
    agreement = Agreement.objects.get(ref=ref)
    assert agreement.signed_on == kept
    citations = agreement.citations.filter(field="signed_on")
    assert set(citations.values_list("value", flat=True)) == stated
    assert citations.values("locator").distinct().count() == len(stated)
    assert all(c.source.slug == REPORT for c in citations)


@pytest.mark.django_db
@pytest.mark.parametrize("model", [Actor, Issue, Pair, Agreement, Project, Activity, Interest, Tie])
def test_every_loaded_record_cites_a_source(model):
    cited = Citation.objects.filter(content_type=ContentType.objects.get_for_model(model))
    uncited = model.objects.exclude(pk__in=cited.values("object_id"))
    assert list(uncited) == []
    assert model.objects.exists()


@pytest.mark.django_db
def test_citations_name_the_table_or_section_and_the_lines():
    report = Citation.objects.filter(source__slug=REPORT)
    assert report.count() > 1000
    assert not report.exclude(locator__regex=r"L[0-9]").exists()


@pytest.mark.django_db
def test_reference_places_cite_their_datasets():
    for country, source in (("TH", "geothai"), ("JP", "mic-local-government-codes")):
        places = Actor.objects.filter(country=country).exclude(iso_code="")
        cited = Citation.objects.filter(source__slug=source).values("object_id")
        assert places.count() == {"TH": 77, "JP": 47}[country]
        assert not places.exclude(pk__in=cited).exists()


@pytest.mark.django_db
def test_recommendation_tables_are_not_loaded():
    """Tables 10.4 and 10.5 are the matcher's validation set, so nothing may come from them."""
    assert not Citation.objects.filter(locator__regex=r"Table 10\.[45]").exists()
    assert not Agreement.objects.filter(ref__startswith="pp-t10").exists()


@pytest.mark.django_db
def test_uozu_keeps_every_spelling_the_report_uses():
    uozu = Actor.objects.get(local_code="162043", country="JP")
    assert uozu.slug == "jp-uozu"
    assert uozu.kind == Actor.Kind.CITY
    assert uozu.parent.iso_code == "JP-16"
    assert {"ยูโอซุ", "อูโอสึ", "อุโอซุ", "อูโอซึ"} <= set(uozu.alias_list)
    assert Actor.objects.search("อูโอสึ").get() == uozu


@pytest.mark.django_db
def test_demand_surveys_say_who_seeks_and_who_offers():
    shiga = Interest.objects.filter(actor__iso_code="JP-25", issue__slug="water-management")
    assert list(shiga.values_list("direction", flat=True)) == [Interest.Direction.OFFERS]
    assert shiga.get().citations.filter(locator__startswith="Table 10.1 row 1").exists()
    seeks = Interest.objects.filter(actor__iso_code="JP-25", direction=Interest.Direction.SEEKS)
    assert set(seeks.values_list("issue__slug", flat=True)) == {"trade", "tourism"}
    bang_bao = Interest.objects.filter(actor__slug="th-ban-bang-bao")
    assert set(bang_bao.values_list("issue__slug", "direction")) == {
        ("waste-management", "seeks"), ("water-management", "seeks")
    }  # fmt: skip


@pytest.mark.django_db
def test_amounts_appear_only_where_the_report_states_them():
    kodama = Project.objects.get(ref="pr-kodama-scholarship")
    assert (kodama.amount, kodama.currency, kodama.amount_basis) == (300000, "JPY", "per_year")
    assert Project.objects.exclude(amount=None).count() == 10


DIGESTED = [
    Source, Issue, Actor, Pair, Pair.issues.through, Agreement, AgreementParty,
    Agreement.issues.through, ApprovalStep, Project, ProjectParticipant, Project.issues.through,
    Activity, Activity.actors.through, Activity.issues.through, Interest, Tie, Citation,
]  # fmt: skip


def snapshot():
    """Row counts and a digest of every column of every row the loader writes."""
    counts, digest = {}, hashlib.sha256()
    for model in DIGESTED:
        rows = list(model.objects.order_by("pk").values_list())
        counts[model._meta.label] = len(rows)
        digest.update(repr(rows).encode())
    return counts, digest.hexdigest()


@pytest.mark.django_db
def test_a_second_load_changes_nothing():
    before = snapshot()
    out = StringIO()
    call_command("load_portal_data", stdout=out)
    assert snapshot() == before
    for label, summary in report_data.load_report().items():
        assert (label, summary.created, summary.updated) == (label, 0, 0)
    assert " created     0  updated     0" in out.getvalue()
