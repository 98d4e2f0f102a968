"""Fixtures for the portal's pages: the API's Chiang Mai–Uozu scenario, and more rows on demand."""

import datetime as dt

import pytest

from cooperation.models import Activity, Agreement, ApprovalStep, Project, ProjectParticipant
from cooperation.services import PartySpec, agreement_save, citation_add, pair_refresh
from partners.models import Actor
from tests.api.conftest import Scenario, scenario
from tests.factories import ActorFactory, JapaneseCityFactory

__all__ = ["Scenario", "scenario"]


def count_queries(client, url: str, assert_max_queries, budget: int) -> int:
    """The queries of one request, at most `budget`, once a first request has filled caches."""
    client.get(url)  # the ContentType cache, the translations
    with assert_max_queries(budget) as captured:
        response = client.get(url)
    assert response.status_code == 200, response.content[:500]
    return len(captured)


@pytest.fixture
def more_rows(scenario):
    """Add `n` pairs, each with an agreement, an approval step, a project, activities, citations.

    Every row reaches every relation a page shows, so a page that queried per row would cost
    more queries after this than before.
    """

    def add(n: int) -> None:
        start = Actor.objects.count()
        for i in range(n):
            thai = ActorFactory(
                kind=Actor.Kind.CITY_MUNICIPALITY, country="TH", parent=scenario.chiang_mai,
                name_en="Extra Thai %d" % (start + i), slug="extra-th-%d" % (start + i),
            )  # fmt: skip
            foreign = JapaneseCityFactory(
                name_en="Extra Japan %d" % (start + i), parent=scenario.toyama,
                slug="extra-jp-%d" % (start + i),
            )  # fmt: skip
            agreement = agreement_save(
                agreement=Agreement(
                    kind=Agreement.Kind.FRIENDSHIP_CITY, title_en="Extra agreement %d" % i,
                    signed_on=dt.date(2000 + i % 20, 1, 1), signed_precision="year",
                ),
                parties=[PartySpec(thai), PartySpec(foreign), PartySpec(scenario.uozu, "witness")],
            )  # fmt: skip
            agreement.issues.set([scenario.ecotourism, scenario.education])
            ApprovalStep.objects.create(
                agreement=agreement, step="approved", body=scenario.bangkok,
                taken_on=dt.date(2000 + i % 20, 1, 1), taken_precision="year",
            )  # fmt: skip
            pair = agreement.pair
            pair.issues.set([scenario.ecotourism, scenario.education])
            project = Project.objects.create(title_en="Extra project %d" % i, pair=pair)
            project.issues.set([scenario.ecotourism])
            ProjectParticipant.objects.create(project=project, actor=thai, role="beneficiary")
            for year in (2005, 2010):
                activity = Activity.objects.create(
                    kind=Activity.Kind.VISIT, title_en="Extra visit %d" % i, pair=pair,
                    occurred_on=dt.date(year, 1, 1), occurred_precision="year",
                    agreement=agreement, project=project,
                )  # fmt: skip
                activity.actors.set([thai, foreign])
                citation_add(record=activity, source=scenario.source, locator="extra %d" % i)
            citation_add(record=agreement, source=scenario.source, locator="extra %d" % i)
            pair_refresh(pair)

    return add


@pytest.fixture
def grow_pair(scenario):
    """Give the scenario's Chiang Mai–Uozu pair `n` more agreements, steps and activities."""

    def add(n: int) -> None:
        for i in range(n):
            agreement = agreement_save(
                agreement=Agreement(
                    kind=Agreement.Kind.MOU, title_en="Chiang Mai–Uozu MoU %d" % i,
                    signed_on=dt.date(1995 + i, 1, 1), signed_precision="year",
                ),
                parties=[PartySpec(scenario.chiang_mai_city), PartySpec(scenario.uozu)],
            )  # fmt: skip
            agreement.issues.set([scenario.education])
            ApprovalStep.objects.create(
                agreement=agreement, step="submitted", body=scenario.bangkok
            )
            activity = Activity.objects.create(
                kind=Activity.Kind.EXCHANGE, title_en="Exchange %d" % i, pair=scenario.pair,
                occurred_on=dt.date(1995 + i, 6, 1), occurred_precision="month",
            )  # fmt: skip
            activity.issues.set([scenario.education])
            citation_add(record=activity, source=scenario.source, locator="row %d" % i)
            project = Project.objects.create(title_en="Project %d" % i, pair=scenario.pair)
            ProjectParticipant.objects.create(project=project, actor=scenario.uozu, role="funder")
        pair_refresh(scenario.pair)

    return add
