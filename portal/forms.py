"""Form pieces shared by every app: partial-date input in three calendars."""

from __future__ import annotations

from django import forms
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from portal.dates import (
    Era,
    PartialDate,
    Precision,
    format_partial_date,
    parse_partial_date,
)


def interface_era() -> Era:
    """Thai users read and type Buddhist-era years; everyone else Common-era ones."""
    return Era.BE if (get_language() or "").startswith("th") else Era.CE


class PartialDateFormField(forms.CharField):
    """A year, a month or a day, typed in C.E., B.E. or a Japanese era, in any digits."""

    default_help_text = _(
        "A year, a month or a day: 1992, พ.ศ. 2535, 平成4年, 08/1989 or 12/10/2010 (day first)."
    )

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("help_text", self.default_help_text)
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)

    def prepare_value(self, value):
        if isinstance(value, PartialDate):
            return format_partial_date(value, language=get_language() or "en")
        return value

    def to_python(self, value) -> PartialDate | None:
        if isinstance(value, PartialDate):
            return value
        text = super().to_python(value)
        if not text:
            return None
        return parse_partial_date(text, era=interface_era())


class PartialDateModelFormMixin:
    """Edit each `<prefix>_on` + `<prefix>_precision` pair of a model through one text input.

    `partial_dates` maps a prefix to "start" or "end": a start is stored as the first day of its
    period and an end as the last, so that "end not before start" holds at any precision.
    """

    partial_dates: dict[str, str] = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for prefix in self.partial_dates:
            name = f"{prefix}_on"
            if name not in self.fields:
                continue
            # The precision is set from the parsed value in clean(), never typed in.
            self.fields.pop(f"{prefix}_precision", None)
            model_field = self._meta.model._meta.get_field(name)
            self.fields[name] = PartialDateFormField(label=model_field.verbose_name.capitalize())
            self.initial[name] = self.instance.partial_date(prefix) if self.instance.pk else None

    def clean(self):
        cleaned = super().clean()
        for prefix, bound in self.partial_dates.items():
            name = f"{prefix}_on"
            if name not in cleaned:
                continue
            value: PartialDate | None = cleaned[name]
            setattr(self.instance, f"{prefix}_precision", value.precision if value else "")
            if value is None:
                cleaned[name] = None
            else:
                cleaned[name] = value.last_day() if bound == "end" else value.first_day()
        return cleaned


__all__ = ["PartialDateFormField", "PartialDateModelFormMixin", "Precision", "interface_era"]
