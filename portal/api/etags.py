"""ETags and `If-Match`: a stale write is refused (412), a blind one too (428)."""

from __future__ import annotations

import hashlib
import json

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response

# --- ETags -------------------------------------------------------------------------------------


def etag_of(data) -> str:
    """A strong ETag of a representation (computed in one fixed language by the caller)."""
    payload = json.dumps(data, sort_keys=True, default=str, ensure_ascii=False)
    return '"%s"' % hashlib.sha256(payload.encode()).hexdigest()[:32]


def _if_match_tags(header: str) -> list[str]:
    tags = []
    for part in header.split(","):
        part = part.strip()
        if part.startswith("W/"):
            part = part[2:]
        if part:
            tags.append(part)
    return tags


class PreconditionRequired(exceptions.APIException):
    status_code = 428
    default_code = "precondition_required"

    def __init__(self):
        super().__init__(
            _(
                "Send the record's ETag in an If-Match header: read the record first, so that "
                "changes made since are not lost."
            )
        )


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_code = "precondition_failed"

    def __init__(self):
        super().__init__(
            _("The record has changed since you read it. Read it again and redo your change.")
        )


class ConcurrencyMixin:
    """Reads send an ETag; PUT, PATCH and DELETE need a current one in `If-Match`.

    Views lock the row they write (`select_for_update`) from this check to the write.
    """

    # ETags are computed in one language, so that a record has one ETag whatever is asked.
    def etag(self, instance) -> str:
        with translation.override(settings.LANGUAGE_CODE):
            return etag_of(self.get_serializer(instance).data)

    def retrieve(self, request, *args, **kwargs):
        instance = self.get_object()
        tag = self.etag(instance)
        if tag in _if_match_tags(request.headers.get("If-None-Match", "")):
            return Response(status=status.HTTP_304_NOT_MODIFIED, headers={"ETag": tag})
        return Response(self.get_serializer(instance).data, headers={"ETag": tag})

    def check_precondition(self, request, instance) -> None:
        header = request.headers.get("If-Match")
        if not header:
            raise PreconditionRequired()
        tags = _if_match_tags(header)
        if "*" not in tags and self.etag(instance) not in tags:
            raise PreconditionFailed()

    def get_object(self):
        obj = super().get_object()
        if self.request.method in ("PUT", "PATCH", "DELETE"):
            self.check_precondition(self.request, obj)
        return obj
