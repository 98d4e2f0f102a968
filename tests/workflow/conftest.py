"""Users of each role (groups made by the roles migration) and an agreement to move along."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from accounts import roles
from cooperation.models import Agreement
from cooperation.services import PartySpec, agreement_save
from partners.models import Actor
from tests.factories import ActorFactory, JapaneseCityFactory


def make_user(username: str, role: str | None) -> object:
    user = get_user_model().objects.create_user(username, password="pw-%s-1928" % username)
    user.is_staff = True
    user.save()
    if role:
        user.groups.add(Group.objects.get(name=role))
    return user


@pytest.fixture
def role_users(db) -> dict[str, object]:
    return {role: make_user(role.lower().replace(" ", "-"), role) for role in roles.ROLES}


@pytest.fixture
def editor(role_users):
    return role_users[roles.MINISTRY_EDITOR]


@pytest.fixture
def reviewer(role_users):
    return role_users[roles.INTERIOR_REVIEWER]


@pytest.fixture
def chiang_mai_city(db) -> Actor:
    return ActorFactory(
        kind=Actor.Kind.CITY_MUNICIPALITY,
        country="TH",
        name_en="Chiang Mai City Municipality",
        name_th="เทศบาลนครเชียงใหม่",
        slug="chiang-mai-city",
    )


@pytest.fixture
def uozu(db) -> Actor:
    return JapaneseCityFactory(name_en="Uozu", name_ja="魚津市", slug="uozu", local_code="162043")


@pytest.fixture
def proposed(chiang_mai_city, uozu) -> Agreement:
    agreement = Agreement(
        kind=Agreement.Kind.SISTER_CITY,
        title_th="ข้อตกลงเมืองพี่เมืองน้องเชียงใหม่–อุโอซุ",
        title_en="Chiang Mai–Uozu sister-city agreement",
        status=Agreement.Status.PROPOSED,
    )
    return agreement_save(
        agreement=agreement, parties=[PartySpec(chiang_mai_city), PartySpec(uozu)]
    )
