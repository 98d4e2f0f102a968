"""What actors seek or offer on an issue, and ties between places that are not agreements."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from cooperation.models.base import (
    PartialDateMixin,
    partial_date_constraints,
    precision_field,
    ref_field,
    unique_ref,
)
from cooperation.models.issues import Issue
from cooperation.models.sources import Citation
from partners.models import Actor


class Interest(models.Model):
    """What an actor seeks or offers on an issue, as a survey or interview records it."""

    class Direction(models.TextChoices):
        SEEKS = "seeks", _("Seeks")
        OFFERS = "offers", _("Offers")

    actor = models.ForeignKey(
        Actor, verbose_name=_("actor"), on_delete=models.CASCADE, related_name="interests"
    )
    issue = models.ForeignKey(
        Issue, verbose_name=_("issue"), on_delete=models.PROTECT, related_name="interests"
    )
    direction = models.CharField(_("direction"), max_length=6, choices=Direction.choices)
    note = models.TextField(_("note"), blank=True)
    citations = GenericRelation(Citation)

    class Meta:
        ordering = ["actor", "issue", "direction"]
        verbose_name = _("interest")
        verbose_name_plural = _("interests")
        constraints = [
            models.UniqueConstraint(
                fields=["actor", "issue", "direction"],
                name="%(class)s_unique",
                violation_error_message=_("This interest is already recorded."),
            )
        ]

    def __str__(self) -> str:
        return "%s %s %s" % (self.actor, self.get_direction_display().lower(), self.issue)


class Tie(PartialDateMixin, models.Model):
    """A link between two actors other than an agreement: history, investment, office, route."""

    class Kind(models.TextChoices):
        HISTORICAL = "historical", _("Historical or cultural")
        INVESTMENT = "investment", _("Investment and firms")
        OFFICE = "office", _("Office or representation")
        TRANSPORT = "transport", _("Transport link")
        OTHER = "other", _("Other")

    ref = ref_field()
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    from_actor = models.ForeignKey(
        Actor, verbose_name=_("from"), on_delete=models.CASCADE, related_name="ties_from"
    )
    to_actor = models.ForeignKey(
        Actor, verbose_name=_("to"), on_delete=models.CASCADE, related_name="ties_to"
    )
    description = models.TextField(_("description"), blank=True)
    figure = models.PositiveIntegerField(
        _("figure"), null=True, blank=True, help_text=_("A count the source gives, e.g. firms.")
    )
    since_on = models.DateField(_("since"), null=True, blank=True)
    since_precision = precision_field(_("precision of date"))
    citations = GenericRelation(Citation)

    class Meta:
        ordering = ["kind", "pk"]
        verbose_name = _("tie")
        verbose_name_plural = _("ties")
        constraints = [
            unique_ref(),
            *partial_date_constraints("since"),
            models.CheckConstraint(
                condition=~Q(from_actor=F("to_actor")), name="%(class)s_two_different_actors"
            ),
        ]

    def __str__(self) -> str:
        return "%s – %s (%s)" % (self.from_actor, self.to_actor, self.get_kind_display())
