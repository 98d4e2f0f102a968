"""Admin pieces every app's lists share: normalised search, and filters by country and year."""

from __future__ import annotations

from django.contrib import admin
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.dates import PartialDate, format_partial_date
from portal.languages import COUNTRY_NAMES, country_name


class NormalisedSearchMixin:
    """Search every language's names and the aliases, after Thai and width normalisation.

    The model's QuerySet provides `search()`; `search_fields` only makes the admin show the box.
    """

    search_fields = ("search_text",)
    search_help_text = _("Searches names in Thai, English and Japanese, and their aliases.")

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False


class CountryListFilter(admin.SimpleListFilter):
    """Filter by a country code, labelled with the country's name in the interface language."""

    title = _("country")
    parameter_name = "country"
    field = "country"

    def lookups(self, request, model_admin):
        codes = (
            model_admin.get_queryset(request)
            .order_by()
            .values_list(self.field, flat=True)
            .distinct()
        )
        # Countries the portal names (Thailand, Japan, China) first, then the rest by code.
        return sorted(
            ((c, country_name(c)) for c in codes), key=lambda c: (c[0] not in COUNTRY_NAMES, c[0])
        )

    def queryset(self, request, queryset):
        if self.value():
            return queryset.filter(**{self.field: self.value()})
        return queryset


class YearListFilter(admin.SimpleListFilter):
    """Filter by the year of a date field; the Thai interface labels years in the Buddhist era."""

    title = _("year")
    parameter_name = "year"
    date_field = ""

    def lookups(self, request, model_admin):
        years = model_admin.get_queryset(request).dates(self.date_field, "year", order="DESC")
        language = get_language() or "en"
        return [
            (str(d.year), format_partial_date(PartialDate(d.year), language=language))
            for d in years
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value and value.isdigit():
            return queryset.filter(**{f"{self.date_field}__year": int(value)})
        return queryset


def year_filter(date_field: str, title=None) -> type[YearListFilter]:
    """A YearListFilter on `date_field`."""
    return type(
        f"{date_field.title().replace('_', '')}YearFilter",
        (YearListFilter,),
        {"date_field": date_field, "title": title or YearListFilter.title},
    )
