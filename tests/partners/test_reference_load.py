"""Loading the packages' localities keeps the report's curated records; reloads are no-ops."""

import pytest

from partners import reference
from partners.models import Actor


@pytest.fixture
def curated_uozu(db):
    """Uozu as the report's loader leaves it: its own slug, names and spelling variants."""
    reference.load_regions()
    return Actor.objects.create(
        country="JP",
        kind=Actor.Kind.CITY,
        parent=Actor.objects.get(iso_code="JP-16"),
        slug="jp-uozu",
        name_en="Uozu City",
        name_th="เมืองยูโอซุ",
        name_ja="魚津市",
        local_code="162043",
        aliases="อูโอสึ\nUozu",
    )


def test_municipality_load_keeps_curated_slug_and_names_and_merges_aliases(curated_uozu):
    summary = reference.load_japanese_municipalities()

    uozu = Actor.objects.get(local_code="162043")
    assert (uozu.slug, uozu.name_th, uozu.name_ja) == ("jp-uozu", "เมืองยูโอซุ", "魚津市")
    assert uozu.alias_list == ["อูโอสึ", "Uozu", "ウオヅシ"]
    assert (summary.created, summary.updated) == (1740, 1)
    assert Actor.objects.filter(country="JP").exclude(kind=Actor.Kind.PREFECTURE).count() == 1741


def test_second_municipality_load_changes_nothing(curated_uozu):
    reference.load_japanese_municipalities()

    again = reference.load_japanese_municipalities()

    assert (again.created, again.updated, again.unchanged) == (0, 0, 1741)
    assert Actor.objects.get(local_code="162043").slug == "jp-uozu"
