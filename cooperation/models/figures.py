"""Figures a source states about the whole field, kept beside what the portal itself counts."""

from __future__ import annotations

from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.utils.translation import gettext_lazy as _

from cooperation.models.base import PartialDateMixin, partial_date_constraints, precision_field
from cooperation.models.sources import Citation


class StatedFigure(PartialDateMixin, models.Model):
    """One total a source states ("10 Thai–Japanese sister-city pairs"), as of a date.

    `counted_as` names the portal's own count of the same thing (cooperation/coverage.py) where
    the portal can compute one, so a researcher sees the report's figure beside the portal's.
    """

    class Qualifier(models.TextChoices):
        EXACTLY = "exactly", _("exactly")
        MORE_THAN = "more_than", _("more than")
        ABOUT = "about", _("about")
        AT_LEAST = "at_least", _("at least")

    slug = models.SlugField(_("slug"), max_length=80, unique=True)
    what = models.CharField(_("what is counted"), max_length=300)
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=2)
    qualifier = models.CharField(
        _("qualifier"), max_length=10, choices=Qualifier.choices, default=Qualifier.EXACTLY
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    as_of_on = models.DateField(_("as of"), null=True, blank=True)
    as_of_precision = precision_field(_("precision of as of"))
    counted_as = models.CharField(
        _("portal count"),
        max_length=60,
        blank=True,
        help_text=_("The portal's own count of the same thing, where it can compute one."),
    )
    note = models.TextField(_("note"), blank=True)
    citations = GenericRelation(Citation)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("stated figure")
        verbose_name_plural = _("stated figures")
        constraints = [*partial_date_constraints("as_of")]

    def __str__(self) -> str:
        return "%s: %s" % (self.what, self.value_display)

    @property
    def as_of_display(self) -> str:
        return self.partial_date_display("as_of")

    @property
    def value_display(self) -> str:
        number = self.value.normalize() if self.value % 1 else self.value.quantize(1)
        text = f"{number:,}"
        if self.qualifier != self.Qualifier.EXACTLY:
            text = "%s %s" % (self.get_qualifier_display(), text)
        return "%s %s" % (text, self.unit) if self.unit else text
