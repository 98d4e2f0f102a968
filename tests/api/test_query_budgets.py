"""Each list endpoint costs the same number of queries for 5 rows and for 50, and at most 8."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    ApprovalStep,
    Citation,
    Interest,
    Pair,
    Project,
    ProjectParticipant,
)
from cooperation.services import citation_add
from tests.factories import (
    IssueFactory,
    JapaneseCityFactory,
    JapanesePrefectureFactory,
    SourceFactory,
    ThaiProvinceFactory,
)

pytestmark = pytest.mark.django_db

ENDPOINTS = [
    "actors", "issues", "pairs", "agreements", "projects", "activities", "interests", "sources",
]  # fmt: skip
BUDGET = 8


@pytest.fixture
def rows_with_every_relation():
    """55 records of each kind, each with nested sides, issues, parties and citations."""
    source = SourceFactory()
    prefecture = JapanesePrefectureFactory()
    issues = [IssueFactory(parent=IssueFactory()) for _ in range(3)]
    for n in range(55):
        SourceFactory()
        thai = ThaiProvinceFactory()
        foreign = JapaneseCityFactory(parent=prefecture)
        pair = Pair.objects.create(thai=thai, foreign=foreign)
        pair.issues.set(issues[:2])
        agreement = Agreement.objects.create(kind="mou", title_en="A%d" % n, pair=pair)
        agreement.issues.set(issues)
        AgreementParty.objects.create(agreement=agreement, actor=thai)
        AgreementParty.objects.create(agreement=agreement, actor=foreign)
        ApprovalStep.objects.create(agreement=agreement, step="approved", body=thai)
        project = Project.objects.create(title_en="P%d" % n, pair=pair, agreement=agreement)
        project.issues.set(issues)
        ProjectParticipant.objects.create(project=project, actor=thai, role="funder")
        ProjectParticipant.objects.create(project=project, actor=foreign, role="partner")
        activity = Activity.objects.create(
            kind="visit", title_en="V%d" % n, pair=pair, agreement=agreement, project=project
        )
        activity.actors.set([thai, foreign])
        activity.issues.set(issues)
        interest = Interest.objects.create(actor=foreign, issue=issues[0], direction="offers")
        for record in (agreement, project, activity, interest):
            citation_add(record=record, source=source, locator="p. %d" % n)
    assert Citation.objects.count() == 220


def count_queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200, response.content
    return len(captured)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_list_query_count_does_not_grow_with_page_size(
    rows_with_every_relation, anonymous, endpoint
):
    few = count_queries(anonymous, "/api/v1/%s/?page_size=5" % endpoint)
    many = count_queries(anonymous, "/api/v1/%s/?page_size=50" % endpoint)
    assert few == many <= BUDGET


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_cursor_pages_keep_the_budget(rows_with_every_relation, anonymous, endpoint):
    assert count_queries(anonymous, "/api/v1/%s/?pagination=cursor&page_size=50" % endpoint) <= (
        BUDGET
    )


def test_filtered_pair_list_with_a_token_keeps_the_budget(
    rows_with_every_relation, researcher, django_assert_max_num_queries
):
    # Token lookup, the place's tree, the issue's tree, count, page, issues.
    with django_assert_max_num_queries(BUDGET):
        response = researcher.get("/api/v1/pairs/?page_size=50&partner_country=JP&dormant=false")
    assert len(response.json()["results"]) == 50
