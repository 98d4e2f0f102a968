"""Pieces every REST API endpoint shares: language, strict query parameters, pagination, ETags.

`cooperation` builds on these; `partners` imports no other app, so they live here.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable

from django.conf import settings
from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import ProtectedError, Q
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.openapi import AutoSchema
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema_field
from rest_framework import exceptions, pagination, serializers, status, viewsets
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_exception_handler

from partners.api_export import ExportMixin
from partners.models import LANGUAGE_SUFFIXES, Actor
from partners.partial_dates import Era, PartialDate, Precision, parse_partial_date

# --- Language ----------------------------------------------------------------------------------

API_LANGUAGES = LANGUAGE_SUFFIXES
_ACCEPT_LANGUAGE = re.compile(r"\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q=([0-9.]+))?")


def request_language(request) -> str:
    """`?lang=`, else the best of `Accept-Language`, else the portal's default language.

    The API ignores the language cookie the pages set: a client says what it wants each time.
    """
    asked = request.GET.get("lang")
    if asked in API_LANGUAGES:
        return asked
    weighted = []
    for part in request.META.get("HTTP_ACCEPT_LANGUAGE", "").split(","):
        match = _ACCEPT_LANGUAGE.fullmatch(part)
        if not match:
            continue
        try:
            quality = float(match.group(2) or 1)
        except ValueError:
            continue
        code = match.group(1).split("-")[0].lower()
        if code in API_LANGUAGES and quality > 0:
            weighted.append((-quality, len(weighted), code))
    return min(weighted)[2] if weighted else settings.LANGUAGE_CODE[:2]


# --- Actors by id, slug or code ----------------------------------------------------------------

JAPANESE_LOCAL_CODE = re.compile(r"^[0-9]{6}$")
ISO_CODE = re.compile(r"^[A-Za-z]{2}-[0-9A-Za-z]{1,3}$")


def actor_lookup(value: str) -> Q:
    """The condition that finds an actor written as an id, a slug or a code.

    `TH-50` and `JP-23` are ISO 3166-2 codes; six digits are a Japanese local-government code
    (an id of six digits is therefore not found this way); other digits are an id.
    """
    value = value.strip()
    if ISO_CODE.match(value):
        return Q(iso_code=value.upper())
    if JAPANESE_LOCAL_CODE.match(value):
        return Q(country="JP", local_code=value)
    if value.isascii() and value.isdigit() and len(value) < 19:
        return Q(pk=int(value))
    return Q(slug=value)


def actors_by_reference(values: Iterable[str]) -> tuple[dict[str, Actor], list[str]]:
    """Resolve every reference in one query; return the found actors and the values not found."""
    values = [v for v in dict.fromkeys(values) if v.strip()]
    if not values:
        return {}, []
    condition = Q()
    for value in values:
        condition |= actor_lookup(value)
    candidates = list(Actor.objects.filter(condition))
    found = {}
    for value in values:
        lookup = actor_lookup(value)
        for actor in candidates:
            if _matches(actor, lookup):
                found[value] = actor
                break
    return found, [v for v in values if v not in found]


def _matches(actor: Actor, lookup: Q) -> bool:
    return all(getattr(actor, field) == expected for field, expected in lookup.children)


def actor_not_found(value: str) -> str:
    return _("No actor has the id, slug or code “%(value)s”.") % {"value": value}


# --- Partial dates -----------------------------------------------------------------------------


def parse_api_date(text: str) -> PartialDate:
    """Read a partial date in C.E. or B.E.: a bare year past 2300 can only be Buddhist Era."""
    try:
        return parse_partial_date(text, era=Era.CE)
    except DjangoValidationError as error:
        if error.code == "be_year_in_ce":
            return parse_partial_date(text, era=Era.BE)
        raise


def iso_partial_date(value: PartialDate | None) -> str | None:
    """1989, 1989-08 or 1989-08-12: what the API writes, and reads back."""
    if value is None:
        return None
    text = "%04d" % value.year
    if value.month:
        text += "-%02d" % value.month
    if value.day:
        text += "-%02d" % value.day
    return text


@extend_schema_field(
    {
        "type": "string",
        "nullable": True,
        "example": "1989-08",
        "description": (
            "A partial date: a year, a month or a day (1989, 1989-08, 1989-08-12). Input also "
            "accepts B.E. years (2532, พ.ศ. 2532), Japanese eras (平成元年) and Thai digits."
        ),
    }
)
class PartialDateField(serializers.Field):
    """A model's `<prefix>_on` + `<prefix>_precision` pair as one partial date."""

    def __init__(self, prefix: str, *, bound: str = "start", **kwargs):
        self.prefix, self.bound = prefix, bound
        kwargs.setdefault("required", False)
        kwargs.setdefault("allow_null", True)
        super().__init__(source="*", **kwargs)

    def to_representation(self, instance) -> str | None:
        return iso_partial_date(instance.partial_date(self.prefix))

    def validate_empty_values(self, data):
        # With source="*" DRF would hand None to nobody; an empty date clears the value.
        if data is None or data == "":
            return True, {f"{self.prefix}_on": None, f"{self.prefix}_precision": ""}
        return super().validate_empty_values(data)

    def to_internal_value(self, data) -> dict:
        if isinstance(data, bool) or not isinstance(data, str | int):
            raise serializers.ValidationError(_("Give the date as text, such as 1989-08."))
        try:
            value = parse_api_date(str(data))
        except DjangoValidationError as error:
            raise serializers.ValidationError(error.messages) from error
        day = value.last_day() if self.bound == "end" else value.first_day()
        return {f"{self.prefix}_on": day, f"{self.prefix}_precision": Precision(value.precision)}


