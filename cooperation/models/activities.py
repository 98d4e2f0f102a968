"""Activities: the dated events of a relationship."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from cooperation.models.agreements import Agreement
from cooperation.models.base import (
    PartialDateMixin,
    partial_date_constraints,
    precision_field,
    ref_field,
    unique_ref,
)
from cooperation.models.issues import Issue
from cooperation.models.pairs import Pair
from cooperation.models.projects import Project
from cooperation.models.sources import Citation
from partners.models import Actor, Searchable, SearchableQuerySet


class Activity(PartialDateMixin, Searchable):
    """A dated event in a relationship: a visit, an exchange, a festival, a training…"""

    class Kind(models.TextChoices):
        VISIT = "visit", _("Visit")
        EXCHANGE = "exchange", _("Exchange")
        FESTIVAL = "festival", _("Festival")
        TRAINING = "training", _("Training")
        FORUM = "forum", _("Forum or seminar")
        GRANT = "grant", _("Grant or donation")
        TRADE_FAIR = "trade_fair", _("Trade fair or business matching")
        MEETING = "meeting", _("Meeting")
        OPENING = "opening", _("Opening")
        OTHER = "other", _("Other")

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
        related_name="activities",
    )
    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="activities",
    )
    occurred_on = models.DateField(_("date"), null=True, blank=True)
    occurred_precision = precision_field(_("precision of date"))
    actors = models.ManyToManyField(
        Actor, verbose_name=_("actors"), blank=True, related_name="activities"
    )
    issues = models.ManyToManyField(
        Issue, verbose_name=_("issues"), blank=True, related_name="activities"
    )
    citations = GenericRelation(Citation)

    objects = SearchableQuerySet.as_manager()

    class Meta:
        ordering = ["occurred_on", "pk"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [unique_ref(), *partial_date_constraints("occurred")]

    def __str__(self) -> str:
        return self.title
