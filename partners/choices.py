"""Choices the list pages offer that come from actors: the provinces and prefectures."""

from __future__ import annotations

from django.http import HttpRequest

from partners.models import Actor
from portal.pages import Option, options


def places() -> list[Actor]:
    """Provinces and prefectures, which the place filters offer; one query."""
    return list(
        Actor.objects.filter(kind__in=[Actor.Kind.PROVINCE, Actor.Kind.PREFECTURE])
        .exclude(iso_code="")
        .only("iso_code", "country", "slug", "name_th", "name_en", "name_ja")
        .order_by("country", "iso_code")
    )


def place_options(
    request: HttpRequest, name: str, found: list[Actor], country: str = ""
) -> list[Option]:
    return options(
        request,
        name,
        [
            (place.iso_code, "%s (%s)" % (place, place.iso_code))
            for place in found
            if not country or place.country == country
        ],
    )
