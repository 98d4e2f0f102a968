"""Fixtures for the REST API: a client per role and a small Chiang Mai–Toyama scenario."""

from __future__ import annotations

import dataclasses

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.utils import timezone
from rest_framework.test import APIClient

from accounts.models import ApiToken
from cooperation.models import (
    Activity,
    Agreement,
    Interest,
    Pair,
    Project,
    ProjectParticipant,
    StatedFigure,
)
from cooperation.services import PartySpec, agreement_save, pair_refresh
from partners.models import Actor, Tag
from tests.factories import (
    ActorFactory,
    IssueFactory,
    JapaneseCityFactory,
    JapanesePrefectureFactory,
    SourceFactory,
    ThaiProvinceFactory,
)


@pytest.fixture(autouse=True)
def _fresh_throttle_counts():
    """Throttle counts live in the cache; each test starts with none."""
    cache.clear()
    yield
    cache.clear()


@dataclasses.dataclass
class Scenario:
    chiang_mai: Actor
    chiang_mai_city: Actor
    bangkok: Actor
    toyama: Actor
    uozu: Actor
    saitama: Actor
    tourism: object
    ecotourism: object
    education: object
    pair: Pair
    other_pair: Pair
    agreement: Agreement
    other_agreement: Agreement
    project: Project
    other_project: Project
    activity: Activity
    interest: Interest
    source: object


