"""The matcher's query, shared by the API and the researchers' page."""

from __future__ import annotations

from django import forms
from django.utils.translation import gettext_lazy as _

from cooperation.models import Issue
from matching.models import WeightPreset
from partners.lookups import actor_lookup
from partners.models import Actor, ActorKind

MAX_LIMIT = 100


class CandidateQueryForm(forms.Form):
    """Who asks (`actor`, by id, slug or code), about what, and which partners to consider."""

    actor = forms.CharField(label=_("Locality"), help_text=_("Id, slug or code (TH-50, JP-23)."))
    issue = forms.CharField(label=_("Issue"), required=False)
    country = forms.CharField(label=_("Partner country"), required=False, max_length=2)
    kind = forms.MultipleChoiceField(
        label=_("Partner kind"), required=False, choices=ActorKind.choices
    )
    limit = forms.IntegerField(
        label=_("Number of candidates"), required=False, min_value=1, max_value=MAX_LIMIT
    )
    preset = forms.ModelChoiceField(
        label=_("Weight preset"), required=False, queryset=WeightPreset.objects.all(),
        to_field_name="name",
    )  # fmt: skip
    sister_city = forms.BooleanField(label=_("Sister city (equal standing only)"), required=False)

    def clean_actor(self) -> Actor:
        value = self.cleaned_data["actor"]
        actor = Actor.objects.filter(actor_lookup(value)).first()
        if actor is None:
            raise forms.ValidationError(
                _("No actor has the id, slug or code “%(value)s”.") % {"value": value}
            )
        return actor

    def clean_issue(self) -> str | None:
        slug = self.cleaned_data["issue"].strip()
        if slug and not Issue.objects.filter(slug=slug).exists():
            raise forms.ValidationError(_("Unknown issue: %(issue)s.") % {"issue": slug})
        return slug or None

    def clean_country(self) -> str | None:
        return self.cleaned_data["country"].strip().upper() or None

    def clean_limit(self) -> int:
        return self.cleaned_data["limit"] or 10
