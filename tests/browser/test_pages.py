"""The researchers' portal in Debian's Chromium: filters, languages, timeline, export, map.

The `page` fixture fails any test whose pages ask for anything outside the portal, and keeps a
screenshot of each test's last page under test-artifacts/.
"""

import io

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from tests.pages.conftest import Scenario, scenario  # noqa: F401 (a fixture, used by name)

pytestmark = pytest.mark.django_db(transaction=True)


def pair_rows(page) -> list[str]:
    return page.locator("#pair-table tbody tr td:first-child a").all_inner_texts()


def test_filter_pairs_by_an_issue_shows_exactly_its_pairs(page, live_server, scenario):  # noqa: F811
    page.goto(live_server.url + "/en/pairs/")
    expect(page.locator(".result-count")).to_contain_text("2 records")

    page.get_by_label("Issue (with its sub-issues)").select_option("tourism")

    # htmx swaps the results in and puts the filter in the address bar.
    expect(page.locator(".result-count")).to_contain_text("1 record")
    assert pair_rows(page) == ["Chiang Mai City Municipality"]
    assert page.url == live_server.url + "/en/pairs/?issue=tourism"


def test_a_year_the_filter_cannot_read_is_explained_in_place(page, live_server, scenario):  # noqa: F811
    page.goto(live_server.url + "/en/pairs/")

    page.get_by_label("From", exact=True).fill("13th month")
    page.get_by_label("From", exact=True).press("Enter")

    expect(page.locator(".errors")).to_contain_text("Some filters could not be read")
    expect(page.locator(".result-count")).to_contain_text("0 records")


def test_switching_language_keeps_the_filters(page, live_server, scenario):  # noqa: F811
    page.goto(live_server.url + "/en/pairs/?dormant=false")
    page.get_by_label("Issue (with its sub-issues)").select_option("education")
    expect(page.locator(".result-count")).to_contain_text("1 record")
    # htmx puts the new address in the address bar just after it settles the rows.
    expect(page).to_have_url(live_server.url + "/en/pairs/?issue=education&dormant=false")

    page.get_by_role("link", name="ภาษาไทย").click()

    expect(page.locator("html")).to_have_attribute("lang", "th")
    assert page.url == live_server.url + "/th/pairs/?issue=education&dormant=false"
    expect(page.get_by_label("ประเด็น (รวมประเด็นย่อย)")).to_have_value("education")
    expect(page.get_by_label("ไม่มีความเคลื่อนไหว")).to_have_value("false")
    assert pair_rows(page) == ["Bangkok"]


def test_a_pair_shows_its_activity_timeline(page, live_server, scenario):  # noqa: F811
    page.goto(live_server.url + "/en/pairs/")
    page.get_by_role("link", name="Chiang Mai City Municipality").click()

    expect(page.locator("h1")).to_have_text("Chiang Mai City Municipality – Uozu")
    timeline = page.locator("#activity-timeline li")
    expect(timeline).to_have_count(3)
    expect(timeline.nth(1)).to_contain_text("12 Oct 2012")
    expect(timeline.nth(1)).to_contain_text("Uozu mayor visits Chiang Mai")
    # Chart.js has drawn the activities-per-year picture.
    expect(page.locator("#chart-timeline")).to_have_attribute("data-drawn", "true")
    expect(page.locator("#pair-status")).to_have_text("Dormant")


def test_export_xlsx_and_read_it_back(page, live_server, scenario):  # noqa: F811
    page.goto(live_server.url + "/th/pairs/?issue=education")

    with page.expect_download() as download_info:
        page.get_by_role("link", name="XLSX").click()
    path = download_info.value.path()
    rows = list(
        load_workbook(io.BytesIO(open(path, "rb").read())).active.iter_rows(values_only=True)
    )

    assert rows[0][0] == "ฝ่ายไทย"
    assert [row[0] for row in rows[1:]] == ["Bangkok"]
    assert rows[1][6] == "2558"  # signed 2015, in B.E.


def test_the_map_draws_the_pairs_and_a_place_filters_the_list(page, live_server, scenario):  # noqa: F811
    page.goto(live_server.url + "/en/")

    lines = page.locator("#map .pair-line")
    expect(lines).to_have_count(2)
    assert sorted(
        (
            line.get_attribute("data-from"),
            line.get_attribute("data-to"),
            line.get_attribute("stroke"),
        )
        for line in lines.all()
    ) == [("TH-10", "JP-11", "#1a7f37"), ("TH-50", "JP-16", "#b35900")]

    page.locator('#map path.place[data-code="JP-16"]').click()

    expect(page).to_have_url(live_server.url + "/en/pairs/?prefecture=JP-16")
    assert pair_rows(page) == ["Chiang Mai City Municipality"]


def test_every_page_works_offline_and_on_a_phone(page, live_server, scenario):  # noqa: F811
    page.set_viewport_size({"width": 375, "height": 740})
    urls = [
        "/th/", "/ja/pairs/?issue=tourism", "/th/pairs/%d/" % scenario.pair.pk,
        "/en/agreements/", "/en/agreements/%d/" % scenario.agreement.pk, "/ja/projects/",
        "/en/projects/%d/" % scenario.project.pk, "/th/issues/", "/en/issues/tourism/",
        "/ja/actors/", "/th/actors/uozu/",
    ]  # fmt: skip
    for url in urls:
        page.goto(live_server.url + url)
        page.wait_for_load_state("networkidle")
        wide = page.evaluate("document.documentElement.scrollWidth > window.innerWidth + 1")
        assert not wide, "%s scrolls sideways on a phone" % url
    # The last page is Uozu's, in Thai: keyboard users can skip to the content.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
