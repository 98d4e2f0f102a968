"""REST representations of issues, pairs, agreements, projects, activities, interests, sources.

Writes validate as the admin does: the model's `full_clean` and the same services
(`agreement_save`, `activity_save`, `pair_refresh`).
"""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from simple_history.utils import bulk_create_with_history

from cooperation import services
from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    ApprovalStep,
    Citation,
    Interest,
    Issue,
    Pair,
    Project,
    ProjectParticipant,
    Source,
)
from partners.api_fields import (
    ActorRefField,
    NestedRefField,
    PartialDateField,
    PortalModelSerializer,
    translated,
)
from partners.models import Actor
from partners.serializers import ActorBriefSerializer

# Names for the schema's enums (SPECTACULAR_SETTINGS["ENUM_NAME_OVERRIDES"]): several models
# have a `kind` or a `status` of their own.
AgreementKind, AgreementStatus = Agreement.Kind, Agreement.Status
ActivityKind, SourceKind, ProjectStatus = Activity.Kind, Source.Kind, Project.Status

# --- Brief forms, for nesting ------------------------------------------------------------------


class IssueBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:issue-detail")

    class Meta:
        model = Issue
        fields = ["id", "url", "slug", "name"]
        read_only_fields = fields


class SourceBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")

    class Meta:
        model = Source
        fields = ["id", "url", "slug", "kind", "title", "year"]
        read_only_fields = fields


class PairBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:pair-detail")
    thai = ActorBriefSerializer(read_only=True)
    foreign = ActorBriefSerializer(read_only=True)

    class Meta:
        model = Pair
        fields = ["id", "url", "thai", "foreign"]
        read_only_fields = fields


class AgreementBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:agreement-detail")
    signed = PartialDateField("signed", read_only=True)

    class Meta:
        model = Agreement
        fields = ["id", "url", "kind", "title", "status", "signed"]
        read_only_fields = fields


class ProjectBriefSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:project-detail")

    class Meta:
        model = Project
        fields = ["id", "url", "title", "status"]
        read_only_fields = fields


# --- References (brief on read, id on write) ---------------------------------------------------


class ActorField(ActorRefField):
    brief_serializer = ActorBriefSerializer


class IssueField(NestedRefField):
    brief_serializer = IssueBriefSerializer


class PairField(NestedRefField):
    """A record that has no slug: written by id only."""

    brief_serializer = PairBriefSerializer

    def lookup(self, value: str) -> Q:
        is_id = value.isascii() and value.isdigit() and len(value) < 19
        return Q(pk=int(value)) if is_id else Q(pk__in=[])

    def not_found_message(self, value: str) -> str:
        return _("Nothing has the id “%(value)s”.") % {"value": value}


class AgreementField(PairField):
    brief_serializer = AgreementBriefSerializer


class ProjectField(PairField):
    brief_serializer = ProjectBriefSerializer


def issues_field() -> serializers.ManyRelatedField:
    return IssueField(queryset=Issue.objects.all(), many=True, required=False)


class CitationSerializer(serializers.ModelSerializer):
    """Where a record, or one competing value of one of its fields, is stated."""

    source = SourceBriefSerializer(read_only=True)

    class Meta:
        model = Citation
        fields = ["source", "locator", "field", "value", "note"]
        read_only_fields = fields


def citations_field() -> CitationSerializer:
    return CitationSerializer(many=True, read_only=True)


# --- Issues and sources ------------------------------------------------------------------------


class CleanSaveMixin:
    """Create and update by `full_clean` then `save`, the admin's checks for single records."""

    many_to_many: tuple[str, ...] = ()

    def clean_save(self, instance, validated_data: dict):
        relations = {k: validated_data[k] for k in self.many_to_many if k in validated_data}
        self.apply(instance, validated_data, skip=self.many_to_many)
        try:
            instance.full_clean()
        except DjangoValidationError as error:
            self.raise_model_errors(error)
        with transaction.atomic():
            instance.save()
            for name, value in relations.items():
                getattr(instance, name).set(value)
        return instance

    def create(self, validated_data: dict):
        return self.clean_save(self.Meta.model(), validated_data)

    def update(self, instance, validated_data: dict):
        return self.clean_save(instance, validated_data)


