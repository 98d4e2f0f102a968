"""REST representation of activities."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from cooperation import services
from cooperation.models import Activity, Agreement, Pair, Project
from cooperation.serializers.base import (
    ActorField,
    AgreementField,
    PairField,
    ProjectField,
    UnstatedValuesField,
    citations_field,
    issues_field,
)
from partners.models import Actor
from portal.api.fields import PartialDateField, PortalModelSerializer, translated


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
    unstated_values = UnstatedValuesField()

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
            "unstated_values",
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
