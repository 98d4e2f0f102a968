"""REST representation of projects and their participants."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from rest_framework import serializers
from simple_history.utils import bulk_create_with_history

from cooperation.models import Agreement, Pair, Project, ProjectParticipant
from cooperation.serializers.base import (
    ActorField,
    AgreementField,
    PairField,
    UnstatedValuesField,
    citations_field,
    issues_field,
)
from partners.models import Actor
from portal.api.fields import PartialDateField, PortalModelSerializer, translated


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
    unstated_values = UnstatedValuesField()

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
            "unstated_values",
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
