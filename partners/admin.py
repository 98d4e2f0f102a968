"""Admin for actors and tags."""

from __future__ import annotations

from django import forms
from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin

from partners.models import Actor, Tag
from portal.admin_filters import CountryListFilter, NormalisedSearchMixin
from portal.admin_history import VersionCheckedAdmin
from portal.forms import PartialDateModelFormMixin


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
