"""Tokens are stored hashed, may expire or be read-only; reads are throttled."""

import datetime as dt
import re

import pytest
from django.contrib.auth import get_user_model
from django.test import override_settings
from django.utils import timezone
from rest_framework.settings import api_settings
from rest_framework.test import APIClient

from accounts.models import ApiToken, token_hash

pytestmark = pytest.mark.django_db


def client_with(key: str) -> APIClient:
    client = APIClient()
    client.credentials(HTTP_AUTHORIZATION="Token %s" % key)
    return client


@pytest.fixture
def staff_user():
    return get_user_model().objects.create_user("ministry", is_staff=True)


def test_only_the_hash_is_stored(staff_user):
    token, key = ApiToken.issue(user=staff_user)
    assert key not in {token.prefix, token.key_hash}
    assert token.key_hash == token_hash(key)
    assert ApiToken.objects.authenticate(key) == token
    assert ApiToken.objects.authenticate(key + "x") is None


def test_wrong_and_expired_tokens_are_401(scenario, staff_user):
    assert client_with("nope.nope").get("/api/v1/pairs/").status_code == 401
    _token, key = ApiToken.issue(
        user=staff_user, expires_at=timezone.now() - dt.timedelta(minutes=1)
    )
    response = client_with(key).get("/api/v1/pairs/?lang=en")
    assert response.status_code == 401
    assert response.json() == {"detail": "This token has expired."}


def test_read_only_token_cannot_write(scenario, staff_user):
    _token, key = ApiToken.issue(user=staff_user, read_only=True)
    client = client_with(key)
    assert client.get("/api/v1/issues/").status_code == 200
    response = client.post("/api/v1/issues/", {"slug": "x", "name_en": "X"}, format="json")
    assert response.status_code == 403


def test_use_is_recorded(scenario, staff_user):
    token, key = ApiToken.issue(user=staff_user)
    client_with(key).get("/api/v1/issues/")
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_anonymous_reads_are_throttled(scenario, anonymous):
    rates = api_settings.DEFAULT_THROTTLE_RATES | {"anon": "3/minute"}
    with override_settings(REST_FRAMEWORK={**_rest_settings(), "DEFAULT_THROTTLE_RATES": rates}):
        codes = [anonymous.get("/api/v1/sources/").status_code for _ in range(4)]
    assert codes == [200, 200, 200, 429]


def _rest_settings() -> dict:
    from django.conf import settings

    return dict(settings.REST_FRAMEWORK)


def test_token_admin_shows_the_key_once(scenario, staff_user, client):
    admin = get_user_model().objects.create_superuser("root", password="pw")
    client.force_login(admin)
    response = client.post(
        "/en/admin/accounts/apitoken/add/",
        {"user": staff_user.pk, "label": "Toyama office", "organisation": scenario.toyama.pk},
        follow=True,
    )
    token = ApiToken.objects.get(label="Toyama office")
    shown = [str(m) for m in response.context["messages"]]
    key = re.search(r"key is ([0-9a-f]+\.[A-Za-z0-9_-]+)", shown[0]).group(1)
    assert key.startswith(token.prefix)
    assert ApiToken.objects.authenticate(key) == token
