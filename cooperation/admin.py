"""Admin for issues, pairs, agreements, projects, activities, interests, ties and sources."""

from __future__ import annotations

import datetime as dt

from django import forms
from django.contrib import admin
from django.contrib.contenttypes.admin import GenericTabularInline
from django.core.exceptions import ValidationError
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TabbedTranslationAdmin, TranslationTabularInline

from cooperation import services
from cooperation.admin_workflow import (
    AgreementWorkflowMixin,
    ApprovalStepInline,
    OfficeScopedAdmin,
    PortalImportMixin,
)
from cooperation.imports import (
    ActivityResource,
    ActorResource,
    AgreementResource,
    ProjectResource,
)
from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    Citation,
    Interest,
    Issue,
    Pair,
    Project,
    ProjectParticipant,
    Source,
    StatedFigure,
    Tie,
)
from cooperation.workflow import WORKFLOW_ONLY_STATUSES
from partners import admin as partners_admin
from partners.models import Actor
from portal.admin_filters import CountryListFilter, NormalisedSearchMixin, year_filter
from portal.admin_history import VersionCheckedAdmin
from portal.dates import PartialDate, format_partial_date
from portal.forms import PartialDateModelFormMixin


class CitationInline(GenericTabularInline):
    model = Citation
    fields = ("source", "locator", "field", "value", "basis", "note")
    autocomplete_fields = ("source",)
    extra = 0


class IssueListFilter(admin.SimpleListFilter):
    """Filter by an issue, including every issue under it."""

    title = _("issue")
    parameter_name = "issue"
    field = "issues"

    def lookups(self, request, model_admin):
        return [(issue.slug, str(issue)) for issue in Issue.objects.order_by("slug")]

    def queryset(self, request, queryset):
        issue = Issue.objects.filter(slug=self.value()).first() if self.value() else None
        if issue is None:
            return queryset
        return queryset.filter(**{f"{self.field}__in": issue.with_descendants()}).distinct()


def partial_date_column(prefix: str, title):
    """A list column showing a partial date in the interface language (B.E. years in Thai)."""

    @admin.display(description=title, ordering=f"{prefix}_on")
    def column(model_admin, obj):
        return obj.partial_date_display(prefix)

    return column


def year_display(day: dt.date | None) -> str:
    if day is None:
        return ""
    return format_partial_date(PartialDate(day.year), language=get_language() or "en")


# Actors gain citations and interests here: partners may not import cooperation.
admin.site.unregister(Actor)


class InterestInline(TranslationTabularInline):
    model = Interest
    fields = ("issue", "direction", "note")
    autocomplete_fields = ("issue",)
    extra = 0


@admin.register(Actor)
class ActorAdmin(PortalImportMixin, partners_admin.ActorAdmin):
    resource_classes = [ActorResource]
    inlines = [InterestInline, CitationInline]


@admin.register(Source)
class SourceAdmin(VersionCheckedAdmin):
    list_display = ("title", "kind", "author", "year", "version", "accessed_on")
    list_filter = ("kind",)
    search_fields = ("slug", "title", "author", "publisher")


@admin.register(Citation)
class CitationAdmin(VersionCheckedAdmin):
    list_display = ("__str__", "content_type", "object_id", "source", "basis")
    list_filter = ("basis", "source", "content_type")
    search_fields = ("locator", "value", "note")
    autocomplete_fields = ("source",)


@admin.register(Issue)
class IssueAdmin(NormalisedSearchMixin, VersionCheckedAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "slug", "parent")
    list_filter = (("parent", admin.RelatedOnlyFieldListFilter),)
    list_select_related = ("parent",)
    autocomplete_fields = ("parent",)
    inlines = [CitationInline]


