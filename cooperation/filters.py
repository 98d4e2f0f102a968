"""Filters for the cooperation endpoints, in NetBox's conventions (see partners.filters)."""

from __future__ import annotations

import django_filters as filters
from django.core.exceptions import ValidationError
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    Currency,
    Interest,
    Issue,
    Pair,
    Project,
    ProjectParticipant,
    Source,
    StatedFigure,
)
from partners.filters import (
    ActorRefFilter,
    CountryFilter,
    IdsFilter,
    MultipleValueField,
    MultipleValueFilter,
    PartialDateFilter,
    SearchFilter,
    StrictBooleanFilter,
    ordering,
    value_error,
)
from partners.models import Actor


class IssueRefFormField(MultipleValueField):
    """Issues by id or slug, each with every issue under it."""

    def clean(self, value):
        values = self.to_python(value)
        if not values:
            return None
        ids = [int(v) for v in values if v.isascii() and v.isdigit() and len(v) < 19]
        found = list(Issue.objects.filter(Q(pk__in=ids) | Q(slug__in=values)))
        keys = {str(i.pk) for i in found} | {i.slug for i in found}
        missing = [v for v in values if v not in keys]
        if missing:
            message = _("No issue has the id or slug “%(value)s”.")
            raise ValidationError([value_error(message, v) for v in missing])
        return sorted({i.pk for issue in found for i in issue.with_descendants()})


@extend_schema_field(OpenApiTypes.STR)
class IssueFilter(MultipleValueFilter):
    """An issue by id or slug, with its sub-issues; repeatable."""

    field_class = IssueRefFormField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("method", self.filter_issues)
        kwargs.setdefault(
            "help_text", "An issue by id or slug, with every issue under it; repeatable."
        )
        super().__init__(*args, **kwargs)

    def filter_issues(self, queryset, name, value):
        if not value:
            return queryset
        if not queryset.model._meta.get_field(name).many_to_many:
            return queryset.filter(**{f"{name}__in": value})
        # A semi-join on the link table, not a join and DISTINCT: DISTINCT over every selected
        # column made PostgreSQL count and sort the whole filtered table (80 ms on 50,000 pairs).
        links = getattr(queryset.model, name).through.objects.filter(**{"issue__in": value})
        owner = queryset.model._meta.model_name
        return queryset.filter(pk__in=links.values(owner))


def place_filter(*fields: str) -> ActorRefFilter:
    return ActorRefFilter(
        fields=fields,
        within=True,
        help_text="A place by id, slug or code (TH-50, JP-23, 162043), with every actor inside "
        "it; repeatable.",
    )


def actor_filter(*fields: str, help_text: str) -> ActorRefFilter:
    return ActorRefFilter(fields=fields, help_text=help_text + " By id, slug or code; repeatable.")


class RoleMixin:
    """`role` narrows `participant`/`party` to that role; alone it is any actor in that role.

    Both are applied in one subquery, so that `party=X&role=witness` means X is a witness, not
    that X is some party and someone is a witness.
    """

    actor_param = role_owner = ""
    role_model: type

    def filter_queryset(self, queryset: QuerySet) -> QuerySet:
        data = self.form.cleaned_data
        actors, roles = data.get(self.actor_param), data.get("role")
        if actors or roles:
            condition = Q()
            if actors:
                condition &= Q(actor__in=[a.pk for a in actors])
            if roles:
                condition &= Q(role__in=roles)
            rows = self.role_model.objects.filter(condition).values(self.role_owner)
            queryset = queryset.filter(pk__in=rows)
        return super().filter_queryset(queryset)


class IssueFilterSet(filters.FilterSet):
    q = SearchFilter()
    parent = IssueFilter(field_name="parent", help_text="Under this issue, at any depth.")
    ordering = ordering("slug", "name_th", "name_en", "name_ja")

    class Meta:
        model = Issue
        fields: list[str] = []


