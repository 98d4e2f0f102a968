import pytest
from django.core.cache import cache

from cooperation.models import Issue
from cooperation.versions import VERSION_KEY, data_version
from partners.models import Tag

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def test_a_committed_write_gives_a_new_version(django_capture_on_commit_callbacks):
    before = data_version()
    with django_capture_on_commit_callbacks(execute=True):
        Issue.objects.create(slug="water", name="Water")
    assert data_version() != before


def test_the_version_waits_for_the_commit(django_capture_on_commit_callbacks):
    before = data_version()
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        Issue.objects.create(slug="water", name="Water")
    assert data_version() == before
    assert callbacks, "the bump waits in on_commit"


def test_writes_to_partners_count_too(django_capture_on_commit_callbacks):
    before = data_version()
    with django_capture_on_commit_callbacks(execute=True):
        Tag.objects.create(slug="eco-town", name="Eco-Town", category=Tag.Category.DESIGNATION)
    assert data_version() != before


def test_an_emptied_cache_starts_a_new_version_not_an_old_one():
    first = data_version()
    cache.delete(VERSION_KEY)
    assert data_version() > first
