"""What every list page shares: the API's FilterSet on the query string, sorting, pagination.

The pages read the same parameters as the REST API and give them the same meaning, because they
run the API's FilterSets; a researcher can copy a page's query string onto an API URL and back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

import django_filters as filters
from django.core.paginator import Page, Paginator
from django.db import models
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import render

from portal.languages import COUNTRY_NAMES

PER_PAGE = 50
#: Parameters the list pages add to their FilterSet's: the page number only.
PAGE_PARAM = "page"


@dataclass
class Column:
    """One column of an export: a translated heading and how to read it from a row."""

    label: str
    value: Callable[[object], object]


@dataclass
class FilteredList:
    """The outcome of running a FilterSet on a request: rows to show, or the errors to show."""

    filterset: filters.FilterSet
    rows: QuerySet
    errors: list[str]

    @property
    def is_valid(self) -> bool:
        return not self.errors


def filter_rows(
    request: HttpRequest, filterset_class: type[filters.FilterSet], queryset: QuerySet
) -> FilteredList:
    """Apply the FilterSet to the query string; on a bad value, no rows and the messages."""
    # A form sends every field; an empty one means "no filter", as leaving it out does.
    data = QueryDict(mutable=True)
    for name, values in request.GET.lists():
        if name not in (PAGE_PARAM, "format"):
            data.setlist(name, [v for v in values if v.strip()])
    filterset = filterset_class(data, queryset=queryset, request=request)
    if filterset.is_valid():
        return FilteredList(filterset, filterset.qs, [])
    errors = [
        "%s: %s" % (_label(filterset, name), message)
        for name, messages in filterset.form.errors.items()
        for message in messages
    ]
    return FilteredList(filterset, queryset.none(), errors)


def _label(filterset: filters.FilterSet, name: str) -> str:
    """The field's label, or the parameter's own name for filters that have none."""
    label = str(filterset.form.fields[name].label or "") if name in filterset.form.fields else ""
    return name if not label or label.startswith("[") else label


def paginate(request: HttpRequest, rows: QuerySet, per_page: int = PER_PAGE) -> Page:
    """One page of `rows`, found by key first and then fetched whole.

    Sorting and counting the filtered keys alone lets PostgreSQL sort narrow rows; sorting the
    rows with their joined sides (and then keeping 50) took most of a second at 50,000 pairs.
    """
    page = Paginator(rows.values_list("pk", flat=True), per_page).get_page(
        request.GET.get(PAGE_PARAM)
    )
    keys = list(page.object_list)
    found = {row.pk: row for row in rows.filter(pk__in=keys).order_by()} if keys else {}
    page.object_list = [found[key] for key in keys]
    return page


def selected(request: HttpRequest, *names: str) -> dict[str, list[str]]:
    """The values of each filter parameter the request carries, to mark the form's choices."""
    return {name: request.GET.getlist(name) for name in names}


def render_list(
    request: HttpRequest,
    template: str,
    context: dict,
    *,
    results_template: str,
) -> HttpResponse:
    """The whole page, or only its results when htmx asks after a filter changes."""
    status = 200 if context["listing"].is_valid else 400
    if request.headers.get("HX-Request") and request.headers.get("HX-Target") == "results":
        return render(request, results_template, context, status=status)
    return render(request, template, context, status=status)


def export_rows(queryset: QuerySet, chunk_size: int = 1000) -> Iterable:
    """Every row, read in chunks so that a large export never sits in memory at once."""
    return queryset.iterator(chunk_size=chunk_size)


def choice_labels(**choices: type[models.Choices]) -> dict[str, dict[str, str]]:
    """Each Choices class's labels in the active language, translated once per request.

    `get_FOO_display()` hashes and translates every choice of the field on each call; a list of
    50 rows showing actor kinds (forty choices) spends most of its time there.
    """
    return {
        name: {value: str(label) for value, label in enum.choices} for name, enum in choices.items()
    }


Option = tuple[str, str, bool]


def options(request: HttpRequest, name: str, choices) -> list[Option]:
    """A select's options as (value, label, selected), worked out here rather than in the
    template, which would otherwise test every option against the query string."""
    chosen = set(request.GET.getlist(name))
    return [(str(value), str(label), str(value) in chosen) for value, label in choices]


def country_options(request: HttpRequest) -> list[Option]:
    return options(request, "country", COUNTRY_NAMES.items())
