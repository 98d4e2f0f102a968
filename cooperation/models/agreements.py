"""Agreements, their parties, and the approval steps of their workflow."""

from __future__ import annotations

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperation.documents import validate_document
from cooperation.models.base import (
    PartialDateMixin,
    end_not_before_start,
    partial_date_constraints,
    precision_field,
    ref_field,
    unique_ref,
)
from cooperation.models.issues import Issue
from cooperation.models.pairs import Pair
from cooperation.models.sources import Citation
from partners.models import Actor, Searchable, SearchableQuerySet


class Agreement(PartialDateMixin, Searchable):
    """A signed or proposed instrument between two or more parties."""

    class Kind(models.TextChoices):
        SISTER_CITY = "sister_city", _("Sister city")
        FRIENDSHIP_CITY = "friendship_city", _("Friendship city")
        CULTURAL_TWIN_CITY = "twin_city", _("Cultural twin city")
        MOU = "mou", _("Memorandum of understanding")
        LOI = "loi", _("Letter of intent")
        JOINT_MINUTES = "joint_minutes", _("Joint minutes")
        AGREEMENT = "agreement", _("Agreement")
        OTHER = "other", _("Other")

    class Status(models.TextChoices):
        PROPOSED = "proposed", _("Proposed")
        SUBMITTED = "submitted", _("Submitted for approval")
        UNDER_REVIEW = "under_review", _("Under review")
        RETURNED = "returned", _("Returned with comments")
        APPROVED = "approved", _("Approved")
        SIGNED = "signed", _("Signed")
        ACTIVE = "active", _("Active")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    class DateBasis(models.TextChoices):
        SIGNING = "signing", _("Signing")
        APPROVAL = "approval", _("Approval")
        ENTRY_INTO_FORCE = "entry_into_force", _("Entry into force")
        REPORTED = "reported", _("As reported (event not stated)")

    CITY_KINDS = frozenset({Kind.SISTER_CITY, Kind.FRIENDSHIP_CITY, Kind.CULTURAL_TWIN_CITY})

    search_sources = ("title",)
    required_translation = "title"

    ref = ref_field()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    title = models.CharField(_("title"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    pair = models.ForeignKey(
        Pair,
        verbose_name=_("pair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="agreements",
        help_text=_("Set for a bilateral agreement; empty for one with three or more parties."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SIGNED
    )
    signed_on = models.DateField(_("signed"), null=True, blank=True)
    signed_precision = precision_field(_("precision of signing date"))
    signed_basis = models.CharField(
        _("the date marks"), max_length=20, choices=DateBasis.choices, default=DateBasis.SIGNING
    )
    valid_from_on = models.DateField(_("valid from"), null=True, blank=True)
    valid_from_precision = precision_field(_("precision of start"))
    valid_until_on = models.DateField(_("valid until"), null=True, blank=True)
    valid_until_precision = precision_field(_("precision of end"))
    issues = models.ManyToManyField(
        Issue, verbose_name=_("issues"), blank=True, related_name="agreements"
    )
    parties = models.ManyToManyField(
        Actor, through="AgreementParty", verbose_name=_("parties"), related_name="agreements"
    )
    citations = GenericRelation(Citation)

    objects = SearchableQuerySet.as_manager()

    class Meta:
        ordering = ["signed_on", "pk"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        # Who may move an agreement along its lifecycle (cooperation/workflow.py).
        permissions = [
            ("submit_agreement", _("Can submit agreements and record their signing and end")),
            ("review_agreement", _("Can review, approve or return submitted agreements")),
        ]
        constraints = [
            unique_ref(),
            *partial_date_constraints("signed"),
            *partial_date_constraints("valid_from"),
            *partial_date_constraints("valid_until"),
            end_not_before_start("valid_from", "valid_until"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("admin:cooperation_agreement_change", args=[self.pk])


class AgreementParty(models.Model):
    """One actor's part in an agreement."""

    class Role(models.TextChoices):
        SIGNATORY = "signatory", _("Signatory")
        WITNESS = "witness", _("Witness")
        COORDINATOR = "coordinator", _("Coordinator")

    agreement = models.ForeignKey(
        Agreement, verbose_name=_("agreement"), on_delete=models.CASCADE, related_name="party_set"
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.PROTECT, related_name="agreement_parts"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.SIGNATORY)

    class Meta:
        ordering = ["agreement", "pk"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "actor"],
                name="%(class)s_unique_actor",
                violation_error_message=_("This actor is already a party to the agreement."),
            )
        ]

    def __str__(self) -> str:
        return "%s (%s)" % (self.actor, self.get_role_display())


class ApprovalStep(PartialDateMixin, models.Model):
    """One step of an agreement's lifecycle: which status it entered, when, by whom, and why.

    Steps written by cooperation.workflow carry the user who took them and when; steps entered by
    hand or loaded from the report may name only the body that decided and a partial date.
    """

    class Step(models.TextChoices):
        SUBMITTED = "submitted", _("Submitted")
        UNDER_REVIEW = "under_review", _("Under review")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned with comments")
        REFUSED = "refused", _("Refused")
        SIGNED = "signed", _("Signed")
        ACTIVE = "active", _("In force")
        EXPIRED = "expired", _("Expired")
        TERMINATED = "terminated", _("Terminated")

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="approval_steps",
    )
    step = models.CharField(_("step"), max_length=20, choices=Step.choices)
    body = models.ForeignKey(
        Actor,
        verbose_name=_("body"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approval_steps",
        help_text=_("The body that received or decided, e.g. the Ministry of Interior."),
    )
    taken_on = models.DateField(_("date"), null=True, blank=True)
    taken_precision = precision_field(_("precision of date"))
    note = models.TextField(_("note"), blank=True)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="approval_steps",
    )
    recorded_at = models.DateTimeField(_("recorded"), null=True, blank=True, editable=False)
    document = models.FileField(
        _("document"),
        upload_to="approval-documents/%Y/%m/",
        blank=True,
        validators=[validate_document],
        help_text=_("A PDF or an image (PNG, JPEG, WebP); visible to staff only."),
    )

    class Meta:
        ordering = ["agreement", "taken_on", "pk"]
        verbose_name = _("approval step")
        verbose_name_plural = _("approval steps")
        constraints = [*partial_date_constraints("taken")]

    def __str__(self) -> str:
        return "%s: %s" % (self.get_step_display(), self.partial_date_display("taken"))

    def get_document_url(self) -> str:
        """The staff-only address of the step's document ("" without one)."""
        if not self.document:
            return ""
        return reverse("cooperation:approval_document", args=[self.pk])


class AgreementInReview(Agreement):
    """An agreement seen from the Interior Ministry reviewers' queue (submitted or under review)."""

    class Meta:
        proxy = True
        verbose_name = _("agreement awaiting review")
        verbose_name_plural = _("review queue")
