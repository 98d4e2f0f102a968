"""What the cooperation serializers share: brief forms for nesting, references (brief on read,
an id on write), citations, and writes through `full_clean`."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cooperation.models import Agreement, Citation, Issue, Pair, Project, Source, unstated_values
from partners.serializers import ActorBriefSerializer, ActorRefField
from portal.api.fields import NestedRefField, PartialDateField

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
    """Where a record, or one competing value of one of its fields, is stated, and on what basis."""

    source = SourceBriefSerializer(read_only=True)

    class Meta:
        model = Citation
        fields = ["source", "locator", "field", "value", "basis", "note"]
        read_only_fields = fields


def citations_field() -> CitationSerializer:
    return CitationSerializer(many=True, read_only=True)


@extend_schema_field(
    {
        "type": "object",
        "additionalProperties": {"type": "string", "enum": ["inferred", "outside"]},
        "readOnly": True,
        "description": "Fields whose value no source states outright: inferred from a source, "
        "or from a source outside the report. See the field's citation for the reasoning.",
    }
)
class UnstatedValuesField(serializers.Field):
    """{field: basis} of the record's values that are inferred or come from another source."""

    def __init__(self, **kwargs):
        super().__init__(source="*", read_only=True, **kwargs)

    def to_representation(self, record) -> dict[str, str]:
        return unstated_values(record.citations.all())


# --- Writes ------------------------------------------------------------------------------------


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