class PairFilterSet(filters.FilterSet):
    """Pairs by issue, place, kinds, partner country, status and dates."""

    q = SearchFilter(help_text="Either side's names in any language, or its aliases or codes.")
    issue = IssueFilter(field_name="issues")
    thai = actor_filter("thai", help_text="The Thai side.")
    foreign = actor_filter("foreign", help_text="The foreign side.")
    actor = actor_filter("thai", "foreign", help_text="Either side.")
    place = place_filter("thai", "foreign")
    province = place_filter("thai")
    prefecture = place_filter("foreign")
    country = CountryFilter(
        field_name="foreign__country", help_text="Country of the foreign side; repeatable."
    )
    partner_country = CountryFilter(
        field_name="foreign__country", help_text="Same as country: the foreign side's country."
    )
    kind = filters.MultipleChoiceFilter(
        choices=Actor.Kind.choices, method="filter_kind", help_text="Kind of either side."
    )
    thai_kind = filters.MultipleChoiceFilter(
        field_name="thai__kind", choices=Actor.Kind.choices, help_text="Kind of the Thai side."
    )
    foreign_kind = filters.MultipleChoiceFilter(
        field_name="foreign__kind",
        choices=Actor.Kind.choices,
        help_text="Kind of the foreign side.",
    )
    status = filters.MultipleChoiceFilter(
        choices=Pair.Status.choices, help_text="Active, dormant (no activity for years) or ended."
    )
    dormant = StrictBooleanFilter(method="filter_dormant", help_text="Dormant, or not.")
    success_level = filters.MultipleChoiceFilter(choices=Pair.SuccessLevel.choices)
    signed_from = PartialDateFilter(
        field_name="first_signed_on",
        bound="start",
        help_text="First signed on or after this year, month or day (C.E. or B.E.).",
    )
    signed_to = PartialDateFilter(
        field_name="first_signed_on",
        bound="end",
        help_text="First signed on or before this year, month or day (C.E. or B.E.).",
    )
    active_from = PartialDateFilter(
        field_name="last_activity_on",
        bound="start",
        help_text="Last activity on or after this year, month or day.",
    )
    ordering = ordering("first_signed_on", "last_activity_on", "success_level", "status")

    class Meta:
        model = Pair
        fields: list[str] = []

    def filter_kind(self, queryset: QuerySet, name: str, value: list[str]) -> QuerySet:
        return queryset.filter(Q(thai__kind__in=value) | Q(foreign__kind__in=value))

    def filter_dormant(self, queryset: QuerySet, name: str, value: bool | None) -> QuerySet:
        if value is None:
            return queryset
        dormant = Q(status=Pair.Status.DORMANT)
        return queryset.filter(dormant if value else ~dormant)


