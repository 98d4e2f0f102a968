"""REST representation of interests."""

from __future__ import annotations

from rest_framework import serializers

from cooperation.models import Interest, Issue
from cooperation.serializers.base import ActorField, CleanSaveMixin, IssueField, citations_field
from partners.models import Actor
from portal.api.fields import PortalModelSerializer, translated


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
