"""Property-based checks of every operation against the OpenAPI schema, in-process over WSGI.

A bounded number of examples per operation keeps the suite fast; each operation is called both
anonymously and, for writes, with a ministry staff token, against the small scenario's data.
"""

import json

import pytest
import schemathesis
from django.contrib.auth import get_user_model
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from accounts.models import ApiToken

MAX_EXAMPLES = 20
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


def load_schema():
    """The schema the portal serves, generated without a request (nor a database) at import."""
    from drf_spectacular.generators import SchemaGenerator
    from drf_spectacular.renderers import OpenApiJsonRenderer

    from config.wsgi import application

    spec = json.loads(OpenApiJsonRenderer().render(SchemaGenerator().get_schema(public=True)))
    loaded = schemathesis.openapi.from_dict(spec)
    loaded.app = application  # calls go to the Django app in-process, on the test database
    return loaded


@pytest.fixture
def keep_test_connection():
    """Calls go through Django's real WSGI handler, which closes the database connection after
    each request; inside a test's transaction that would close it for good (on PostgreSQL).
    Django's own test client disconnects the same handler."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def staff_header(db) -> dict[str, str]:
    user = get_user_model().objects.create_user("schemathesis", is_staff=True)
    _token, key = ApiToken.issue(user=user)
    return {"Authorization": "Token %s" % key}


schema = load_schema()


@schema.parametrize()
@hypothesis_settings(
    max_examples=MAX_EXAMPLES,
    deadline=None,
    derandomize=True,
    suppress_health_check=list(HealthCheck),
)
@pytest.mark.django_db
def test_every_operation_conforms_to_the_schema(
    case, scenario, staff_header, settings, keep_test_connection
):
    settings.ALLOWED_HOSTS = [*settings.ALLOWED_HOSTS, "localhost"]  # schemathesis' Host
    headers = staff_header if case.method.upper() != "GET" else {}
    case.call_and_validate(headers=headers, checks=CHECKS)
