"""A ministry editor enters a Thai sister-city agreement and submits it; a reviewer approves it."""

from __future__ import annotations

import datetime as dt
import importlib

import pytest
from django.apps import apps as django_apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import translation

from accounts import roles
from cooperation.models import Agreement
from partners.models import Actor
from tests.factories import ActorFactory, JapaneseCityFactory

PASSWORD = "Sister-cities-2532"


@pytest.fixture
def people(transactional_db):
    # A live-server test flushes the database between tests, groups made by migrations included.
    importlib.import_module("accounts.migrations.0002_roles").create_roles(django_apps, None)
    made = {}
    for username, role in (
        ("editor", roles.MINISTRY_EDITOR),
        ("reviewer", roles.INTERIOR_REVIEWER),
    ):
        user = get_user_model().objects.create_user(username, password=PASSWORD, is_staff=True)
        user.groups.add(Group.objects.get(name=role))
        made[username] = user
    ActorFactory(
        kind=Actor.Kind.CITY_MUNICIPALITY,
        country="TH",
        name_th="เทศบาลนครเชียงใหม่",
        name_en="Chiang Mai City Municipality",
        slug="chiang-mai-city",
    )
    JapaneseCityFactory(name_ja="魚津市", name_en="Uozu", name_th="อุโอซุ", slug="uozu")
    return made


def log_in(page, live_server, username):
    page.context.clear_cookies()
    page.goto(live_server.url + "/th/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    page.wait_for_selector("#content")


def choose(page, row: str, query: str, option: str):
    """Pick an actor in an inline's autocomplete (select2) as a person would."""
    page.locator("#%s .select2-selection" % row).click()
    page.locator('.select2-search__field[aria-controls="select2-id_%s-actor-results"]' % row).fill(
        query
    )
    page.locator(".select2-results__option", has_text=option).click()


def take_step(page, label: str, date: str, note: str = ""):
    page.get_by_role("link", name=label).click()
    page.fill("#id_on", date)
    if note:
        page.fill("#id_note", note)
    page.locator("input[name=_transition]").click()
    page.wait_for_selector(".messagelist .success")


def test_editor_enters_and_submits_a_thai_sister_city_agreement_and_a_reviewer_approves(
    page, live_server, people
):
    log_in(page, live_server, "editor")
    page.goto(live_server.url + "/th/admin/cooperation/agreement/add/")
    page.select_option("#id_kind", label="เมืองพี่เมืองน้อง")
    page.fill("#id_ref", "chiang-mai-uozu")
    page.fill("#id_title_th", "ข้อตกลงเมืองพี่เมืองน้อง เทศบาลนครเชียงใหม่–เมืองอุโอซุ")
    page.select_option("#id_status", label="อยู่ระหว่างการเสนอ")
    choose(page, "party_set-0", "เชียงใหม่", "เทศบาลนครเชียงใหม่")
    choose(page, "party_set-1", "魚津", "อุโอซุ")
    page.locator("input[name=_continue]").click()
    page.wait_for_selector(".messagelist .success")

    agreement = Agreement.objects.get(ref="chiang-mai-uozu")
    assert agreement.status == Agreement.Status.PROPOSED
    assert agreement.title_th == "ข้อตกลงเมืองพี่เมืองน้อง เทศบาลนครเชียงใหม่–เมืองอุโอซุ"
    with translation.override("th"):  # the test process's language is whatever ran before
        assert str(agreement.pair) == "เทศบาลนครเชียงใหม่ – อุโอซุ"

    take_step(page, "ยื่นขอความเห็นชอบ", "๑๕/๐๓/๒๕๖๗", "ตามมติสภาเทศบาล")
    assert "ยื่นขอความเห็นชอบแล้ว" in page.locator(".messagelist").inner_text()

    log_in(page, live_server, "reviewer")
    page.goto(live_server.url + "/th/admin/cooperation/agreementinreview/")
    page.get_by_role("link", name="ข้อตกลงเมืองพี่เมืองน้อง เทศบาลนครเชียงใหม่–เมืองอุโอซุ").click()
    take_step(page, "เริ่มพิจารณา", "20/03/2567")
    take_step(page, "ให้ความเห็นชอบ", "1/4/2567")

    agreement.refresh_from_db()
    assert agreement.status == Agreement.Status.APPROVED
    steps = agreement.approval_steps.order_by("pk")
    assert list(steps.values_list("step", "by__username", "taken_on", "note")) == [
        ("submitted", "editor", dt.date(2024, 3, 15), "ตามมติสภาเทศบาล"),
        ("under_review", "reviewer", dt.date(2024, 3, 20), ""),
        ("approved", "reviewer", dt.date(2024, 4, 1), ""),
    ]
    # The reviewer's queue is empty again.
    page.goto(live_server.url + "/th/admin/cooperation/agreementinreview/")
    assert page.locator("#result_list").count() == 0
