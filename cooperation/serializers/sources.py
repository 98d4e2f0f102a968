"""REST representation of sources."""

from __future__ import annotations

from rest_framework import serializers

from cooperation.models import Source
from cooperation.serializers.base import CleanSaveMixin
from portal.api.fields import PortalModelSerializer


class SourceSerializer(CleanSaveMixin, PortalModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:source-detail")
    link = serializers.URLField(source="url", required=False, allow_blank=True, max_length=200)

    class Meta:
        model = Source
        fields = ["id", "url", "slug", "kind", "title", "author", "year", "publisher", "version"]
        fields += ["link", "accessed_on", "licence", "notes"]
