"""The admin finds records in any language and renders in Thai, English and Japanese."""

import pytest
from django.urls import reverse
from django.utils import translation

from partners.models import Actor
from tests.factories import (
    ActorFactory,
    IssueFactory,
    JapaneseCityFactory,
    JapanesePrefectureFactory,
    ThaiProvinceFactory,
)

pytestmark = pytest.mark.django_db


def changelist(client, model, language="en", **params):
    with translation.override(language):
        address = reverse("admin:%s_changelist" % model)
    return client.get(address, params)


def found(response) -> list[str]:
    return [str(obj) for obj in response.context["cl"].result_list]


@pytest.fixture
def places():
    toyama = JapanesePrefectureFactory(name_en="Toyama", name_ja="富山県", name_th="โทยามะ")
    JapaneseCityFactory(
        name_en="Uozu",
        name_ja="魚津市",
        name_th="อูโอสึ",
        aliases="ยูโอซุ\nอุโอซุ",
        parent=toyama,
    )
    chiang_mai = ThaiProvinceFactory(
        name_en="Chiang Mai", name_th="เชียงใหม่", name_ja="チェンマイ県", iso_code="TH-50"
    )
    ActorFactory(
        kind=Actor.Kind.CITY_MUNICIPALITY,
        country="TH",
        name_en="Chiang Mai City Municipality",
        name_th="เทศบาลนครเชียงใหม่",
        name_ja="チェンマイ市",
        parent=chiang_mai,
    )
    ThaiProvinceFactory(name_en="Lamphun", name_th="ลำพูน", name_ja="ランプーン県")


@pytest.mark.parametrize("query", ["魚津", "Uozu", "อูโอสึ", "ยูโอซุ", "uozu ", "ＵＯＺＵ"])
def test_admin_search_finds_uozu_by_every_spelling(admin_client, places, query):
    assert found(changelist(admin_client, "partners_actor", q=query)) == ["Uozu"]


@pytest.mark.parametrize("query", ["Chiang Mai", "เชียงใหม่", "チェンマイ", "chiangmai"])
def test_admin_search_finds_chiang_mai_in_three_languages(admin_client, places, query):
    assert sorted(found(changelist(admin_client, "partners_actor", q=query))) == [
        "Chiang Mai",
        "Chiang Mai City Municipality",
    ]


def test_admin_search_finds_a_place_by_its_code(admin_client, places):
    assert found(changelist(admin_client, "partners_actor", q="th-50")) == ["Chiang Mai"]


def test_admin_search_matches_thai_typed_with_decomposed_sara_am(admin_client, places):
    decomposed = "ล\u0e4d\u0e32พูน"  # LO LING + NIKHAHIT + SARA AA instead of SARA AM
    assert found(changelist(admin_client, "partners_actor", q=decomposed)) == ["Lamphun"]
    pdf_broken = "ล าพูน"  # the report's PDF extraction writes SARA AM as a space and SARA AA
    assert found(changelist(admin_client, "partners_actor", q=pdf_broken)) == ["Lamphun"]


def test_admin_autocomplete_uses_the_same_search(admin_client, places):
    response = admin_client.get(
        "/en/admin/autocomplete/",
        {
            "term": "ยูโอซุ",
            "app_label": "cooperation",
            "model_name": "pair",
            "field_name": "foreign",
        },
    )
    assert [r["text"] for r in response.json()["results"]] == ["Uozu"]


ADMIN_PAGES = [
    "partners_actor",
    "partners_tag",
    "cooperation_issue",
    "cooperation_pair",
    "cooperation_agreement",
    "cooperation_project",
    "cooperation_activity",
    "cooperation_interest",
    "cooperation_tie",
    "cooperation_source",
    "cooperation_citation",
]

# A string of the project's own and one of Django's admin in each language: the page must show
# both translated.
EXPECTED = {
    "th": ["ผู้มีส่วนร่วม", "ความร่วมมือ", "ค้นหา"],
    "en": ["Partners", "Cooperation", "Search"],
    "ja": ["関係主体", "協力", "検索"],
}


@pytest.mark.parametrize("language", ["th", "en", "ja"])
def test_admin_index_renders_translated(admin_client, language):
    with translation.override(language):
        response = admin_client.get(reverse("admin:index"))
    html = response.content.decode()
    assert response.status_code == 200
    for text in EXPECTED[language][:2]:
        assert text in html
    assert '<html lang="%s"' % language in html


@pytest.mark.parametrize("language", ["th", "en", "ja"])
@pytest.mark.parametrize("page", ADMIN_PAGES)
def test_admin_list_and_add_pages_render(admin_client, places, language, page):
    IssueFactory(name_en="Education", name_th="การศึกษา", name_ja="教育")
    with translation.override(language):
        list_response = admin_client.get(reverse("admin:%s_changelist" % page))
        add_response = admin_client.get(reverse("admin:%s_add" % page))
    assert (list_response.status_code, add_response.status_code) == (200, 200)
    if page == "partners_actor":
        assert EXPECTED[language][2] in list_response.content.decode()


def test_actor_changelist_query_count_does_not_grow_with_rows(
    admin_client, places, django_assert_max_num_queries
):
    for i in range(30):
        JapaneseCityFactory(name_en="City %d" % i)
    with django_assert_max_num_queries(12):
        response = changelist(admin_client, "partners_actor")
    assert response.context["cl"].result_count == 35
