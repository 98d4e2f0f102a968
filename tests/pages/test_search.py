"""The pair list's search finds the report's pairs in Thai (any spelling), Japanese and English."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.db import transaction

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module", autouse=True)
def portal_data(django_db_setup, django_db_blocker):
    """The report's records, loaded once for the module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_portal_data", stdout=StringIO())
        yield
        transaction.set_rollback(True)


def thai_sides(client, query: str) -> list[str]:
    response = client.get("/th/pairs/", {"q": query})
    assert response.status_code == 200
    return sorted(pair.thai.slug for pair in response.context["page"].object_list)


def test_finds_a_report_spelling_variant(client):
    # The report writes Tha Kat as ทากาด as well as ทากาศ.
    assert thai_sides(client, "ทากาด") == ["th-tha-kat"]
    assert thai_sides(client, "ทากาศ") == ["th-tha-kat"]


def test_finds_sara_am_as_the_pdf_spells_it_and_decomposed(client):
    whole = thai_sides(client, "เทศบาลตำบลแม่สาย")
    assert whole == ["th-mae-sai-municipality"]
    assert thai_sides(client, "เทศบาลต าบลแม่สาย") == whole  # PDF extraction: "ำ" as " า"
    assert thai_sides(client, "เทศบาลต\u0e4d\u0e32บลแม่สาย") == whole  # NIKHAHIT + SARA AA


def test_finds_japanese_and_english_names(client):
    assert thai_sides(client, "揖斐川") == ["th-tha-kat"]
    assert thai_sides(client, "ibigawa") == ["th-tha-kat"]
    assert thai_sides(client, "ＩＢＩＧＡＷＡ") == ["th-tha-kat"]  # full-width Latin


def test_search_keeps_other_filters(client):
    response = client.get("/en/pairs/", {"q": "ibigawa", "status": "ended"})

    assert list(response.context["page"].object_list) == []