# --- Nested references -------------------------------------------------------------------------


class NestedRefField(serializers.RelatedField):
    """Shows a related record through its brief serializer; accepts it by id (or slug).

    Subclasses set `brief_serializer` and may override `lookup` to accept other spellings.
    """

    brief_serializer: type[serializers.Serializer]
    default_error_messages = {"does_not_exist": "", "invalid": ""}

    def lookup(self, value: str) -> Q:
        if value.isascii() and value.isdigit() and len(value) < 19:
            return Q(pk=int(value))
        return Q(slug=value)

    def to_representation(self, value):
        return self.brief_serializer(value, context=self.context).data

    def to_internal_value(self, data):
        if isinstance(data, bool) or not isinstance(data, str | int):
            raise serializers.ValidationError(_("Give an id or a slug."))
        text = str(data).strip()
        obj = self.get_queryset().filter(self.lookup(text)).first() if text else None
        if obj is None:
            raise serializers.ValidationError(self.not_found_message(text))
        return obj

    def not_found_message(self, value: str) -> str:
        return _("Nothing has the id or slug “%(value)s”.") % {"value": value}

    def use_pk_only_optimization(self) -> bool:
        return False

    def get_choices(self, cutoff=None):
        # Never list a whole table (the browsable API would, for a choice widget).
        return {}


class ActorRefField(NestedRefField):
    """An actor, shown briefly; written as an id, a slug or a code (TH-50, JP-23, 162043)."""

    def lookup(self, value: str) -> Q:
        return actor_lookup(value)

    def not_found_message(self, value: str) -> str:
        return actor_not_found(value)


class NestedRefFieldExtension(OpenApiSerializerFieldExtension):
    """Document a nested reference as its brief object in responses and an id in requests."""

    target_class = NestedRefField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        if direction == "response":
            return auto_schema.resolve_serializer(self.target.brief_serializer, direction).ref
        if isinstance(self.target, ActorRefField):
            return {
                "oneOf": [build_basic_type(OpenApiTypes.INT), build_basic_type(OpenApiTypes.STR)],
                "description": "An actor's id, slug or code (TH-50, JP-23, 162043).",
            }
        return {
            "oneOf": [build_basic_type(OpenApiTypes.INT), build_basic_type(OpenApiTypes.STR)],
            "description": "An id or a slug.",
        }


# --- Serializers -------------------------------------------------------------------------------


def translated(*names: str) -> list[str]:
    """`name`, `name_th`, `name_en`, `name_ja` for each translated field, in that order."""
    return [f"{n}{suffix}" for n in names for suffix in ("", *(f"_{s}" for s in API_LANGUAGES))]


