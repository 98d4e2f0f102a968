"""Pairs: one relationship between a Thai actor and a foreign actor, and its derived status."""

from __future__ import annotations

import datetime as dt

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from cooperation.models.issues import Issue
from partners.models import Actor


def dormancy_threshold(today: dt.date | None = None) -> dt.date:
    """The day before which a pair's last activity makes it dormant."""
    today = today or timezone.localdate()
    return today.replace(year=today.year - settings.PORTAL_DORMANT_AFTER_YEARS, day=1)


class PairQuerySet(models.QuerySet):
    def search(self, query: str) -> models.QuerySet:
        """Pairs either of whose sides matches `query` in any language or alias."""
        sides = Actor.objects.search(query).values("pk")
        return self.filter(Q(thai__in=sides) | Q(foreign__in=sides))

    def with_status(self, *, today: dt.date | None = None) -> models.QuerySet:
        """Annotate `status`: ended, dormant (no activity for the configured years) or active."""
        threshold = dormancy_threshold(today)
        return self.annotate(
            status=models.Case(
                models.When(ended_on__isnull=False, then=models.Value(Pair.Status.ENDED)),
                models.When(
                    Q(last_activity_on__lt=threshold)
                    | Q(last_activity_on__isnull=True, first_signed_on__lt=threshold),
                    then=models.Value(Pair.Status.DORMANT),
                ),
                default=models.Value(Pair.Status.ACTIVE),
                output_field=models.CharField(),
            )
        )


class Pair(models.Model):
    """A relationship between one Thai actor and one foreign actor, whatever their kinds."""

    class SuccessLevel(models.TextChoices):
        """The three levels at which a friendship-city relation succeeds (seed 000)."""

        SYMBOLIC = "symbolic", _("Symbolic: friendship and goodwill")
        CULTURAL = "cultural", _("Cultural and educational exchange")
        ECONOMIC = "economic", _("Economic linkage")

    class Status(models.TextChoices):
        ACTIVE = "active", _("Active")
        DORMANT = "dormant", _("Dormant")
        ENDED = "ended", _("Ended")

    thai = models.ForeignKey(
        Actor, verbose_name=_("Thai side"), on_delete=models.PROTECT, related_name="pairs_as_thai"
    )
    foreign = models.ForeignKey(
        Actor,
        verbose_name=_("foreign side"),
        on_delete=models.PROTECT,
        related_name="pairs_as_foreign",
    )
    issues = models.ManyToManyField(
        Issue, verbose_name=_("issues"), blank=True, related_name="pairs"
    )
    success_level = models.CharField(
        _("success level"),
        max_length=10,
        choices=SuccessLevel.choices,
        blank=True,
        help_text=_(
            "The Interior Ministry's three levels of a friendship city's success: symbolic, "
            "cultural and educational, economic (focus group of 22 September 2020, line 92)."
        ),
    )
    description = models.TextField(_("description"), blank=True)
    # Derived from the pair's agreements and activities by services.pair_refresh().
    first_signed_on = models.DateField(_("first signed"), null=True, blank=True, editable=False)
    last_activity_on = models.DateField(_("last activity"), null=True, blank=True, editable=False)
    ended_on = models.DateField(_("ended"), null=True, blank=True, editable=False)

    objects = PairQuerySet.as_manager()

    class Meta:
        ordering = ["first_signed_on", "pk"]
        verbose_name = _("pair")
        verbose_name_plural = _("pairs")
        constraints = [
            models.UniqueConstraint(
                fields=["thai", "foreign"],
                name="%(class)s_unique_sides",
                violation_error_message=_("These two actors are already a pair."),
            ),
            models.CheckConstraint(
                condition=~Q(thai=F("foreign")),
                name="%(class)s_two_different_actors",
                violation_error_message=_("An actor cannot be paired with itself."),
            ),
        ]

    def __str__(self) -> str:
        return "%s – %s" % (self.thai, self.foreign)

    def get_absolute_url(self) -> str:
        return reverse("admin:cooperation_pair_change", args=[self.pk])

    def clean(self) -> None:
        super().clean()
        thai, foreign = getattr(self, "thai", None), getattr(self, "foreign", None)
        if thai is None or foreign is None:
            return
        if thai.pk == foreign.pk:
            raise ValidationError(_("An actor cannot be paired with itself."))
        if thai.country != "TH":
            raise ValidationError(
                {
                    "thai": _("%(actor)s is not Thai: the Thai side must be a Thai actor.")
                    % {"actor": thai}
                }
            )
        if foreign.country == "TH":
            raise ValidationError(
                {
                    "foreign": _("%(actor)s is Thai: the other side must be from another country.")
                    % {"actor": foreign}
                }
            )

    def status_on(self, today: dt.date | None = None) -> str:
        """The same rule as PairQuerySet.with_status(), for one pair already in memory."""
        if self.ended_on:
            return self.Status.ENDED
        last = self.last_activity_on or self.first_signed_on
        if last and last < dormancy_threshold(today):
            return self.Status.DORMANT
        return self.Status.ACTIVE
