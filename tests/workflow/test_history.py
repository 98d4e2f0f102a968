"""Every write path leaves history: the admin, the API, imports, the workflow and the loaders."""

from __future__ import annotations

import pytest
import tablib
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation

from cooperation.imports import ActorResource
from cooperation.models import Citation, Interest, Issue
from cooperation.report_data import bulk_cite
from partners.models import Actor
from partners.reference import _bulk_upsert
from tests.admin_forms import admin_form_data
from tests.api.conftest import token_client
from tests.factories import IssueFactory, SourceFactory, ThaiProvinceFactory

pytestmark = pytest.mark.django_db


def admin_url(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


@pytest.fixture
def superuser_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("admin", password="pw-admin-1928")
    client.force_login(user)
    return client, user


def kinds_and_users(queryset):
    return list(
        queryset.order_by("history_id").values_list("history_type", "history_user__username")
    )


def test_admin_create_update_delete_leave_history_with_the_user(superuser_client):
    client, _user = superuser_client
    add = admin_url("admin:cooperation_issue_add")
    response = client.post(
        add, admin_form_data(client, add, slug="wastewater", name_en="Wastewater", name_th="น้ำเสีย")
    )
    assert response.status_code == 302, response.content
    issue = Issue.objects.get(slug="wastewater")
    change = admin_url("admin:cooperation_issue_change", issue.pk)
    response = client.post(change, admin_form_data(client, change, name_en="Waste water"))
    assert response.status_code == 302
    response = client.post(admin_url("admin:cooperation_issue_delete", issue.pk), {"post": "yes"})
    assert response.status_code == 302

    history = Issue.history.filter(id=issue.pk)
    assert kinds_and_users(history) == [("+", "admin"), ("~", "admin"), ("-", "admin")]
    changed = history.get(history_type="~")
    assert [(c.field, c.old, c.new) for c in changed.diff_against(changed.prev_record).changes] == [
        ("name_en", "Wastewater", "Waste water")
    ]


def test_admin_history_page_shows_the_diff_and_revert_restores(superuser_client):
    client, _user = superuser_client
    issue = IssueFactory(slug="smes", name_en="SMEs")
    issue.name_en = "Small firms"
    issue.save()
    page = client.get(admin_url("admin:cooperation_issue_history", issue.pk))
    assert page.status_code == 200
    text = page.content.decode()
    assert "SMEs" in text and "Small firms" in text  # the change list of the history view

    first = issue.history.order_by("history_id").first()
    revert = admin_url("admin:cooperation_issue_simple_history", issue.pk, first.history_id)
    response = client.post(revert, admin_form_data(client, revert))
    assert response.status_code == 302, response.content
    issue.refresh_from_db()
    assert issue.name_en == "SMEs"
    assert issue.history.count() == 3


def test_api_create_update_delete_leave_history_with_the_token_user(db):
    user = get_user_model().objects.create_user("ministry", is_staff=True)
    api = token_client(user)
    ThaiProvinceFactory(iso_code="TH-10", slug="bangkok")
    IssueFactory(slug="education")
    created = api.post(
        "/api/v1/interests/",
        {"actor": "TH-10", "issue": "education", "direction": "seeks"},
        format="json",
    )
    assert created.status_code == 201, created.content
    url = created.json()["url"]
    tag = created["ETag"]
    updated = api.patch(url, {"note_en": "Teachers"}, format="json", HTTP_IF_MATCH=tag)
    assert updated.status_code == 200, updated.content
    deleted = api.delete(url, HTTP_IF_MATCH=updated["ETag"])
    assert deleted.status_code == 204

    assert kinds_and_users(Interest.history.all()) == [
        ("+", "ministry"),
        ("~", "ministry"),
        ("-", "ministry"),
    ]


def test_import_leaves_history_with_its_reason(in_language):
    in_language("en")
    dataset = tablib.Dataset(headers=["slug", "kind", "country", "name_en", "name_th"])
    dataset.append(["nan", "province", "TH", "Nan", "น่าน"])
    result = ActorResource().import_data(dataset, dry_run=False, use_transactions=True)
    assert not result.has_validation_errors(), [r.error_dict for r in result.invalid_rows]
    actor = Actor.objects.get(slug="nan")
    assert list(actor.history.values_list("history_type", "history_change_reason")) == [
        ("+", "bulk import")
    ]


def test_bulk_reference_load_leaves_one_history_row_per_actor_created_or_changed(db):
    province = ThaiProvinceFactory(local_code="50", slug="chiang-mai")
    rows = [
        {"kind": Actor.Kind.DISTRICT, "local_code": "5001", "slug": "th-5001",
         "name_th": "เมืองเชียงใหม่", "name_en": "Mueang Chiang Mai", "parent": province},
        {"kind": Actor.Kind.DISTRICT, "local_code": "5002", "slug": "th-5002",
         "name_th": "จอมทอง", "name_en": "Chom Thong", "parent": province},
    ]  # fmt: skip
    _bulk_upsert(rows, country="TH")
    # A reload fills blanks and never overwrites curated names: change the parent instead.
    rows[1] = {**rows[1], "parent": ThaiProvinceFactory(local_code="51", slug="lamphun")}
    _bulk_upsert([dict(r) for r in rows], country="TH")

    history = Actor.history.filter(local_code__in=["5001", "5002"]).order_by(
        "local_code", "history_id"
    )
    assert list(
        history.values_list("local_code", "history_type", "parent__slug", "history_change_reason")
    ) == [
        ("5001", "+", "chiang-mai", "reference data: TH localities"),
        ("5002", "+", "chiang-mai", "reference data: TH localities"),
        ("5002", "~", "lamphun", "reference data: TH localities"),
    ]


def test_bulk_citations_leave_history(db):
    actor = ThaiProvinceFactory()
    source = SourceFactory()
    bulk_cite(source, [(actor.pk, "DOPA code 50", "", ""), (actor.pk, "DOPA code 50", "", "")])
    assert Citation.objects.count() == 1
    assert list(Citation.history.values_list("history_type", "locator")) == [("+", "DOPA code 50")]
