"""Saved weight presets for the matcher."""

from __future__ import annotations

from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from matching.scoring import CRITERIA, DEFAULT_WEIGHTS

CRITERION_LABELS = {
    "complementarity": _("Issue complementarity (both sides gain)"),
    "shared_problems": _("Shared problems and needs"),
    "strategy": _("National-strategy alignment"),
    "symmetry": _("Level and size symmetry"),
    "geography": _("Similar geography"),
    "history": _("Historical and cultural ties"),
    "economic_ties": _("Existing economic ties"),
    "readiness": _("Readiness (offices, experience)"),
    "travel": _("Travel convenience"),
    "existing": _("Existing relations"),
}


def weight_field(name: str) -> models.FloatField:
    return models.FloatField(
        CRITERION_LABELS[name],
        default=DEFAULT_WEIGHTS[name],
        validators=[MinValueValidator(0.0), MaxValueValidator(100.0)],
    )


class WeightPreset(models.Model):
    """A named set of criterion weights that researchers can pick for the matcher."""

    name = models.CharField(_("name"), max_length=100, unique=True)
    description = models.TextField(_("description"), blank=True)
    complementarity = weight_field("complementarity")
    shared_problems = weight_field("shared_problems")
    strategy = weight_field("strategy")
    symmetry = weight_field("symmetry")
    geography = weight_field("geography")
    history = weight_field("history")
    economic_ties = weight_field("economic_ties")
    readiness = weight_field("readiness")
    travel = weight_field("travel")
    existing = weight_field("existing")

    class Meta:
        ordering = ["name"]
        verbose_name = _("weight preset")
        verbose_name_plural = _("weight presets")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(
                    complementarity__gt=0.0,
                    _connector=models.Q.OR,
                    shared_problems__gt=0.0,
                    strategy__gt=0.0,
                    symmetry__gt=0.0,
                    geography__gt=0.0,
                    history__gt=0.0,
                    economic_ties__gt=0.0,
                    readiness__gt=0.0,
                    travel__gt=0.0,
                    existing__gt=0.0,
                ),
                name="%(class)s_some_weight_positive",
                violation_error_message=_("At least one weight must be above zero."),
            )
        ]

    def __str__(self) -> str:
        return self.name

    def weights(self) -> dict[str, float]:
        return {name: getattr(self, name) for name in CRITERIA}
