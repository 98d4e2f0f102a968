import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from partners.models import Actor
from tests.factories import (
    ActorFactory,
    JapaneseCityFactory,
    JapanesePrefectureFactory,
    ThaiProvinceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are lazy: they are read in the language active when the test reads them."""
    with translation.override("en"):
        yield


def test_japanese_prefecture_refused_inside_thai_province():
    chiang_mai = ThaiProvinceFactory(name_en="Chiang Mai")
    toyama = JapanesePrefectureFactory.build(name_en="Toyama", parent=chiang_mai)
    with pytest.raises(ValidationError) as caught:
        toyama.full_clean()
    assert caught.value.message_dict == {
        "parent": ["Japanese prefecture cannot lie inside Chiang Mai, which is in Thailand."]
    }


def test_city_inside_its_prefecture_is_accepted():
    toyama = JapanesePrefectureFactory(name_en="Toyama")
    uozu = JapaneseCityFactory.build(name_en="Uozu", parent=toyama)
    uozu.full_clean()


def test_prefecture_refused_inside_a_city():
    uozu = JapaneseCityFactory(name_en="Uozu")
    toyama = JapanesePrefectureFactory.build(name_en="Toyama", parent=uozu)
    with pytest.raises(ValidationError) as caught:
        toyama.full_clean()
    assert caught.value.message_dict["parent"] == [
        "Japanese prefecture cannot lie inside Uozu (City)."
    ]


def test_office_abroad_may_belong_to_a_body_of_another_country():
    toyama = JapanesePrefectureFactory(name_en="Toyama")
    office = ActorFactory.build(
        kind=Actor.Kind.OFFICE_ABROAD, country="TH", name_en="Toyama Bangkok Office", parent=toyama
    )
    office.full_clean()


def test_actor_cannot_be_its_own_ancestor():
    province = ThaiProvinceFactory()
    city = ActorFactory(kind=Actor.Kind.CITY_MUNICIPALITY, country="TH", parent=province)
    province.parent = city
    with pytest.raises(ValidationError) as caught:
        province.full_clean()
    assert "An actor cannot be part of itself." in caught.value.message_dict["parent"]


def test_database_refuses_a_japanese_kind_in_thailand():
    with pytest.raises(IntegrityError), transaction.atomic():
        Actor.objects.create(kind=Actor.Kind.PREFECTURE, country="TH", name_en="X", slug="x")


def test_name_required_in_at_least_one_language():
    actor = ActorFactory.build(name_en="")
    with pytest.raises(ValidationError) as caught:
        actor.full_clean()
    assert caught.value.message_dict["name_en"] == [
        "Give this in at least one language: Thai, English or Japanese."
    ]


def test_level_is_derived_from_kind():
    assert Actor(kind=Actor.Kind.PROVINCE).level == Actor.Level.REGIONAL
    assert Actor(kind=Actor.Kind.PREFECTURE).level == Actor.Level.REGIONAL
    assert Actor(kind=Actor.Kind.CITY_MUNICIPALITY).level == Actor.Level.MUNICIPAL
    assert Actor(kind=Actor.Kind.TOWN).level == Actor.Level.LOCAL
    assert Actor(kind=Actor.Kind.UNIVERSITY).level is None


def test_search_finds_every_language_and_alias_after_normalisation():
    uozu = JapaneseCityFactory(
        name_en="Uozu", name_ja="魚津市", name_th="อูโอสึ", aliases="ยูโอซุ\nอุโอซุ"
    )
    JapaneseCityFactory(name_en="Toyama City", name_ja="富山市")
    for query in ["魚津", "uozu", "UOZU", "ＵＯＺＵ", "อูโอสึ", "ยูโอซุ", "อุโอซุ", " Uo zu "]:
        assert list(Actor.objects.search(query)) == [uozu], query


def test_slug_is_derived_and_unique():
    first = ActorFactory(name_en="Chiang Mai", slug="")
    second = ActorFactory(name_en="Chiang Mai", slug="")
    assert (first.slug, second.slug) == ("chiang-mai", "chiang-mai-2")
