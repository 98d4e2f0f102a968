"""How the REST API reports errors: DRF's handler, plus the model-level errors it does not know."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import ProtectedError
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler


def exception_handler(exc, context):
    """DRF's handler, plus: a protected record cannot be deleted (409), model errors are 400."""
    if isinstance(exc, ProtectedError):
        exc = exceptions.APIException(
            _("Other records depend on this one, so it cannot be deleted."), code="protected"
        )
        exc.status_code = status.HTTP_409_CONFLICT
    elif isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            exc.message_dict if hasattr(exc, "error_dict") else {"non_field_errors": exc.messages}
        )
    return drf_exception_handler(exc, context)