class AgreementFilterSet(RoleMixin, filters.FilterSet):
    """Agreements by kind, status, issue, party (and role), place and signing date."""

    actor_param, role_owner, role_model = "party", "agreement", AgreementParty

    q = SearchFilter(help_text="Titles in any language.")
    kind = filters.MultipleChoiceFilter(choices=Agreement.Kind.choices)
    status = filters.MultipleChoiceFilter(choices=Agreement.Status.choices)
    issue = IssueFilter(field_name="issues")
    pair = IdsFilter(queryset=Pair.objects.all(), help_text="Pair id.")
    party = ActorRefFilter(
        method="filter_nothing", help_text="A party, by id, slug or code; repeatable."
    )
    role = filters.MultipleChoiceFilter(
        choices=AgreementParty.Role.choices,
        method="filter_nothing",
        help_text="A party's role; with party, that party's role.",
    )
    place = place_filter("party_set__actor")
    province = place_filter("party_set__actor")
    country = CountryFilter(field_name="party_set__actor__country", help_text="A party's country.")
    partner_country = CountryFilter(
        method="filter_partner_country", help_text="A non-Thai party's country."
    )
    signed_from = PartialDateFilter(
        field_name="signed_on", bound="start", help_text="Signed on or after (C.E. or B.E.)."
    )
    signed_to = PartialDateFilter(
        field_name="signed_on", bound="end", help_text="Signed on or before (C.E. or B.E.)."
    )
    ordering = ordering("signed_on", "kind", "status")

    class Meta:
        model = Agreement
        fields: list[str] = []

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied with its partner filter in RoleMixin

    def filter_partner_country(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(
            pk__in=AgreementParty.objects.filter(actor__country__in=value)
            .exclude(actor__country="TH")
            .values("agreement")
        )


class ProjectFilterSet(RoleMixin, filters.FilterSet):
    """Projects by status, issue, participant (and role), place, period and amount."""

    actor_param, role_owner, role_model = "participant", "project", ProjectParticipant

    q = SearchFilter(help_text="Titles in any language.")
    status = filters.MultipleChoiceFilter(choices=Project.Status.choices)
    issue = IssueFilter(field_name="issues")
    pair = IdsFilter(queryset=Pair.objects.all(), help_text="Pair id.")
    agreement = IdsFilter(queryset=Agreement.objects.all(), help_text="Agreement id.")
    participant = ActorRefFilter(
        method="filter_nothing", help_text="A participant, by id, slug or code; repeatable."
    )
    role = filters.MultipleChoiceFilter(
        choices=ProjectParticipant.Role.choices,
        method="filter_nothing",
        help_text="A participant's role; with participant, that participant's role.",
    )
    place = place_filter("participant_set__actor")
    province = place_filter("participant_set__actor")
    country = CountryFilter(
        field_name="participant_set__actor__country", help_text="A participant's country."
    )
    currency = filters.MultipleChoiceFilter(choices=Currency.choices)
    amount_basis = filters.MultipleChoiceFilter(choices=Project.AmountBasis.choices)
    amount_min = filters.NumberFilter(
        field_name="amount", lookup_expr="gte", max_digits=16, decimal_places=2,
        help_text="Amount at least this (in the project's own currency).",
    )  # fmt: skip
    amount_max = filters.NumberFilter(
        field_name="amount", lookup_expr="lte", max_digits=16, decimal_places=2,
        help_text="Amount at most this (in the project's own currency).",
    )  # fmt: skip
    starts_from = PartialDateFilter(
        field_name="starts_on", bound="start", help_text="Starts on or after (C.E. or B.E.)."
    )
    starts_to = PartialDateFilter(
        field_name="starts_on", bound="end", help_text="Starts on or before (C.E. or B.E.)."
    )
    ordering = ordering("starts_on", "ends_on", "amount", "status")

    class Meta:
        model = Project
        fields: list[str] = []

    def filter_nothing(self, queryset, name, value):
        return queryset  # applied with its partner filter in RoleMixin


class ActivityFilterSet(filters.FilterSet):
    q = SearchFilter(help_text="Titles in any language.")
    kind = filters.MultipleChoiceFilter(choices=Activity.Kind.choices)
    issue = IssueFilter(field_name="issues")
    pair = IdsFilter(queryset=Pair.objects.all(), help_text="Pair id.")
    agreement = IdsFilter(queryset=Agreement.objects.all(), help_text="Agreement id.")
    project = IdsFilter(queryset=Project.objects.all(), help_text="Project id.")
    actor = actor_filter("actors", help_text="An actor taking part.")
    place = place_filter("actors", "pair__thai", "pair__foreign")
    province = place_filter("actors", "pair__thai")
    occurred_from = PartialDateFilter(
        field_name="occurred_on", bound="start", help_text="On or after (C.E. or B.E.)."
    )
    occurred_to = PartialDateFilter(
        field_name="occurred_on", bound="end", help_text="On or before (C.E. or B.E.)."
    )
    ordering = ordering("occurred_on", "kind")

    class Meta:
        model = Activity
        fields: list[str] = []


class InterestFilterSet(filters.FilterSet):
    q = filters.CharFilter(
        method="filter_q", max_length=200, help_text="The actor's or the issue's names."
    )
    actor = actor_filter("actor", help_text="The actor.")
    place = place_filter("actor")
    issue = IssueFilter(field_name="issue")
    direction = filters.MultipleChoiceFilter(choices=Interest.Direction.choices)
    country = CountryFilter(field_name="actor__country", help_text="The actor's country.")
    kind = filters.MultipleChoiceFilter(
        field_name="actor__kind", choices=Actor.Kind.choices, help_text="Kind of actor."
    )
    ordering = ordering("actor", "issue", "direction")

    class Meta:
        model = Interest
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Q(actor__in=Actor.objects.search(value).values("pk"))
            | Q(issue__in=Issue.objects.search(value).values("pk"))
        )


class SourceFilterSet(filters.FilterSet):
    q = filters.CharFilter(
        method="filter_q", max_length=200, help_text="Slug, title or author contains this."
    )
    kind = filters.MultipleChoiceFilter(choices=Source.Kind.choices)
    year_min = filters.NumberFilter(
        field_name="year", lookup_expr="gte", min_value=0, max_value=9999, decimal_places=0,
        help_text="Published in or after.",
    )  # fmt: skip
    year_max = filters.NumberFilter(
        field_name="year", lookup_expr="lte", min_value=0, max_value=9999, decimal_places=0,
        help_text="Published in or before.",
    )  # fmt: skip
    ordering = ordering("slug", "year", "title")

    class Meta:
        model = Source
        fields: list[str] = []

    def filter_q(self, queryset: QuerySet, name: str, value: str) -> QuerySet:
        if not value:
            return queryset
        return queryset.filter(
            Q(slug__icontains=value) | Q(title__icontains=value) | Q(author__icontains=value)
        )


class StatedFigureFilterSet(filters.FilterSet):
    q = filters.CharFilter(
        method="filter_q", max_length=200, help_text="What is counted contains this (any language)."
    )
    counted = filters.BooleanFilter(
        method="filter_counted",
        help_text="Only figures the portal counts too (or only the others).",
    )
    ordering = ordering("slug", "value")

    class Meta:
        model = StatedFigure
        fields = ["q", "counted"]

    def filter_q(self, queryset, name, value):
        return queryset.filter(
            Q(what_th__icontains=value) | Q(what_en__icontains=value) | Q(what_ja__icontains=value)
        )

    def filter_counted(self, queryset, name, value):
        return queryset.exclude(counted_as="") if value else queryset.filter(counted_as="")