class PortalModelSerializer(serializers.ModelSerializer):
    """Writes go through the model's `full_clean` (the admin's checks); unknown keys are refused.

    Read-only fields in a payload are allowed and ignored, so that a record read with GET can be
    sent back with PUT.
    """

    #: Model fields whose errors belong to another serializer field: `signed_on` -> `signed`.
    error_field_map: dict[str, str] = {}

    class Meta:
        validators: list = []

    def to_internal_value(self, data):
        if isinstance(data, dict):
            unknown = sorted(set(data) - set(self.fields))
            if unknown:
                raise serializers.ValidationError(
                    {name: [_("This field is unknown.")] for name in unknown}
                )
        return super().to_internal_value(data)

    def get_validators(self):
        # Model uniqueness and constraints are checked by full_clean, in the request's language.
        return []

    def get_uniqueness_extra_kwargs(self, field_names, declared_fields, extra_kwargs):
        # DRF would make every field of a unique constraint required, even a conditional one.
        return extra_kwargs, {}

    def raise_model_errors(self, error: DjangoValidationError):
        """Turn a model's ValidationError into the API's field messages."""
        if not hasattr(error, "error_dict"):
            raise serializers.ValidationError({"non_field_errors": error.messages}) from error
        mapped: dict[str, list[str]] = {}
        for field, errors in error.message_dict.items():
            name = self.error_field_map.get(field, field)
            if name == "__all__":
                name = "non_field_errors"
            elif name not in self.fields:
                name = self._field_for_model_field(name)
            mapped.setdefault(name, []).extend(errors)
        raise serializers.ValidationError(mapped) from error

    def _field_for_model_field(self, name: str) -> str:
        for prefix in ("_on", "_precision"):
            if name.endswith(prefix) and name[: -len(prefix)] in self.fields:
                return name[: -len(prefix)]
        return "non_field_errors"

    def apply(self, instance, validated_data: dict, *, skip: Iterable[str] = ()):
        """Set plain attributes on `instance`; relations listed in `skip` are the caller's."""
        skip = set(skip)
        for key, value in validated_data.items():
            if key not in skip:
                setattr(instance, key, value)
        return instance


