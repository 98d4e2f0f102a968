"""REST representation of the totals sources state."""

from __future__ import annotations

from rest_framework import serializers

from cooperation.coverage import portal_count
from cooperation.models import StatedFigure
from cooperation.serializers.base import citations_field
from portal.api.fields import PartialDateField, PortalModelSerializer, translated


class StatedFigureSerializer(PortalModelSerializer):
    """A total a source states, with the portal's own count of the same thing where it has one."""

    url = serializers.HyperlinkedIdentityField(view_name="api:stated-figure-detail")
    as_of = PartialDateField("as_of")
    portal_count = serializers.SerializerMethodField()
    citations = citations_field()

    class Meta:
        model = StatedFigure
        fields = [
            "id",
            "url",
            "slug",
            *translated("what", "unit", "note"),
            "value",
            "qualifier",
            "as_of",
            "counted_as",
            "portal_count",
            "citations",
        ]
        read_only_fields = fields

    def get_portal_count(self, figure: StatedFigure) -> int | None:
        return portal_count(figure)
