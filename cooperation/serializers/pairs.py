"""REST representation of pairs, with their derived status."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cooperation.models import Pair
from cooperation.serializers.base import ActorField, CleanSaveMixin, issues_field
from partners.models import Actor
from portal.api.fields import PortalModelSerializer, translated


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
