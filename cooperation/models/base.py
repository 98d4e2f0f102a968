"""Field builders and the partial-date mixin that the cooperation models share."""

from __future__ import annotations

from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from portal.dates import PartialDate, Precision, format_partial_date


def ref_field() -> models.SlugField:
    return models.SlugField(
        _("reference"),
        max_length=80,
        blank=True,
        help_text=_("A stable identifier from the dataset the record came from."),
    )


def unique_ref() -> models.UniqueConstraint:
    return models.UniqueConstraint(
        fields=["ref"], condition=~Q(ref=""), name="%(class)s_unique_ref"
    )


def precision_field(verbose_name: str) -> models.CharField:
    return models.CharField(verbose_name, max_length=5, choices=Precision.choices, blank=True)


def partial_date_constraints(prefix: str) -> list[models.CheckConstraint]:
    """A partial date's day and its precision are set together or not at all."""
    on, precision = f"{prefix}_on", f"{prefix}_precision"
    return [
        models.CheckConstraint(
            condition=Q(**{f"{on}__isnull": True, precision: ""})
            | Q(**{f"{on}__isnull": False}) & ~Q(**{precision: ""}),
            name=f"%(class)s_{prefix}_precision_set",
        )
    ]


def end_not_before_start(start: str, end: str) -> models.CheckConstraint:
    """An end date is stored as the last day of its period, so this holds for any precisions."""
    return models.CheckConstraint(
        condition=Q(**{f"{start}_on__isnull": True})
        | Q(**{f"{end}_on__isnull": True})
        | Q(**{f"{end}_on__gte": F(f"{start}_on")}),
        name=f"%(class)s_{end}_not_before_{start}",
        violation_error_message=_("The end cannot come before the start."),
    )


class PartialDateMixin:
    """Read `<prefix>_on` + `<prefix>_precision` pairs as PartialDate values."""

    def partial_date(self, prefix: str) -> PartialDate | None:
        day = getattr(self, f"{prefix}_on")
        precision = getattr(self, f"{prefix}_precision")
        return PartialDate.from_date(day, Precision(precision)) if day else None

    def partial_date_display(self, prefix: str, language: str | None = None) -> str:
        from django.utils.translation import get_language

        value = self.partial_date(prefix)
        return format_partial_date(value, language=language or get_language()) if value else ""