class PairStatusFilter(admin.SimpleListFilter):
    title = _("status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return Pair.Status.choices

    def queryset(self, request, queryset):
        if self.value() in Pair.Status.values:
            return queryset.filter(status=self.value())
        return queryset


class ForeignCountryFilter(CountryListFilter):
    title = _("partner country")
    parameter_name = "partner_country"
    field = "foreign__country"


class ThaiKindFilter(admin.SimpleListFilter):
    title = _("kind of Thai side")
    parameter_name = "thai_kind"
    field = "thai__kind"

    def lookups(self, request, model_admin):
        kinds = set(model_admin.get_queryset(request).order_by().values_list(self.field, flat=True))
        return [(k, Actor.Kind(k).label) for k in sorted(kinds)]

    def queryset(self, request, queryset):
        if self.value() in Actor.Kind.values:
            return queryset.filter(**{self.field: self.value()})
        return queryset


class ForeignKindFilter(ThaiKindFilter):
    title = _("kind of foreign side")
    parameter_name = "foreign_kind"
    field = "foreign__kind"


class AgreementOfPairInline(admin.TabularInline):
    model = Agreement
    fields = ("title", "kind", "status", "signed")
    readonly_fields = fields
    show_change_link = True
    extra = 0
    can_delete = False
    signed = partial_date_column("signed", _("signed"))

    def has_add_permission(self, request, obj=None):
        # Agreements are added from their own page, where parties decide the pair.
        return False


class ActivityForm(PartialDateModelFormMixin, forms.ModelForm):
    partial_dates = {"occurred": "start"}

    class Meta:
        model = Activity
        exclude = ("occurred_precision",)


class ActivityInline(TranslationTabularInline):
    model = Activity
    form = ActivityForm
    fields = ("occurred_on", "kind", "title")
    extra = 0
    show_change_link = True


@admin.register(Pair)
class PairAdmin(VersionCheckedAdmin, TabbedTranslationAdmin):
    list_display = ("__str__", "first_signed", "last_activity", "status", "success_level")
    list_filter = (
        PairStatusFilter,
        "success_level",
        IssueListFilter,
        ForeignCountryFilter,
        ThaiKindFilter,
        ForeignKindFilter,
        year_filter("first_signed_on", _("year first signed")),
    )
    list_select_related = ("thai", "foreign")
    autocomplete_fields = ("thai", "foreign", "issues")
    fields = ("thai", "foreign", "issues", "success_level", "description")
    inlines = [AgreementOfPairInline, ActivityInline, CitationInline]
    search_fields = ("thai__search_text",)
    search_help_text = NormalisedSearchMixin.search_help_text

    def get_queryset(self, request):
        return super().get_queryset(request).with_status()

    def get_search_results(self, request, queryset, search_term):
        if not search_term.strip():
            return queryset, False
        return queryset.search(search_term), False

    # Derived dates keep no precision, so only their year is shown (B.E. in Thai).
    @admin.display(description=_("first signed"), ordering="first_signed_on")
    def first_signed(self, pair):
        return year_display(pair.first_signed_on)

    @admin.display(description=_("last activity"), ordering="last_activity_on")
    def last_activity(self, pair):
        return year_display(pair.last_activity_on)

    @admin.display(description=_("status"), ordering="status")
    def status(self, pair):
        return Pair.Status(pair.status).label

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.pair_refresh(form.instance)


class AgreementForm(PartialDateModelFormMixin, forms.ModelForm):
    partial_dates = {"signed": "start", "valid_from": "start", "valid_until": "end"}

    class Meta:
        model = Agreement
        exclude = ("signed_precision", "valid_from_precision", "valid_until_precision", "pair")

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is None:
            return
        if self.instance.pk and self.instance.status in WORKFLOW_ONLY_STATUSES:
            # In the approval process: only a transition moves it on.
            status.disabled = True
            return
        # Submitted, under review, returned and approved are reached only through transitions.
        status.choices = [c for c in status.choices if c[0] not in WORKFLOW_ONLY_STATUSES]
        if not self.instance.pk:
            self.initial.setdefault("status", Agreement.Status.PROPOSED)


class AgreementPartyFormSet(forms.BaseInlineFormSet):
    def clean(self):
        super().clean()
        if any(self.errors):
            return
        parties = [
            services.PartySpec(actor=f.cleaned_data["actor"], role=f.cleaned_data["role"])
            for f in self.forms
            if f.cleaned_data and not f.cleaned_data.get("DELETE")
        ]
        try:
            services.agreement_check_parties(kind=self.instance.kind, parties=parties)
        except ValidationError as error:
            raise ValidationError(error.messages) from error


class AgreementPartyInline(admin.TabularInline):
    model = AgreementParty
    formset = AgreementPartyFormSet
    autocomplete_fields = ("actor",)
    extra = 2


@admin.register(Agreement)
class AgreementAdmin(
    PortalImportMixin,
    AgreementWorkflowMixin,
    NormalisedSearchMixin,
    VersionCheckedAdmin,
    TabbedTranslationAdmin,
):
    resource_classes = [AgreementResource]
    form = AgreementForm
    # modeltranslation sets the admin's own exclude, which hides the form's Meta.exclude.
    exclude = AgreementForm.Meta.exclude
    list_display = ("__str__", "kind", "status", "signed", "pair")
    list_filter = (
        "kind",
        "status",
        IssueListFilter,
        year_filter("signed_on", _("year signed")),
    )
    list_select_related = ("pair__thai", "pair__foreign")
    autocomplete_fields = ("issues",)
    readonly_fields = ("pair",)
    inlines = [AgreementPartyInline, ApprovalStepInline, CitationInline]
    signed = partial_date_column("signed", _("signed"))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        services.agreement_sync_pair(form.instance)


class ProjectForm(PartialDateModelFormMixin, forms.ModelForm):
    partial_dates = {"starts": "start", "ends": "end"}

    class Meta:
        model = Project
        exclude = ("starts_precision", "ends_precision")


class ProjectParticipantInline(admin.TabularInline):
    model = ProjectParticipant
    autocomplete_fields = ("actor",)
    extra = 1


@admin.register(Project)
class ProjectAdmin(
    PortalImportMixin,
    OfficeScopedAdmin,
    NormalisedSearchMixin,
    VersionCheckedAdmin,
    TabbedTranslationAdmin,
):
    resource_classes = [ProjectResource]
    office_paths = ("participants",)
    form = ProjectForm
    exclude = ProjectForm.Meta.exclude
    list_display = ("__str__", "status", "starts", "amount", "currency", "amount_basis")
    list_filter = ("status", "currency", IssueListFilter, year_filter("starts_on", _("year")))
    autocomplete_fields = ("pair", "agreement", "issues")
    inlines = [ProjectParticipantInline, CitationInline]
    starts = partial_date_column("starts", _("start"))


@admin.register(Activity)
class ActivityAdmin(
    PortalImportMixin,
    OfficeScopedAdmin,
    NormalisedSearchMixin,
    VersionCheckedAdmin,
    TabbedTranslationAdmin,
):
    resource_classes = [ActivityResource]
    office_paths = ("actors", "pair__thai", "pair__foreign")
    form = ActivityForm
    exclude = ActivityForm.Meta.exclude
    list_display = ("__str__", "kind", "occurred", "pair")
    list_filter = ("kind", IssueListFilter, year_filter("occurred_on", _("year")))
    list_select_related = ("pair__thai", "pair__foreign")
    autocomplete_fields = ("pair", "agreement", "project", "actors", "issues")
    inlines = [CitationInline]
    occurred = partial_date_column("occurred", _("date"))

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        if form.instance.pair_id:
            services.pair_refresh(form.instance.pair)


class InterestIssueFilter(IssueListFilter):
    field = "issue"


@admin.register(Interest)
class InterestAdmin(OfficeScopedAdmin, VersionCheckedAdmin, TabbedTranslationAdmin):
    office_paths = ("actor",)
    list_display = ("actor", "direction", "issue")
    list_filter = ("direction", InterestIssueFilter)
    list_select_related = ("actor", "issue")
    autocomplete_fields = ("actor", "issue")
    inlines = [CitationInline]


class TieForm(PartialDateModelFormMixin, forms.ModelForm):
    partial_dates = {"since": "start"}

    class Meta:
        model = Tie
        exclude = ("since_precision",)


@admin.register(StatedFigure)
class StatedFigureAdmin(VersionCheckedAdmin, TabbedTranslationAdmin):
    list_display = ("what", "value", "qualifier", "as_of_on", "counted_as")
    search_fields = ("slug", "what_th", "what_en", "what_ja")
    inlines = [CitationInline]


@admin.register(Tie)
class TieAdmin(VersionCheckedAdmin, TabbedTranslationAdmin):
    form = TieForm
    exclude = TieForm.Meta.exclude
    list_display = ("__str__", "kind", "figure")
    list_filter = ("kind",)
    list_select_related = ("from_actor", "to_actor")
    autocomplete_fields = ("from_actor", "to_actor")
    inlines = [CitationInline]
