"""What the OpenAPI schema adds to every operation: `lang` and the error responses."""

from __future__ import annotations

from drf_spectacular.openapi import AutoSchema
from drf_spectacular.utils import OpenApiParameter

from portal.api.language import API_LANGUAGES

# --- Schema ------------------------------------------------------------------------------------

_ERROR = {
    "type": "object",
    "additionalProperties": True,
    "description": (
        "`detail` for a request-wide error, or each field (or query parameter) with its messages."
    ),
}


class PortalAutoSchema(AutoSchema):
    """Document the language parameter and the error responses every operation can give."""

    def get_override_parameters(self):
        return [
            *super().get_override_parameters(),
            OpenApiParameter(
                "lang",
                str,
                enum=list(API_LANGUAGES),
                description="Language of `name`, `title`, `description` and of error messages. "
                "Without it, the Accept-Language header decides.",
            ),
        ]

    def _get_filter_parameters(self):
        # drf-spectacular drops a filter's help_text when its type is given explicitly.
        parameters = super()._get_filter_parameters()
        filterset = getattr(self.view, "filterset_class", None)
        for parameter in parameters:
            field = filterset.base_filters.get(parameter["name"]) if filterset else None
            if field is not None and not parameter.get("description"):
                parameter["description"] = str(field.extra.get("help_text") or field.label or "")
        return parameters

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        codes = {"400": "Bad request", "401": "Not authenticated", "403": "Forbidden",
                 "404": "Not found", "405": "Method not allowed", "406": "Not acceptable",
                 "429": "Throttled"}  # fmt: skip
        if self.method in ("PUT", "PATCH", "DELETE"):
            codes |= {"409": "Conflict", "412": "Stale ETag", "428": "If-Match required"}
        if self.method == "DELETE":
            codes["409"] = "Other records depend on this one"
        for code, description in codes.items():
            responses.setdefault(
                code,
                {
                    "description": description,
                    "content": {"application/json": {"schema": _ERROR}},
                },
            )
        return responses
