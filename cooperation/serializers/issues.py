"""REST representation of issues."""

from __future__ import annotations

from rest_framework import serializers

from cooperation.models import Issue
from cooperation.serializers.base import CleanSaveMixin, IssueField
from portal.api.fields import PortalModelSerializer, translated


class IssueSerializer(CleanSaveMixin, PortalModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:issue-detail")
    parent = IssueField(queryset=Issue.objects.all(), required=False, allow_null=True)

    class Meta:
        model = Issue
        fields = ["id", "url", "slug", *translated("name", "description"), "parent"]
        read_only_fields = ["name", "description"]
