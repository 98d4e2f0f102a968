"""Entering records through the admin: partial dates, parties, and refusals that save nothing."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import translation

from cooperation.models import Agreement, AgreementParty, Pair, Project
from partners.models import Actor
from tests.admin_forms import admin_form_data
from tests.factories import ActorFactory, JapaneseCityFactory, ThaiProvinceFactory

pytestmark = pytest.mark.django_db


def url(name, language, *args):
    with translation.override(language):
        return reverse(name, args=args)


def errors_of(response) -> list[str]:
    """Every error message the admin shows on a form it refused."""
    assert response.status_code == 200, "expected the form back with errors"
    context = response.context
    messages = list(context["adminform"].form.non_field_errors())
    for field in context["adminform"].form:
        messages += list(field.errors)
    for formset in context["inline_admin_formsets"]:
        messages += list(formset.formset.non_form_errors())
        for form in formset.formset.forms:
            for field_errors in form.errors.values():
                messages += list(field_errors)
    return messages


def thai_city(name_en, name_th):
    return ActorFactory(
        kind=Actor.Kind.CITY_MUNICIPALITY, country="TH", name_en=name_en, name_th=name_th
    )


def agreement_form(admin_client, language, *, kind, signed, parties):
    data = admin_form_data(admin_client, url("admin:cooperation_agreement_add", language))
    data.update(
        {
            "kind": kind,
            "title_th": "ข้อตกลงทดสอบ",
            "title_en": "Test agreement",
            "status": Agreement.Status.SIGNED,
            "signed_on": signed,
            "signed_basis": Agreement.DateBasis.SIGNING,
        }
    )
    for i, actor in enumerate(parties):
        data["party_set-%d-actor" % i] = str(actor.pk)
        data["party_set-%d-role" % i] = AgreementParty.Role.SIGNATORY
    data["party_set-TOTAL_FORMS"] = str(max(len(parties), 2))
    return data


def test_sister_city_between_two_thai_parties_refused_in_thai_and_nothing_saved(admin_client):
    parties = [thai_city("Chiang Mai", "เชียงใหม่"), thai_city("Khon Kaen", "ขอนแก่น")]
    data = agreement_form(
        admin_client, "th", kind=Agreement.Kind.SISTER_CITY, signed="2535", parties=parties
    )
    response = admin_client.post(url("admin:cooperation_agreement_add", "th"), data)
    assert errors_of(response) == [
        "ข้อตกลงประเภทเมืองพี่เมืองน้องต้องเป็นความร่วมมือระหว่างท้องถิ่นของสองประเทศ "
        "แต่เชียงใหม่และขอนแก่นอยู่ในประเทศไทยทั้งคู่"
    ]
    assert (Agreement.objects.count(), AgreementParty.objects.count()) == (0, 0)


def test_sister_city_entered_in_thai_with_buddhist_year_creates_the_pair(admin_client):
    thai, uozu = thai_city("Chiang Mai", "เชียงใหม่"), JapaneseCityFactory(name_en="Uozu")
    data = agreement_form(
        admin_client,
        "th",
        kind=Agreement.Kind.SISTER_CITY,
        signed="ส.ค. 2532",
        parties=[thai, uozu],
    )
    response = admin_client.post(url("admin:cooperation_agreement_add", "th"), data)
    assert response.status_code == 302, errors_of(response)
    agreement = Agreement.objects.get()
    assert (agreement.signed_on, agreement.signed_precision) == (dt.date(1989, 8, 1), "month")
    pair = Pair.objects.get()
    assert (agreement.pair, pair.thai, pair.foreign) == (pair, thai, uozu)
    assert pair.first_signed_on == dt.date(1989, 8, 1)
    pairs = admin_client.get(url("admin:cooperation_pair_changelist", "th")).content.decode()
    assert '<td class="field-first_signed">2532</td>' in pairs


def test_buddhist_year_typed_in_english_interface_is_refused_with_the_converted_year(
    admin_client,
):
    parties = [thai_city("Yasothon", "ยโสธร"), JapaneseCityFactory(name_en="Chichibu")]
    data = agreement_form(
        admin_client, "en", kind=Agreement.Kind.SISTER_CITY, signed="2535", parties=parties
    )
    response = admin_client.post(url("admin:cooperation_agreement_add", "en"), data)
    assert errors_of(response) == [
        "2535 is not a Common Era year; it looks like a Buddhist Era year. "
        "Did you mean 1992 (B.E. 2535)?"
    ]
    assert Agreement.objects.count() == 0


def test_impossible_day_is_refused(admin_client):
    parties = [thai_city("Yasothon", "ยโสธร"), JapaneseCityFactory(name_en="Chichibu")]
    data = agreement_form(
        admin_client, "en", kind=Agreement.Kind.SISTER_CITY, signed="31/02/2012", parties=parties
    )
    response = admin_client.post(url("admin:cooperation_agreement_add", "en"), data)
    assert errors_of(response) == ["February 2012 has no day 31."]
    assert Agreement.objects.count() == 0


def test_thai_interface_shows_buddhist_era_year(admin_client):
    agreement = Agreement.objects.create(
        kind=Agreement.Kind.SISTER_CITY,
        title_en="Yasothon – Chichibu",
        signed_on=dt.date(1992, 1, 1),
        signed_precision="year",
    )
    changelist = admin_client.get(url("admin:cooperation_agreement_changelist", "th"))
    assert '<td class="field-signed">2535</td>' in changelist.content.decode()
    form = admin_client.get(url("admin:cooperation_agreement_change", "th", agreement.pk))
    assert 'name="signed_on" value="2535"' in form.content.decode()
    english = admin_client.get(url("admin:cooperation_agreement_changelist", "en"))
    assert '<td class="field-signed">1992</td>' in english.content.decode()


def test_project_end_before_start_negative_amount_and_unknown_currency_refused(admin_client):
    data = admin_form_data(admin_client, url("admin:cooperation_project_add", "en"))
    data.update(
        {
            "title_en": "Wastewater training",
            "status": Project.Status.COMPLETED,
            "starts_on": "05/2015",
            "ends_on": "03/2015",
            "amount": "-5",
            "currency": "XYZ",
            "amount_basis": Project.AmountBasis.TOTAL,
        }
    )
    response = admin_client.post(url("admin:cooperation_project_add", "en"), data)
    assert sorted(errors_of(response)) == [
        "Ensure this value is greater than or equal to 0.",
        "Select a valid choice. XYZ is not one of the available choices.",
        "The end cannot come before the start.",
    ]
    assert Project.objects.count() == 0


def test_prefecture_inside_thai_province_refused_in_japanese(admin_client):
    chiang_mai = ThaiProvinceFactory(name_en="Chiang Mai", name_ja="チェンマイ県")
    data = admin_form_data(admin_client, url("admin:partners_actor_add", "ja"))
    data.update(
        {
            "name_ja": "富山県",
            "kind": Actor.Kind.PREFECTURE,
            "country": "JP",
            "parent": chiang_mai.pk,
        }
    )
    response = admin_client.post(url("admin:partners_actor_add", "ja"), data)
    assert errors_of(response) == ["日本の都道府県はタイのチェンマイ県の中に置くことはできません。"]
    assert not Actor.objects.filter(name_ja="富山県").exists()


def test_duplicate_pair_and_self_pair_refused(admin_client):
    thai, foreign = ThaiProvinceFactory(), JapaneseCityFactory()
    Pair.objects.create(thai=thai, foreign=foreign)
    data = admin_form_data(admin_client, url("admin:cooperation_pair_add", "en"))
    data.update({"thai": thai.pk, "foreign": foreign.pk})
    response = admin_client.post(url("admin:cooperation_pair_add", "en"), data)
    assert errors_of(response) == ["These two actors are already a pair."]
    data.update({"foreign": thai.pk})
    response = admin_client.post(url("admin:cooperation_pair_add", "en"), data)
    assert "An actor cannot be paired with itself." in errors_of(response)
    assert Pair.objects.count() == 1
