"""Projects with their participants, period and amount."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from cooperation.models.agreements import Agreement
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


class Currency(models.TextChoices):
    THB = "THB", _("Thai baht")
    JPY = "JPY", _("Japanese yen")
    USD = "USD", _("US dollar")
    EUR = "EUR", _("Euro")
    CNY = "CNY", _("Chinese yuan")


class Project(PartialDateMixin, Searchable):
    """A funded or organised undertaking with participants, a period and perhaps an amount."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")
        SUSPENDED = "suspended", _("Suspended")
        UNKNOWN = "unknown", _("Unknown")

    class AmountBasis(models.TextChoices):
        TOTAL = "total", _("Total")
        PER_YEAR = "per_year", _("Per year")

    search_sources = ("title",)
    required_translation = "title"

    ref = ref_field()
    title = models.CharField(_("title"), max_length=400, blank=True)
    description = models.TextField(_("description"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.COMPLETED
    )
    pair = models.ForeignKey(
        Pair,
        verbose_name=_("pair"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="projects",
    )
    starts_on = models.DateField(_("start"), null=True, blank=True)
    starts_precision = precision_field(_("precision of start"))
    ends_on = models.DateField(_("end"), null=True, blank=True)
    ends_precision = precision_field(_("precision of end"))
    amount = models.DecimalField(
        _("amount"),
        max_digits=16,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    currency = models.CharField(_("currency"), max_length=3, choices=Currency.choices, blank=True)
    amount_basis = models.CharField(
        _("amount basis"), max_length=10, choices=AmountBasis.choices, blank=True
    )
    issues = models.ManyToManyField(
        Issue, verbose_name=_("issues"), blank=True, related_name="projects"
    )
    participants = models.ManyToManyField(
        Actor, through="ProjectParticipant", verbose_name=_("participants"), related_name="projects"
    )
    citations = GenericRelation(Citation)

    objects = SearchableQuerySet.as_manager()

    class Meta:
        ordering = ["starts_on", "pk"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        constraints = [
            unique_ref(),
            *partial_date_constraints("starts"),
            *partial_date_constraints("ends"),
            end_not_before_start("starts", "ends"),
            models.CheckConstraint(
                condition=Q(amount__isnull=True) | Q(amount__gte=0),
                name="%(class)s_amount_not_negative",
                violation_error_message=_("An amount cannot be negative."),
            ),
            models.CheckConstraint(
                condition=Q(amount__isnull=True, currency="", amount_basis="")
                | Q(amount__isnull=False, currency__in=Currency.values) & ~Q(amount_basis=""),
                name="%(class)s_amount_has_currency_and_basis",
                violation_error_message=_("An amount needs its currency and basis."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("admin:cooperation_project_change", args=[self.pk])


class ProjectParticipant(models.Model):
    """One actor's role in a project."""

    class Role(models.TextChoices):
        FUNDER = "funder", _("Funder")
        IMPLEMENTER = "implementer", _("Implementer")
        BENEFICIARY = "beneficiary", _("Beneficiary")
        COORDINATOR = "coordinator", _("Coordinator")
        PARTNER = "partner", _("Partner")

    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="participant_set",
    )
    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.PROTECT, related_name="project_parts"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)

    class Meta:
        ordering = ["project", "pk"]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "actor", "role"], name="%(class)s_unique_role"
            )
        ]

    def __str__(self) -> str:
        return "%s (%s)" % (self.actor, self.get_role_display())
