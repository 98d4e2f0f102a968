"""Serializer pieces every REST API endpoint shares: partial dates, nested records, translated
fields, and writes checked by the model's `full_clean`."""

from __future__ import annotations

from collections.abc import Iterable

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.extensions import OpenApiSerializerFieldExtension
from drf_spectacular.plumbing import build_basic_type
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from portal.api.language import API_LANGUAGES
from portal.dates import Era, PartialDate, Precision, parse_partial_date

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
    #: How the schema describes what a request may send.
    reference_description = "An id or a slug."
    default_error_messages = {"does_not_exist": "", "invalid": ""}

    def lookup(self, value: str) -> Q:
        if value.isascii() and value.isdigit() and len(value) < 19:
            return Q(pk=int(value))
        return Q(slug=value)

    def to_representation(self, value):
        # One brief serializer per field, reused for every row: building a ModelSerializer's
        # fields costs more than representing a row with them (it was 4 ms a row on pairs/).
        brief = self.__dict__.get("_brief")
        if brief is None:
            brief = self._brief = self.brief_serializer(context=self.context)
        return brief.to_representation(value)

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


class NestedRefFieldExtension(OpenApiSerializerFieldExtension):
    """Document a nested reference as its brief object in responses and an id in requests."""

    target_class = NestedRefField
    match_subclasses = True

    def map_serializer_field(self, auto_schema, direction):
        if direction == "response":
            return auto_schema.resolve_serializer(self.target.brief_serializer, direction).ref
        return {
            "oneOf": [build_basic_type(OpenApiTypes.INT), build_basic_type(OpenApiTypes.STR)],
            "description": self.target.reference_description,
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