# --- Pagination --------------------------------------------------------------------------------

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def _positive_int(request, name: str, *, maximum: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9 or int(raw) < 1:
        raise exceptions.ValidationError({name: [_("Give a whole number from 1.")]})
    if maximum is not None and int(raw) > maximum:
        raise exceptions.ValidationError(
            {name: [_("Ask for at most %(maximum)d rows a page.") % {"maximum": maximum}]}
        )
    return int(raw)


class _PageNumberPagination(pagination.PageNumberPagination):
    def get_page_number(self, request, paginator):
        return _positive_int(request, self.page_query_param) or 1


class _CursorPagination(pagination.CursorPagination):
    ordering = ("pk",)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        # DRF trusts the position it decodes; an id that is not a number would crash the query.
        if cursor and cursor.position is not None and not str(cursor.position).isdigit():
            raise exceptions.NotFound(self.invalid_cursor_message)
        return cursor


class PortalPagination(pagination.BasePagination):
    """Page numbers by default (`page`, `page_size`); `cursor` pagination for walking everything.

    Ask for cursor pagination with `pagination=cursor`; the `next` links carry the cursor. Cursor
    pages are in id order, so they cannot be combined with another `ordering`.
    """

    def paginate_queryset(self, queryset, request, view=None):
        size = _positive_int(request, "page_size", maximum=MAX_PAGE_SIZE) or DEFAULT_PAGE_SIZE
        mode = request.query_params.get("pagination", "page")
        if mode not in ("page", "cursor"):
            raise exceptions.ValidationError(
                {"pagination": [_("Choose page or cursor pagination.")]}
            )
        if mode == "cursor" or "cursor" in request.query_params:
            if request.query_params.get("ordering", "id") not in ("id", "pk"):
                raise exceptions.ValidationError(
                    {"ordering": [_("Cursor pages are in id order; leave out ordering.")]}
                )
            self.delegate = _CursorPagination()
        else:
            self.delegate = _PageNumberPagination()
            self.delegate.page_size_query_param = None
        self.delegate.page_size = size
        return self.delegate.paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return self.delegate.get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "count": {"type": "integer", "description": "Absent in cursor pagination."},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        def param(name, schema, description):
            return {
                "name": name,
                "required": False,
                "in": "query",
                "description": description,
                "schema": schema,
            }

        return [
            param("page", {"type": "integer", "minimum": 1}, "Page number, from 1."),
            param(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                "Rows per page (default %d, at most %d)." % (DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
            ),
            param(
                "pagination",
                {"type": "string", "enum": ["page", "cursor"]},
                "page (default) or cursor: cursor pages walk the records in id order.",
            ),
            param("cursor", {"type": "string"}, "The cursor from a cursor page's next link."),
        ]


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


# --- Errors ------------------------------------------------------------------------------------


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


# --- Views -------------------------------------------------------------------------------------

COMMON_PARAMETERS = frozenset({"lang"})
LIST_PARAMETERS = frozenset({"page", "page_size", "pagination", "cursor"})


class PortalViewSet(ExportMixin, viewsets.ModelViewSet):
    """A model's endpoint: reads in the request's language, writes guarded by ETags.

    Subclasses set `queryset`, `serializer_class`, `filterset_class` and, if partner offices may
    write the model, `partner_writable = True` and `partner_takes_part()`.
    """

    pagination_class = PortalPagination
    schema = PortalAutoSchema()
    partner_writable = False
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        self.language = request_language(request)
        with translation.override(self.language):
            response = super().dispatch(request, *args, **kwargs)
        response["Content-Language"] = self.language
        patch_vary_headers(response, ["Accept-Language"])
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.check_query_parameters(request)

    def check_query_parameters(self, request) -> None:
        """Refuse parameters the endpoint does not know, so a misspelt filter is never ignored."""
        allowed = set(COMMON_PARAMETERS)
        if self.action in ("list", "export"):
            allowed |= set(self.filterset_class.base_filters)
            allowed |= LIST_PARAMETERS if self.action == "list" else {"format"}
        errors = {}
        if request.query_params.get("lang", API_LANGUAGES[0]) not in API_LANGUAGES:
            errors["lang"] = [_("Choose th, en or ja.")]
        for name in request.query_params:
            if name not in allowed:
                errors[name] = [_("This query parameter is unknown here.")]
        if errors:
            raise exceptions.ValidationError(errors)

    def partner_takes_part(self, request, obj) -> bool:
        return False

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

    def base_queryset(self):
        """The queryset reads use; override to annotate it per request."""
        return super().get_queryset()

    def get_queryset(self):
        queryset = self.base_queryset()
        if self.request.method in ("PUT", "PATCH", "DELETE"):
            # Hold the row from the ETag check to the write, so two writers cannot both pass.
            queryset = queryset.select_for_update(of=("self",))
        return queryset

    def written(self, instance, status_code: int) -> Response:
        """Answer a write with the record as a read would show it, and its new ETag."""
        data = self.get_serializer(instance).data
        return Response(data, status=status_code, headers={"ETag": self.etag(instance)})

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            self.perform_create(serializer)
        return self.written(self.saved, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self.get_object()
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            self.perform_update(serializer)
        return self.written(self.saved, status.HTTP_200_OK)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().destroy(request, *args, **kwargs)

    def perform_create(self, serializer):
        self.saved = self.reread(serializer.save())
        self.check_partner_result(self.saved)

    def perform_update(self, serializer):
        self.saved = self.reread(serializer.save())
        self.check_partner_result(self.saved)

    def reread(self, instance):
        """The saved record as reads load it: annotations and fresh related rows."""
        return self.base_queryset().get(pk=instance.pk)

    def check_partner_result(self, instance) -> None:
        """A partner office may not write a record its organisation would not take part in."""
        if getattr(self.request.auth, "organisation_id", None) is None:
            return
        if not self.partner_takes_part(self.request, instance):
            raise exceptions.PermissionDenied(
                _("Your organisation, or one under it, must take part in this record.")
            )


__all__ = [
    "ActorRefField",
    "NestedRefField",
    "OpenApiResponse",
    "PartialDateField",
    "PortalModelSerializer",
    "PortalViewSet",
]
