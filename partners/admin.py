"""Admin for actors and tags, and the admin pieces every app shares."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from partners.admin_history import VersionCheckedAdmin
from partners.forms import PartialDateModelFormMixin
from partners.models import COUNTRY_NAMES, Actor, Tag, country_name
from partners.partial_dates import PartialDate, format_partial_date


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


class ActorForm(PartialDateModelFormMixin, forms.ModelForm):
    partial_dates = {"established": "start"}

    class Meta:
        model = Actor
        exclude = ("established_precision",)


@admin.register(Actor)
class ActorAdmin(NormalisedSearchMixin, VersionCheckedAdmin, TabbedTranslationAdmin):
    form = ActorForm
    # modeltranslation sets the admin's own exclude, which hides the form's Meta.exclude.
    exclude = ActorForm.Meta.exclude
    list_display = ("__str__", "kind", "country", "parent", "iso_code", "local_code", "population")
    list_filter = ("kind", CountryListFilter, "region", "coastal", "tags")
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    filter_horizontal = ("tags",)
    fieldsets = (
        (None, {"fields": ("name", "kind", "country", "parent", "aliases", "description")}),
        (_("Codes"), {"fields": ("slug", "iso_code", "local_code", "established_on")}),
        (
            _("Place"),
            {
                "fields": (
                    ("population", "population_year", "population_source"),
                    ("area_km2", "area_year", "area_source"),
                    ("latitude", "longitude"),
                    "coastal",
                    "region",
                    "tags",
                )
            },
        ),
    )


@admin.register(Tag)
class TagAdmin(VersionCheckedAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "slug", "category")
    list_filter = ("category",)
    search_fields = ("slug", "name_th", "name_en", "name_ja")


# --- REST API tokens (issue #3) ---------------------------------------------------------------
from django.contrib import messages  # noqa: E402

from partners.tokens import ApiToken  # noqa: E402


@admin.register(ApiToken)
class ApiTokenAdmin(admin.ModelAdmin):
    """Tokens are made here; the secret is shown once, on creation, and only its hash is kept."""

    list_display = ("__str__", "user", "organisation", "read_only", "expires_at", "last_used_at")
    list_filter = ("read_only",)
    list_select_related = ("user", "organisation")
    autocomplete_fields = ("user", "organisation")
    fields = ("user", "label", "organisation", "read_only", "expires_at")
    readonly_fields = ("prefix", "created_at", "last_used_at")
    search_fields = ("label", "prefix", "user__username")

    def get_fields(self, request, obj=None):
        return self.fields if obj is None else (*self.fields, *self.readonly_fields)

    def save_model(self, request, obj, form, change):
        key = None if change else obj.set_new_key()
        super().save_model(request, obj, form, change)
        if key:
            messages.warning(
                request,
                _(
                    "The token's key is %(key)s. Copy it now: it is not stored and will not "
                    "be shown again."
                )
                % {"key": key},
            )


# --- Ministry workflow (issue #4) ---------------------------------------------------------------
from partners.models import OfficeMember  # noqa: E402


@admin.register(OfficeMember)
class OfficeMemberAdmin(VersionCheckedAdmin):
    list_display = ("user", "organisation")
    list_select_related = ("user", "organisation")
    autocomplete_fields = ("user", "organisation")