class IssueSerializer(CleanSaveMixin, PortalModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:issue-detail")
    parent = IssueField(queryset=Issue.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Issue
        fields = ["id", "url", "slug", *translated("name", "description"), "parent"]
        read_only_fields = ["name", "description"]


class SourceSerializer(CleanSaveMixin, PortalModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")
    link = serializers.URLField(source="url", required=False, allow_blank=True, max_length=200)

    class Meta:
        model = Source
        fields = ["id", "url", "slug", "kind", "title", "author", "year", "link", "licence"]
        fields += ["notes"]


# --- Pairs -------------------------------------------------------------------------------------


@extend_schema_field(
    {"type": "string", "enum": Pair.Status.values, "readOnly": True, "description": "Derived."}
)
class PairStatusField(serializers.Field):
    """Active, dormant or ended, as `with_status()` annotates it (or computed for one pair)."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, pair: Pair) -> str:
        return getattr(pair, "status", None) or pair.status_on()


class PairSerializer(CleanSaveMixin, PortalModelSerializer):
    """A relationship: both sides, its issues, its status and its derived dates."""

    many_to_many = ("issues",)

    url = serializers.HyperlinkedIdentityField(view_name="api:pair-detail")
    thai = ActorField(queryset=Actor.objects.all())
    foreign = ActorField(queryset=Actor.objects.all())
    issues = issues_field()
    status = PairStatusField()

    class Meta:
        model = Pair
        fields = [
            "id",
            "url",
            "thai",
            "foreign",
            "issues",
            "status",
            "success_level",
            "first_signed_on",
            "last_activity_on",
            "ended_on",
            *translated("description"),
        ]
        read_only_fields = ["first_signed_on", "last_activity_on", "ended_on", "description"]


# --- Agreements --------------------------------------------------------------------------------


class AgreementPartySerializer(serializers.ModelSerializer):
    actor = ActorField(queryset=Actor.objects.all())

    class Meta:
        model = AgreementParty
        fields = ["actor", "role"]


class ApprovalStepSerializer(serializers.ModelSerializer):
    body = ActorBriefSerializer(read_only=True)
    taken = PartialDateField("taken", read_only=True)

    class Meta:
        model = ApprovalStep
        fields = ["step", "body", "taken", "note"]
        read_only_fields = fields


class AgreementSerializer(PortalModelSerializer):
    """An instrument, its parties and approval steps; the pair follows from the parties."""

    url = serializers.HyperlinkedIdentityField(view_name="api:agreement-detail")
    pair = PairBriefSerializer(read_only=True)
    parties = AgreementPartySerializer(source="party_set", many=True, required=False)
    issues = issues_field()
    signed = PartialDateField("signed")
    valid_from = PartialDateField("valid_from")
    valid_until = PartialDateField("valid_until", bound="end")
    approval_steps = ApprovalStepSerializer(many=True, read_only=True)
    citations = citations_field()

    class Meta:
        model = Agreement
        fields = [
            "id",
            "url",
            "ref",
            "kind",
            *translated("title", "description"),
            "status",
            "pair",
            "parties",
            "issues",
            "signed",
            "signed_basis",
            "valid_from",
            "valid_until",
            "approval_steps",
            "citations",
        ]
        read_only_fields = ["title", "description"]

    def save_agreement(self, agreement: Agreement, validated_data: dict) -> Agreement:
        parties_data = validated_data.get("party_set")
        issues = validated_data.get("issues")
        self.apply(agreement, validated_data, skip=["party_set", "issues"])
        if parties_data is None:
            parties = [
                services.PartySpec(p.actor, p.role)
                for p in (agreement.party_set.select_related("actor") if agreement.pk else [])
            ]
        else:
            parties = [
                services.PartySpec(p["actor"], p.get("role", "signatory")) for p in parties_data
            ]
        try:
            services.agreement_check_parties(kind=agreement.kind, parties=parties)
        except DjangoValidationError as error:
            raise serializers.ValidationError({"parties": error.messages}) from error
        try:
            services.agreement_save(agreement=agreement, parties=parties)
        except DjangoValidationError as error:
            self.raise_model_errors(error)
        if issues is not None:
            agreement.issues.set(issues)
        return agreement

    def create(self, validated_data: dict) -> Agreement:
        return self.save_agreement(Agreement(), validated_data)

    def update(self, instance: Agreement, validated_data: dict) -> Agreement:
        return self.save_agreement(instance, validated_data)


# --- Projects ----------------------------------------------------------------------------------


class ProjectParticipantSerializer(serializers.ModelSerializer):
    actor = ActorField(queryset=Actor.objects.all())

    class Meta:
        model = ProjectParticipant
        fields = ["actor", "role"]


class ProjectSerializer(PortalModelSerializer):
    """A funded or organised undertaking with its participants, period and amount."""

    url = serializers.HyperlinkedIdentityField(view_name="api:project-detail")
    pair = PairField(queryset=Pair.objects.all(), required=False, allow_null=True)
    agreement = AgreementField(queryset=Agreement.objects.all(), required=False, allow_null=True)
    participants = ProjectParticipantSerializer(source="participant_set", many=True, required=False)
    issues = issues_field()
    starts = PartialDateField("starts")
    ends = PartialDateField("ends", bound="end")
    citations = citations_field()

    class Meta:
        model = Project
        fields = [
            "id",
            "url",
            "ref",
            *translated("title", "description"),
            "status",
            "pair",
            "agreement",
            "participants",
            "issues",
            "starts",
            "ends",
            "amount",
            "currency",
            "amount_basis",
            "citations",
        ]
        read_only_fields = ["title", "description"]
        extra_kwargs = {"amount": {"min_value": 0}}

    def validate_participants(self, value: list[dict]) -> list[dict]:
        seen = set()
        for item in value:
            key = (item["actor"].pk, item["role"])
            if key in seen:
                raise serializers.ValidationError(
                    _("%(actor)s is listed twice in the same role.") % {"actor": item["actor"]}
                )
            seen.add(key)
        return value

    def save_project(self, project: Project, validated_data: dict) -> Project:
        participants = validated_data.get("participant_set")
        issues = validated_data.get("issues")
        self.apply(project, validated_data, skip=["participant_set", "issues"])
        try:
            project.full_clean()
        except DjangoValidationError as error:
            self.raise_model_errors(error)
        with transaction.atomic():
            project.save()
            if participants is not None:
                project.participant_set.all().delete()
                # Through simple-history's helper, so that the new rows leave history too.
                bulk_create_with_history(
                    [
                        ProjectParticipant(project=project, actor=p["actor"], role=p["role"])
                        for p in participants
                    ],
                    ProjectParticipant,
                    default_user=getattr(self.context.get("request"), "user", None),
                )
            if issues is not None:
                project.issues.set(issues)
        return project

    def create(self, validated_data: dict) -> Project:
        return self.save_project(Project(), validated_data)

    def update(self, instance: Project, validated_data: dict) -> Project:
        return self.save_project(instance, validated_data)


# --- Activities --------------------------------------------------------------------------------


class ActivitySerializer(PortalModelSerializer):
    """A dated event of a relationship; saving it refreshes its pair's last activity."""

    url = serializers.HyperlinkedIdentityField(view_name="api:activity-detail")
    pair = PairField(queryset=Pair.objects.all(), required=False, allow_null=True)
    agreement = AgreementField(queryset=Agreement.objects.all(), required=False, allow_null=True)
    project = ProjectField(queryset=Project.objects.all(), required=False, allow_null=True)
    actors = ActorField(queryset=Actor.objects.all(), many=True, required=False)
    issues = issues_field()
    occurred = PartialDateField("occurred")
    citations = citations_field()

    class Meta:
        model = Activity
        fields = [
            "id",
            "url",
            "ref",
            "kind",
            *translated("title", "description"),
            "pair",
            "agreement",
            "project",
            "occurred",
            "actors",
            "issues",
            "citations",
        ]
        read_only_fields = ["title", "description"]

    def save_activity(self, activity: Activity, validated_data: dict) -> Activity:
        actors = validated_data.get("actors")
        issues = validated_data.get("issues")
        old_pair_id = activity.pair_id
        self.apply(activity, validated_data, skip=["actors", "issues"])
        try:
            services.activity_save(activity=activity, actors=actors or ())
        except DjangoValidationError as error:
            self.raise_model_errors(error)
        if actors is not None and not actors:
            activity.actors.clear()  # activity_save only sets a non-empty list
        if issues is not None:
            activity.issues.set(issues)
        if old_pair_id and old_pair_id != activity.pair_id:
            services.pair_refresh(Pair.objects.get(pk=old_pair_id))
        return activity

    def create(self, validated_data: dict) -> Activity:
        return self.save_activity(Activity(), validated_data)

    def update(self, instance: Activity, validated_data: dict) -> Activity:
        return self.save_activity(instance, validated_data)


# --- Interests ---------------------------------------------------------------------------------


class InterestSerializer(CleanSaveMixin, PortalModelSerializer):
    """What an actor seeks or offers on an issue."""

    url = serializers.HyperlinkedIdentityField(view_name="api:interest-detail")
    actor = ActorField(queryset=Actor.objects.all())
    issue = IssueField(queryset=Issue.objects.all())
    citations = citations_field()

    class Meta:
        model = Interest
        fields = ["id", "url", "actor", "issue", "direction", *translated("note"), "citations"]
        read_only_fields = ["note"]
