"""The portal's own counts of what a source's stated totals count (StatedFigure.counted_as)."""

from __future__ import annotations

from collections.abc import Callable

from django.db.models import Q, QuerySet
from django.utils.translation import gettext_lazy as _

from cooperation.models import Agreement, Pair, StatedFigure
from cooperation.services import SIGNED_STATUSES
from partners.models import Actor


def city_pairs() -> QuerySet[Pair]:
    """Pairs joined by a signed sister, friendship or cultural twin-city agreement."""
    signed_city = Q(agreements__kind__in=Agreement.CITY_KINDS) & Q(
        agreements__status__in=SIGNED_STATUSES
    )
    return Pair.objects.filter(signed_city).distinct()


def th_jp_city_pairs() -> int:
    return city_pairs().filter(foreign__country="JP").count()


def th_province_jp_city_pairs() -> int:
    return city_pairs().filter(foreign__country="JP", thai__kind=Actor.Kind.PROVINCE).count()


def th_foreign_city_pairs() -> int:
    return city_pairs().count()


def th_cn_pairs() -> int:
    return city_pairs().filter(foreign__country="CN").count()


def bma_jp_pairs() -> int:
    return city_pairs().filter(thai__iso_code="TH-10", foreign__country="JP").count()


def dip_mous() -> int:
    return (
        Agreement.objects.filter(kind=Agreement.Kind.MOU, parties__slug="th-dip")
        .filter(parties__country="JP")
        .distinct()
        .count()
    )


def jp_lg_offices_th() -> int:
    """Japanese local governments that run an office in Thailand (one per government)."""
    offices = Actor.objects.filter(
        kind=Actor.Kind.OFFICE_ABROAD,
        country="TH",
        parent__country="JP",
        parent__kind__in=Actor.LOCALITY_KINDS,
    )
    return offices.values("parent").distinct().count()


def success_levels() -> int:
    return len(Pair.SuccessLevel.choices)


COUNTS: dict[str, tuple[Callable[[], int], str]] = {
    "th_jp_city_pairs": (th_jp_city_pairs, _("Pairs with a signed city agreement, Japan")),
    "th_province_jp_city_pairs": (
        th_province_jp_city_pairs,
        _("Pairs of a Thai province with a signed city agreement, Japan"),
    ),
    "th_foreign_city_pairs": (th_foreign_city_pairs, _("Pairs with a signed city agreement")),
    "th_cn_pairs": (th_cn_pairs, _("Pairs with a signed city agreement, China")),
    "bma_jp_pairs": (bma_jp_pairs, _("Bangkok's pairs with a signed city agreement, Japan")),
    "dip_mous": (dip_mous, _("MoUs of DIP with Japanese parties")),
    "jp_lg_offices_th": (
        jp_lg_offices_th,
        _("Japanese local governments with an office in Thailand"),
    ),
    "success_levels": (success_levels, _("Success levels the portal records")),
}


def portal_count(figure: StatedFigure) -> int | None:
    """The portal's count beside a stated figure, or None where it cannot compute one."""
    entry = COUNTS.get(figure.counted_as)
    return entry[0]() if entry else None


def portal_count_label(figure: StatedFigure) -> str:
    entry = COUNTS.get(figure.counted_as)
    return str(entry[1]) if entry else ""
