"""Filters for the REST API, in NetBox's conventions.

A repeated parameter is OR (`kind=city&kind=town`); `q` searches every language and the aliases
after normalisation; a place includes every actor inside it. Bad values are refused (400), never
ignored: a filter that silently did nothing would return wrong rows.
"""

from __future__ import annotations

import re

import django_filters as filters
from django import forms
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_filters.fields import ModelMultipleChoiceField
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from partners.lookups import actors_by_reference
from partners.models import Actor, Tag
from portal.api.fields import parse_api_date
from portal.dates import PartialDate

# --- Form fields -------------------------------------------------------------------------------


def value_error(message: str, value: str) -> ValidationError:
    """An error about one value a client sent, for django-filter, which formats it with `%`.

    The value goes in as a parameter, not into the message: a `%` in it would break the
    formatting (a 500 instead of a 400).
    """
    return ValidationError(message, params={"value": value})


class IdsField(ModelMultipleChoiceField):
    """Records by id: an id no database column can hold is an invalid value, not a crash."""

    def _check_values(self, value):
        for pk in value:
            text = str(pk).strip().lstrip("-")
            if text.isascii() and text.isdigit() and len(text) > 18:
                raise ValidationError(
                    self.error_messages["invalid_pk_value"], code="invalid_pk_value",
                    params={"pk": pk},
                )  # fmt: skip
        return super()._check_values(value)


class MultipleValueField(forms.Field):
    """Every value of a repeated query parameter, each cleaned by `clean_one`."""

    widget = forms.SelectMultiple

    def to_python(self, value) -> list[str]:
        if value in (None, "", [], ()):
            return []
        values = value if isinstance(value, list | tuple) else [value]
        return [str(v).strip() for v in values if str(v).strip()]

    def clean(self, value):
        values = self.to_python(value)
        return [self.clean_one(v) for v in values] if values else None

    def clean_one(self, value: str):
        return value


class CountryFormField(MultipleValueField):
    def clean_one(self, value: str) -> str:
        if not re.fullmatch(r"[A-Za-z]{2}", value):
            raise value_error(
                _("“%(value)s” is not a two-letter country code such as TH or JP."), value
            )
        return value.upper()


class ActorRefFormField(MultipleValueField):
    """Actors written as ids, slugs or codes, found in one query."""

    def clean(self, value):
        values = self.to_python(value)
        if not values:
            return None
        found, missing = actors_by_reference(values)
        if missing:
            message = _("No actor has the id, slug or code “%(value)s”.")
            raise ValidationError([value_error(message, v) for v in missing])
        return list({actor.pk: actor for actor in found.values()}.values())


class PartialDateFormField(forms.CharField):
    """A year, a month or a day in C.E. or B.E. (1990, 2533, พ.ศ. 2533, 1990-04)."""

    def to_python(self, value) -> PartialDate | None:
        text = super().to_python(value)
        return parse_api_date(text) if text else None


class StrictBooleanField(forms.Field):
    """true/false (or 1/0); anything else is an error, not 'no filter'."""

    TRUE, FALSE = {"true", "1", "yes"}, {"false", "0", "no"}

    def to_python(self, value) -> bool | None:
        if value in (None, ""):
            return None
        text = str(value).strip().lower()
        if text in self.TRUE:
            return True
        if text in self.FALSE:
            return False
        raise ValidationError(_("Give true or false."))


# --- Filters -----------------------------------------------------------------------------------


@extend_schema_field(OpenApiTypes.STR)
class MultipleValueFilter(filters.MultipleChoiceFilter):
    """A repeatable parameter whose values a `method` applies (OR between values)."""

    field_class = MultipleValueField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("choices", None)
        super().__init__(*args, **kwargs)
        self.extra.pop("choices", None)


@extend_schema_field(OpenApiTypes.STR)
class CountryFilter(MultipleValueFilter):
    field_class = CountryFormField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("method", self.filter_countries)
        super().__init__(*args, **kwargs)

    @staticmethod
    def filter_countries(queryset, name, value):
        return queryset.filter(**{f"{name}__in": value}) if value else queryset


