"""The languages content is kept in, and the countries the portal names."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _

#: Suffixes of the per-language columns modeltranslation adds (`name_th`, `name_en`, `name_ja`).
LANGUAGE_SUFFIXES = ("th", "en", "ja")

COUNTRY_NAMES = {
    "TH": _("Thailand"),
    "JP": _("Japan"),
    "CN": _("China"),
}


def country_name(code: str) -> str:
    """Return the translated name of a country, or its code when the portal has no name for it."""
    return str(COUNTRY_NAMES.get(code, code))
