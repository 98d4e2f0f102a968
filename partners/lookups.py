"""Finding actors as callers write them: by id, slug, ISO 3166-2 code or Japanese local code."""

from __future__ import annotations

import re
from collections.abc import Iterable

from django.db.models import Q
from django.utils.translation import gettext as _

from partners.models import Actor

JAPANESE_LOCAL_CODE = re.compile(r"^[0-9]{6}$")
ISO_CODE = re.compile(r"^[A-Za-z]{2}-[0-9A-Za-z]{1,3}$")


def actor_lookup(value: str) -> Q:
    """The condition that finds an actor written as an id, a slug or a code.

    `TH-50` and `JP-23` are ISO 3166-2 codes; six digits are a Japanese local-government code
    (an id of six digits is therefore not found this way); other digits are an id.
    """
    value = value.strip()
    if ISO_CODE.match(value):
        return Q(iso_code=value.upper())
    if JAPANESE_LOCAL_CODE.match(value):
        return Q(country="JP", local_code=value)
    if value.isascii() and value.isdigit() and len(value) < 19:
        return Q(pk=int(value))
    return Q(slug=value)


def actors_by_reference(values: Iterable[str]) -> tuple[dict[str, Actor], list[str]]:
    """Resolve every reference in one query; return the found actors and the values not found."""
    values = [v for v in dict.fromkeys(values) if v.strip()]
    if not values:
        return {}, []
    condition = Q()
    for value in values:
        condition |= actor_lookup(value)
    candidates = list(Actor.objects.filter(condition))
    found = {}
    for value in values:
        lookup = actor_lookup(value)
        for actor in candidates:
            if _matches(actor, lookup):
                found[value] = actor
                break
    return found, [v for v in values if v not in found]


def _matches(actor: Actor, lookup: Q) -> bool:
    return all(getattr(actor, field) == expected for field, expected in lookup.children)


def actor_not_found(value: str) -> str:
    return _("No actor has the id, slug or code “%(value)s”.") % {"value": value}
