"""REST representations of actors and tags."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q
from rest_framework import serializers

from partners.lookups import actor_lookup, actor_not_found
from partners.models import Actor, Tag
from portal.api.fields import NestedRefField, PortalModelSerializer, translated


class ActorBriefSerializer(serializers.ModelSerializer):
    """An actor as other records show it: enough to tell which, and what kind, it is."""

    url = serializers.HyperlinkedIdentityField(view_name="api:actor-detail")

    class Meta:
        model = Actor
        fields = ["id", "url", "slug", "name", "kind", "country", "iso_code", "local_code"]
        read_only_fields = fields


class ActorRefField(NestedRefField):
    """An actor, shown briefly; written as an id, a slug or a code (TH-50, JP-23, 162043)."""

    brief_serializer = ActorBriefSerializer
    reference_description = "An actor's id, slug or code (TH-50, JP-23, 162043)."

    def lookup(self, value: str) -> Q:
        return actor_lookup(value)

    def not_found_message(self, value: str) -> str:
        return actor_not_found(value)


class ActorParentField(ActorRefField):
    brief_serializer = ActorBriefSerializer


class ActorSerializer(PortalModelSerializer):
    """An actor with its codes, place attributes and tags; the bare `name` is read-only."""

    url = serializers.HyperlinkedIdentityField(view_name="api:actor-detail")
    level = serializers.ChoiceField(choices=Actor.Level.choices, read_only=True, allow_null=True)
    parent = ActorParentField(queryset=Actor.objects.all(), required=False, allow_null=True)
    tags = serializers.SlugRelatedField(
        slug_field="slug", queryset=Tag.objects.all(), many=True, required=False
    )

    class Meta:
        model = Actor
        fields = [
            "id",
            "url",
            "slug",
            *translated("name", "description"),
            "kind",
            "level",
            "country",
            "parent",
            "aliases",
            "iso_code",
            "local_code",
            "population",
            "population_year",
            "population_source",
            "area_km2",
            "area_year",
            "area_source",
            "latitude",
            "longitude",
            "coastal",
            "region",
            "tags",
        ]
        read_only_fields = ["name", "description"]
        extra_kwargs = {"slug": {"required": False}}

    def save_actor(self, actor: Actor, validated_data: dict) -> Actor:
        tags = validated_data.get("tags")
        self.apply(actor, validated_data, skip=["tags"])
        try:
            actor.full_clean()
        except DjangoValidationError as error:
            self.raise_model_errors(error)
        with transaction.atomic():
            actor.save()
            if tags is not None:
                actor.tags.set(tags)
        return actor

    def create(self, validated_data: dict) -> Actor:
        return self.save_actor(Actor(), validated_data)

    def update(self, instance: Actor, validated_data: dict) -> Actor:
        return self.save_actor(instance, validated_data)
