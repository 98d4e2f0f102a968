"""Who may do what: role x endpoint x method.

Roles: anonymous, a researcher's token, the token of Toyama's office (organisation A, with Uozu
under it), of Saitama's office (organisation B), and a ministry staff member's token.
"""

import pytest

from cooperation.models import Activity, Interest, Issue, Pair, Project, Source
from partners.models import Actor

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "researcher", "office_a", "office_b", "staff"]
ENDPOINTS = [
    "actors", "issues", "pairs", "agreements", "projects", "activities", "interests", "sources",
]  # fmt: skip
PARTNER_WRITABLE = {"projects", "activities", "interests"}

NEW = {
    "actors": {"kind": "city", "country": "JP", "name_en": "Himi", "parent": "JP-16"},
    "issues": {"slug": "fisheries", "name_en": "Fisheries"},
    "pairs": {"thai": "TH-35", "foreign": "uozu"},
    "agreements": {
        "kind": "friendship_city",
        "title_en": "Yasothon–Uozu friendship",
        "parties": [
            {"actor": "TH-35", "role": "signatory"},
            {"actor": "uozu", "role": "signatory"},
        ],
    },
    "projects": {
        "title_en": "Fish market study",
        "status": "planned",
        "participants": [{"actor": "uozu", "role": "implementer"}],
    },
    "activities": {
        "kind": "meeting",
        "title_en": "Online meeting",
        "actors": ["uozu"],
        "occurred": "2566",
    },
    "interests": {"actor": "uozu", "issue": "education", "direction": "seeks"},
    "sources": {"slug": "new-source", "kind": "report", "title": "A new report"},
}
CHANGE = {
    "actors": {"name_en": "Yasothon Province"},
    "issues": {"name_ja": "きょういく"},
    "pairs": {"success_level": "economic"},
    "agreements": {"title_th": "ข้อตกลงเชียงใหม่–อูโอซึ"},
    "projects": {"status": "completed"},
    "activities": {"title_ja": "市長の訪問"},
    "interests": {"note_en": "Hot-spring tourism"},
    "sources": {"year": 2021},
}


def target(scenario, endpoint: str):
    """A record that office A takes part in (through Uozu) and office B does not."""
    return {
        "actors": Actor.objects.get(slug="th-35"),
        "issues": scenario.education,
        "pairs": scenario.pair,
        "agreements": scenario.agreement,
        "projects": scenario.project,
        "activities": scenario.activity,
        "interests": scenario.interest,
        "sources": scenario.source,
    }[endpoint]


def disposable(scenario, endpoint: str):
    """A record nothing depends on, so that deleting it can succeed."""
    if endpoint == "actors":
        return Actor.objects.create(kind="city", country="JP", name_en="Nanto", slug="nanto")
    if endpoint == "issues":
        return Issue.objects.create(slug="spare", name_en="Spare")
    if endpoint == "pairs":
        return Pair.objects.create(thai=Actor.objects.get(slug="th-35"), foreign=scenario.toyama)
    if endpoint == "sources":
        return Source.objects.get(slug="dip-mou-list")
    if endpoint == "agreements":
        return scenario.other_agreement  # the first one has a project, which protects it
    return target(scenario, endpoint)


def expected_write(role: str, endpoint: str, method: str, success: int) -> int:
    if role == "anonymous":
        return 401
    if role == "staff":
        return success
    if role == "office_a" and endpoint in PARTNER_WRITABLE and method != "delete":
        return success
    return 403


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("role", ROLES)
def test_everyone_reads(request, scenario, role, endpoint):
    client = request.getfixturevalue(role)
    assert client.get("/api/v1/%s/" % endpoint).status_code == 200
    obj = target(scenario, endpoint)
    assert client.get("/api/v1/%s/%d/" % (endpoint, obj.pk)).status_code == 200


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("role", ROLES)
def test_create(request, scenario, role, endpoint):
    client = request.getfixturevalue(role)
    model = target(scenario, endpoint).__class__
    before = model.objects.count()
    response = client.post("/api/v1/%s/" % endpoint, NEW[endpoint], format="json")
    expected = expected_write(role, endpoint, "post", 201)
    assert response.status_code == expected, response.content
    assert model.objects.count() == before + (1 if expected == 201 else 0)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("role", ROLES)
def test_update(request, scenario, staff, role, endpoint):
    client = request.getfixturevalue(role)
    obj = target(scenario, endpoint)
    url = "/api/v1/%s/%d/" % (endpoint, obj.pk)
    etag = client.get(url)["ETag"]
    response = client.patch(url, CHANGE[endpoint], format="json", HTTP_IF_MATCH=etag)
    expected = expected_write(role, endpoint, "patch", 200)
    assert response.status_code == expected, response.content
    field, value = next(iter(CHANGE[endpoint].items()))
    stored = staff.get(url).json()[field]
    assert (stored == value) == (expected == 200)


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("role", ROLES)
def test_delete(request, scenario, role, endpoint):
    client = request.getfixturevalue(role)
    obj = disposable(scenario, endpoint)
    url = "/api/v1/%s/%d/" % (endpoint, obj.pk)
    etag = client.get(url)["ETag"]
    response = client.delete(url, HTTP_IF_MATCH=etag)
    expected = expected_write(role, endpoint, "delete", 204)
    assert response.status_code == expected, response.content
    assert obj.__class__.objects.filter(pk=obj.pk).exists() == (expected != 204)


def test_office_cannot_create_a_project_without_its_organisation(scenario, office_a):
    payload = {"title_en": "Saitama only", "participants": [{"actor": "jp-11", "role": "funder"}]}
    response = office_a.post("/api/v1/projects/", payload, format="json")
    assert response.status_code == 403
    assert not Project.objects.filter(title_en="Saitama only").exists()


def test_office_cannot_write_itself_out_of_its_project(scenario, office_a):
    url = "/api/v1/projects/%d/" % scenario.project.pk
    etag = office_a.get(url)["ETag"]
    payload = {"participants": [{"actor": "chiang-mai-city", "role": "beneficiary"}]}
    response = office_a.patch(url, payload, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 403
    assert scenario.project.participant_set.filter(actor=scenario.uozu).exists()


def test_office_b_may_edit_its_own_interest(scenario, office_b):
    interest = Interest.objects.create(
        actor=scenario.saitama, issue=scenario.education, direction="offers"
    )
    url = "/api/v1/interests/%d/" % interest.pk
    etag = office_b.get(url)["ETag"]
    response = office_b.patch(url, {"note_en": "SMEs"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert Activity.objects.count() == 2  # nothing else was touched
