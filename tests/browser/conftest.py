"""Fixtures for tests that drive Debian's Chromium through Playwright.

Every page a test opens is watched: a request to any host other than the live server fails the
test, because the portal must work offline (no CDN, no tile server). A screenshot of each test's
last page is kept under test-artifacts/ for a reviewer to look at.
"""

import os
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

# Playwright's sync API runs an event loop in the test's thread; the ORM calls the tests make
# around it are synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.path):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("%s is missing: `make test` installs Debian's chromium package" % CHROMIUM)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield browser
        browser.close()


@pytest.fixture
def outside_requests():
    """The URLs of every request a page made to a host other than the live server."""
    return []


@pytest.fixture
def page(browser, live_server, outside_requests, request):
    """A fresh page whose requests outside the live server are recorded and then fail the test."""
    own_host = urlsplit(live_server.url).netloc
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)

    def watch(req):
        if urlsplit(req.url).netloc not in (own_host, "") and not req.url.startswith("data:"):
            outside_requests.append(req.url)

    page.on("request", watch)
    yield page
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(
        path=ARTIFACTS / ("%s.png" % request.node.name.replace("/", "_")), full_page=True
    )
    context.close()
    assert outside_requests == [], "the page asked for something outside the portal"