@pytest.fixture
def scenario(db) -> Scenario:
    chiang_mai = ThaiProvinceFactory(
        name_en="Chiang Mai Province", name_th="จังหวัดเชียงใหม่", iso_code="TH-50",
        slug="th-50",
    )  # fmt: skip
    city = ActorFactory(
        kind=Actor.Kind.CITY_MUNICIPALITY, country="TH", parent=chiang_mai,
        name_en="Chiang Mai City Municipality", name_th="เทศบาลนครเชียงใหม่",
        name_ja="チェンマイ市", slug="chiang-mai-city", aliases="Nakhon Chiang Mai",
    )  # fmt: skip
    bangkok = ThaiProvinceFactory(name_en="Bangkok", iso_code="TH-10", slug="th-10")
    toyama = JapanesePrefectureFactory(
        name_en="Toyama Prefecture", name_ja="富山県", iso_code="JP-16", slug="jp-16",
        local_code="160008",
    )  # fmt: skip
    uozu = JapaneseCityFactory(
        name_en="Uozu", name_ja="魚津市", name_th="อูโอซึ", parent=toyama, local_code="162043",
        slug="uozu",
    )  # fmt: skip
    saitama = JapanesePrefectureFactory(
        name_en="Saitama Prefecture", name_ja="埼玉県", iso_code="JP-11", slug="jp-11"
    )
    # Yasothon takes part in nothing: filters for it must find nothing.
    ThaiProvinceFactory(name_en="Yasothon", iso_code="TH-35", slug="th-35")
    port, _lake = (
        Tag.objects.create(slug="port", category="geography", name_en="Port"),
        (Tag.objects.create(slug="lake", category="geography", name_en="Lake")),
    )
    uozu.tags.add(port)
    Actor.objects.filter(pk=uozu.pk).update(coastal=True, population=40_000)
    Actor.objects.filter(pk=chiang_mai.pk).update(
        coastal=False, region="north", population=1_700_000
    )
    tourism = IssueFactory(slug="tourism", name_en="Tourism", name_th="การท่องเที่ยว")
    ecotourism = IssueFactory(slug="ecotourism", name_en="Ecotourism", parent=tourism)
    education = IssueFactory(slug="education", name_en="Education", name_ja="教育")
    pair = Pair.objects.create(thai=city, foreign=uozu, success_level="cultural")
    pair.issues.set([ecotourism])
    other_pair = Pair.objects.create(thai=bangkok, foreign=saitama, success_level="economic")
    other_pair.issues.set([education])
    agreement = agreement_save(
        agreement=Agreement(
            kind=Agreement.Kind.SISTER_CITY, title_en="Chiang Mai–Uozu sister-city agreement",
            signed_on="1989-08-01", signed_precision="month", status=Agreement.Status.SIGNED,
        ),
        parties=[PartySpec(city), PartySpec(uozu)],
    )  # fmt: skip
    agreement.issues.set([ecotourism])
    other_agreement = agreement_save(
        agreement=Agreement(
            kind=Agreement.Kind.MOU, title_en="Bangkok–Saitama MoU", signed_on="2015-01-01",
            signed_precision="year", status=Agreement.Status.SIGNED,
        ),
        parties=[PartySpec(bangkok), PartySpec(saitama), PartySpec(toyama, "witness")],
    )  # fmt: skip
    project = Project.objects.create(
        title_en="Uozu ecotourism training", pair=pair, status=Project.Status.ONGOING,
        amount=1_500_000, currency="JPY", amount_basis="total",
        starts_on="2019-04-01", starts_precision="month", agreement=agreement,
    )  # fmt: skip
    project.issues.set([ecotourism])
    ProjectParticipant.objects.create(project=project, actor=uozu, role="funder")
    ProjectParticipant.objects.create(project=project, actor=city, role="beneficiary")
    other_project = Project.objects.create(
        title_en="Saitama SME matching", pair=other_pair, status=Project.Status.COMPLETED,
        amount=200_000, currency="THB", amount_basis="per_year",
    )  # fmt: skip
    ProjectParticipant.objects.create(project=other_project, actor=saitama, role="funder")
    activity = Activity.objects.create(
        kind=Activity.Kind.VISIT, title_en="Uozu mayor visits Chiang Mai", pair=pair,
        occurred_on="2012-10-12", occurred_precision="day", agreement=agreement,
        project=project,
    )  # fmt: skip
    activity.actors.set([uozu, city])
    activity.issues.set([tourism])
    Activity.objects.create(
        kind=Activity.Kind.TRADE_FAIR, title_en="Saitama trade fair", pair=other_pair,
        occurred_on=timezone.localdate(), occurred_precision="day",
    )  # fmt: skip
    pair_refresh(pair)
    pair_refresh(other_pair)
    interest = Interest.objects.create(actor=uozu, issue=tourism, direction="offers")
    Interest.objects.create(actor=city, issue=ecotourism, direction="seeks")
    source = SourceFactory(
        slug="report-2020", title="Thailand–Japan relations at local level", year=2020
    )
    SourceFactory(slug="dip-mou-list", title="DIP MoU list", kind="dataset", year=2015)
    # Totals a source states: one the portal counts too, one it does not.
    StatedFigure.objects.create(
        slug="th-jp-pairs",
        what_en="Thai-Japanese sister-city pairs",
        value=10,
        counted_as="th_jp_city_pairs",
    )
    StatedFigure.objects.create(slug="bma-cities", what_en="Cities partnered with Bangkok",
                                value=36)  # fmt: skip
    pair.refresh_from_db()
    return Scenario(
        chiang_mai, city, bangkok, toyama, uozu, saitama, tourism, ecotourism, education,
        pair, other_pair, agreement, other_agreement, project, other_project, activity,
        interest, source,
    )  # fmt: skip


def token_client(user, **token_options) -> APIClient:
    _token, key = ApiToken.issue(user=user, **token_options)
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token %s" % key)
    return client


@pytest.fixture
def anonymous() -> APIClient:
    return APIClient()


@pytest.fixture
def researcher(db) -> APIClient:
    user = get_user_model().objects.create_user("researcher")
    return token_client(user)


@pytest.fixture
def office_a(scenario) -> APIClient:
    """Toyama's Bangkok office: Uozu lies inside Toyama."""
    user = get_user_model().objects.create_user("toyama-office")
    return token_client(user, organisation=scenario.toyama)


@pytest.fixture
def office_b(scenario) -> APIClient:
    user = get_user_model().objects.create_user("saitama-office")
    return token_client(user, organisation=scenario.saitama)


@pytest.fixture
def staff(db) -> APIClient:
    user = get_user_model().objects.create_user("ministry", is_staff=True)
    return token_client(user)
