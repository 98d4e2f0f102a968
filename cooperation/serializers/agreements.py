"""REST representation of agreements, their parties and approval steps."""

from __future__ import annotations

from django.core.exceptions import ValidationError as DjangoValidationError
from rest_framework import serializers

from cooperation import services
from cooperation.models import Agreement, AgreementParty, ApprovalStep
from cooperation.serializers.base import (
    ActorField,
    PairBriefSerializer,
    UnstatedValuesField,
    citations_field,
    issues_field,
)
from partners.models import Actor
from partners.serializers import ActorBriefSerializer
from portal.api.fields import PartialDateField, PortalModelSerializer, translated


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
    unstated_values = UnstatedValuesField()

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
            "unstated_values",
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