@extend_schema_field(OpenApiTypes.STR)
class ActorRefFilter(MultipleValueFilter):
    """Actors by id, slug or code; with `within=True`, every actor inside them too."""

    field_class = ActorRefFormField

    def __init__(self, *args, within: bool = False, fields: tuple[str, ...] = (), **kwargs):
        self.within, self.fields = within, fields
        kwargs.setdefault("method", self.filter_actors)
        super().__init__(*args, **kwargs)

    def filter_actors(self, queryset, name, value):
        if not value:
            return queryset
        ids = actor_ids(value, within=self.within)
        condition = Q()
        for field in self.fields or (name,):
            condition |= Q(**{f"{field}__in": ids})
        queryset = queryset.filter(condition)
        # Through a to-many relation one row can match several times.
        return queryset.distinct() if any("__" in f for f in self.fields) else queryset


def actor_ids(actors: list[Actor], *, within: bool) -> list[int]:
    """The actors' ids, and with `within` the ids of every actor inside each of them."""
    ids = {actor.pk for actor in actors}
    # Actor.objects.within() for all of them at once: one query a level, not a tree walk each.
    frontier = list(ids) if within else []
    while frontier:
        children = Actor.objects.filter(parent_id__in=frontier).values_list("pk", flat=True)
        frontier = [pk for pk in children if pk not in ids]
        ids.update(frontier)
    return sorted(ids)


@extend_schema_field(OpenApiTypes.STR)
class PartialDateFilter(filters.Filter):
    """From the first day (`bound="start"`) or to the last day (`"end"`) of a partial date."""

    field_class = PartialDateFormField

    def __init__(self, *args, bound: str = "start", **kwargs):
        self.bound = bound
        kwargs["lookup_expr"] = "gte" if bound == "start" else "lte"
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value: PartialDate | None):
        if value is None:
            return queryset
        day = value.first_day() if self.bound == "start" else value.last_day()
        return queryset.filter(**{f"{self.field_name}__{self.lookup_expr}": day})


@extend_schema_field(OpenApiTypes.BOOL)
class StrictBooleanFilter(filters.Filter):
    field_class = StrictBooleanField


class IdsFilter(filters.ModelMultipleChoiceFilter):
    """Records by id, repeatable."""

    field_class = IdsField


@extend_schema_field(OpenApiTypes.STR)
class SlugMultipleChoiceFilter(filters.ModelMultipleChoiceFilter):
    """Records by slug, repeatable."""


class SearchFilter(filters.CharFilter):
    """`q`: the model QuerySet's own normalised search across th, en, ja and aliases."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", gettext_lazy("Search"))
        kwargs.setdefault(
            "help_text",
            "Searches names in Thai, English and Japanese and the aliases, ignoring case, width, "
            "spacing and Thai spelling variants.",
        )
        kwargs.setdefault("max_length", 200)
        super().__init__(*args, **kwargs)

    def filter(self, queryset, value):
        return queryset.search(value) if value else queryset


def ordering(*fields: str, help_text: str = "") -> filters.OrderingFilter:
    return filters.OrderingFilter(
        fields=[(f, f) for f in ("id", *fields)],
        help_text=help_text
        or "Sort by these fields, comma-separated; a leading minus sorts descending.",
    )


# --- FilterSets --------------------------------------------------------------------------------


class ActorFilterSet(filters.FilterSet):
    q = SearchFilter()
    id = ActorRefFilter(field_name="pk", help_text="Actors by id, slug or code.")
    country = CountryFilter(help_text="ISO 3166-1 code, repeatable: TH, JP.")
    kind = filters.MultipleChoiceFilter(choices=Actor.Kind.choices, help_text="Kind of actor.")
    level = filters.MultipleChoiceFilter(
        choices=Actor.Level.choices, method="filter_level", help_text="Standing of a locality."
    )
    parent = ActorRefFilter(help_text="Directly under this actor (id, slug or code).")
    within = ActorRefFilter(
        field_name="pk",
        within=True,
        help_text="This place and every actor inside it, at any depth (id, slug or code).",
    )
    tag = SlugMultipleChoiceFilter(
        field_name="tags__slug",
        to_field_name="slug",
        queryset=Tag.objects.all(),
        distinct=True,
        help_text="Tag slug, repeatable.",
    )
    region = filters.CharFilter(max_length=30, help_text="Region, as recorded.")
    coastal = StrictBooleanFilter(help_text="Coastal or not.")
    ordering = ordering("slug", "kind", "country", "name_th", "name_en", "name_ja", "population")

    class Meta:
        model = Actor
        fields: list[str] = []

    def filter_level(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        kinds = [kind for kind, level in Actor.LEVELS.items() if level in value]
        return queryset.filter(kind__in=kinds) if value else queryset
