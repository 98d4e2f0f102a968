"""Writes carry the record's ETag: a stale one gets 412, none gets 428, and nothing changes."""

import pytest

from cooperation.models import Pair, Project

pytestmark = pytest.mark.django_db


def test_update_without_if_match_is_428_and_changes_nothing(scenario, staff):
    url = "/api/v1/projects/%d/" % scenario.project.pk
    response = staff.patch(url, {"status": "completed"}, format="json")
    assert response.status_code == 428
    assert "If-Match" in response.json()["detail"]
    assert Project.objects.get(pk=scenario.project.pk).status == "ongoing"


def test_update_with_a_stale_etag_is_412_and_changes_nothing(scenario, staff):
    url = "/api/v1/projects/%d/" % scenario.project.pk
    stale = staff.get(url)["ETag"]
    first = staff.patch(url, {"status": "completed"}, format="json", HTTP_IF_MATCH=stale)
    assert first.status_code == 200
    assert first["ETag"] != stale
    second = staff.patch(url, {"status": "cancelled"}, format="json", HTTP_IF_MATCH=stale)
    assert second.status_code == 412
    assert Project.objects.get(pk=scenario.project.pk).status == "completed"
    third = staff.patch(url, {"status": "cancelled"}, format="json", HTTP_IF_MATCH=first["ETag"])
    assert third.status_code == 200


def test_delete_needs_a_fresh_etag(scenario, staff):
    url = "/api/v1/pairs/%d/" % scenario.other_pair.pk
    assert staff.delete(url).status_code == 428
    assert staff.delete(url, HTTP_IF_MATCH='"stale"').status_code == 412
    assert Pair.objects.filter(pk=scenario.other_pair.pk).exists()


def test_etag_is_the_same_in_every_language_and_changes_with_related_rows(scenario, staff):
    url = "/api/v1/projects/%d/" % scenario.project.pk
    tags = {staff.get(url + "?lang=%s" % lang)["ETag"] for lang in ("th", "en", "ja")}
    assert len(tags) == 1
    scenario.project.participant_set.filter(actor=scenario.chiang_mai_city).delete()
    assert staff.get(url)["ETag"] not in tags


def test_if_none_match_gives_304(scenario, anonymous):
    url = "/api/v1/actors/uozu/"
    etag = anonymous.get(url)["ETag"]
    assert anonymous.get(url, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_put_replaces_and_weak_etags_are_accepted(scenario, staff):
    url = "/api/v1/issues/%d/" % scenario.education.pk
    read = staff.get(url)
    body = read.json() | {"name_th": "การศึกษา"}
    response = staff.put(url, body, format="json", HTTP_IF_MATCH="W/" + read["ETag"])
    assert response.status_code == 200, response.content
    assert response.json()["name_th"] == "การศึกษา"


def test_create_answers_with_the_etag_a_read_gives(scenario, staff):
    response = staff.post(
        "/api/v1/interests/",
        {"actor": "TH-10", "issue": "education", "direction": "seeks"},
        format="json",
    )
    assert response.status_code == 201
    assert staff.get(response.json()["url"])["ETag"] == response["ETag"]
