"""The language the REST API answers in: `?lang=`, else `Accept-Language`."""

from __future__ import annotations

import re

from django.conf import settings

from portal.languages import LANGUAGE_SUFFIXES

# --- Language ----------------------------------------------------------------------------------

API_LANGUAGES = LANGUAGE_SUFFIXES
_ACCEPT_LANGUAGE = re.compile(r"\s*([A-Za-z]{1,8}(?:-[A-Za-z0-9]{1,8})*|\*)\s*(?:;\s*q=([0-9.]+))?")


def request_language(request) -> str:
    """`?lang=`, else the best of `Accept-Language`, else the portal's default language.

    The API ignores the language cookie the pages set: a client says what it wants each time.
    """
    asked = request.GET.get("lang")
    if asked in API_LANGUAGES:
        return asked
    weighted = []
    for part in request.META.get("HTTP_ACCEPT_LANGUAGE", "").split(","):
        match = _ACCEPT_LANGUAGE.fullmatch(part)
        if not match:
            continue
        try:
            quality = float(match.group(2) or 1)
        except ValueError:
            continue
        code = match.group(1).split("-")[0].lower()
        if code in API_LANGUAGES and quality > 0:
            weighted.append((-quality, len(weighted), code))
    return min(weighted)[2] if weighted else settings.LANGUAGE_CODE[:2]
