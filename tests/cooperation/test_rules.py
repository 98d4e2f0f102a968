"""The rules the database and the services hold, tried with bad input."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation

from cooperation import services
from cooperation.models import Agreement, AgreementParty, Pair, Project
from partners.models import Actor
from tests.factories import (
    ActorFactory,
    JapaneseCityFactory,
    PairFactory,
    ThaiProvinceFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def english():
    """Messages are lazy: they are read in the language active when the test reads them."""
    with translation.override("en"):
        yield


def thai_city(name):
    return ActorFactory(kind=Actor.Kind.CITY_MUNICIPALITY, country="TH", name_en=name)


def test_sister_city_between_two_thai_parties_is_refused_and_nothing_saved():
    agreement = Agreement(kind=Agreement.Kind.SISTER_CITY, title_en="Chiang Mai – Khon Kaen")
    parties = [
        services.PartySpec(thai_city("Chiang Mai")),
        services.PartySpec(thai_city("Khon Kaen")),
    ]
    with pytest.raises(ValidationError) as caught:
        services.agreement_save(agreement=agreement, parties=parties)
    assert caught.value.messages == [
        "A sister city agreement joins localities of two countries; "
        "Chiang Mai and Khon Kaen are both in Thailand."
    ]
    assert (Agreement.objects.count(), AgreementParty.objects.count(), Pair.objects.count()) == (
        0,
        0,
        0,
    )


def test_sister_city_needs_two_locality_signatories():
    university = ActorFactory(kind=Actor.Kind.UNIVERSITY, country="TH", name_en="CMU")
    parties = [services.PartySpec(university), services.PartySpec(JapaneseCityFactory())]
    with pytest.raises(ValidationError) as caught:
        services.agreement_check_parties(kind=Agreement.Kind.SISTER_CITY, parties=parties)
    assert caught.value.messages == [
        "A sister city agreement is signed by exactly two localities; "
        "this one has 1 locality signatories among 2."
    ]


def test_sister_city_agreement_creates_its_pair_with_derived_dates():
    thai, uozu = thai_city("Chiang Mai"), JapaneseCityFactory(name_en="Uozu")
    agreement = Agreement(
        kind=Agreement.Kind.SISTER_CITY,
        title_en="Chiang Mai – Uozu",
        signed_on=dt.date(1989, 8, 1),
        signed_precision="month",
    )
    services.agreement_save(
        agreement=agreement,
        parties=[services.PartySpec(thai), services.PartySpec(uozu)],
    )
    pair = Pair.objects.get()
    assert (pair.thai, pair.foreign, agreement.pair) == (thai, uozu, pair)
    assert (pair.first_signed_on, pair.last_activity_on) == (dt.date(1989, 8, 1),) * 2
    assert pair.status_on(dt.date(2026, 1, 1)) == Pair.Status.DORMANT
    assert pair.status_on(dt.date(1990, 1, 1)) == Pair.Status.ACTIVE
    annotated = Pair.objects.with_status(today=dt.date(2026, 1, 1)).get()
    assert annotated.status == Pair.Status.DORMANT


def test_multilateral_agreement_belongs_to_no_pair():
    parties = [
        services.PartySpec(thai_city("Bangkok")),
        services.PartySpec(JapaneseCityFactory()),
        services.PartySpec(JapaneseCityFactory()),
    ]
    agreement = services.agreement_save(
        agreement=Agreement(kind=Agreement.Kind.MOU, title_en="Network MoU"), parties=parties
    )
    assert agreement.pair is None
    assert Pair.objects.count() == 0


def test_pair_of_an_actor_with_itself_is_refused():
    thai = ThaiProvinceFactory()
    with pytest.raises(ValidationError) as caught:
        Pair(thai=thai, foreign=thai).full_clean()
    assert "An actor cannot be paired with itself." in caught.value.messages
    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.create(thai=thai, foreign=thai)


def test_duplicate_pair_is_refused():
    pair = PairFactory()
    with pytest.raises(ValidationError) as caught:
        Pair(thai=pair.thai, foreign=pair.foreign).full_clean()
    assert caught.value.messages == ["These two actors are already a pair."]
    with pytest.raises(IntegrityError), transaction.atomic():
        Pair.objects.create(thai=pair.thai, foreign=pair.foreign)


def test_pair_sides_must_be_thai_and_foreign():
    thai = ThaiProvinceFactory(name_en="Chiang Mai")
    with pytest.raises(ValidationError) as caught:
        Pair(thai=thai, foreign=ThaiProvinceFactory(name_en="Lamphun")).full_clean()
    assert caught.value.message_dict == {
        "foreign": ["Lamphun is Thai: the other side must be from another country."]
    }


def test_project_end_before_start_is_refused():
    project = Project(
        title_en="Training",
        starts_on=dt.date(2015, 5, 1),
        starts_precision="month",
        ends_on=dt.date(2015, 3, 31),
        ends_precision="month",
    )
    with pytest.raises(ValidationError) as caught:
        project.full_clean()
    assert caught.value.messages == ["The end cannot come before the start."]
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_end_in_the_start_year_at_coarser_precision_is_accepted():
    project = Project(
        title_en="Training",
        starts_on=dt.date(2015, 5, 1),
        starts_precision="month",
        ends_on=dt.date(2015, 12, 31),
        ends_precision="year",
    )
    project.full_clean()


def test_negative_amount_is_refused():
    project = Project(title_en="Grant", amount=Decimal("-1"), currency="THB", amount_basis="total")
    with pytest.raises(ValidationError) as caught:
        project.full_clean()
    assert caught.value.message_dict["amount"] == [
        "Ensure this value is greater than or equal to 0."
    ]
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_unknown_currency_is_refused():
    project = Project(title_en="Grant", amount=Decimal("10"), currency="XYZ", amount_basis="total")
    with pytest.raises(ValidationError) as caught:
        project.full_clean()
    assert caught.value.message_dict["currency"] == ["Value 'XYZ' is not a valid choice."]
    with pytest.raises(IntegrityError), transaction.atomic():
        project.save()


def test_amount_without_currency_is_refused():
    project = Project(title_en="Grant", amount=Decimal("10"))
    with pytest.raises(ValidationError) as caught:
        project.full_clean()
    assert caught.value.messages == ["An amount needs its currency and basis."]
