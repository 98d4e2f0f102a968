"""The figures the portal's pages draw: counts, per-year series, map lines and a pair's timeline.

Each function costs a fixed number of queries whatever the number of records, because each is one
aggregate query; the pages' query budgets rest on that.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Model, Q, QuerySet, Value
from django.db.models.functions import Coalesce, ExtractYear, NullIf
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperation.models import Activity, Agreement, Citation, Issue, Pair
from partners.models import Actor
from portal.templatetags.portal import year


def _place_code(side: str) -> Coalesce:
    """The ISO 3166-2 code of a side, or of the province or prefecture it lies in (3 levels)."""
    steps = [side, f"{side}__parent", f"{side}__parent__parent", f"{side}__parent__parent__parent"]
    return Coalesce(*(NullIf(f"{step}__iso_code", Value("")) for step in steps))


def map_lines(pairs: QuerySet) -> dict:
    """Pairs grouped by the two places they join and by status, for the map; two queries.

    `pairs` must carry `status` (PairQuerySet.with_status) and hold each pair once (filter by
    `pk__in` a filtered set, not through a to-many join). Pairs whose sides have no place on the
    map (a national agency) are counted in `unplaced`.
    """
    rows = (
        pairs.order_by()
        .annotate(thai_place=_place_code("thai"), foreign_place=_place_code("foreign"))
        .values("thai_place", "foreign_place", "status")
        .annotate(count=Count("pk"))
    )
    lines, unplaced = [], 0
    for row in rows:
        if row["thai_place"] and row["foreign_place"]:
            lines.append(
                {
                    "from": row["thai_place"],
                    "to": row["foreign_place"],
                    "status": row["status"],
                    "count": row["count"],
                }
            )
        else:
            unplaced += row["count"]
    lines.sort(key=lambda line: (line["from"], line["to"], line["status"]))
    codes = {line["from"] for line in lines} | {line["to"] for line in lines}
    places = {
        actor.iso_code: str(actor)
        for actor in Actor.objects.filter(
            iso_code__in=codes, kind__in=[Actor.Kind.PROVINCE, Actor.Kind.PREFECTURE]
        )
    }
    return {
        "lines": lines,
        "unplaced": unplaced,
        "labels": {
            "places": places,
            "statuses": {value: str(label) for value, label in Pair.Status.choices},
        },
        "legend": [(value, label) for value, label in Pair.Status.choices],
        "total": sum(line["count"] for line in lines),
    }


def pair_counts(pairs: QuerySet) -> dict[str, list[tuple[str, int]]]:
    """Pairs by the foreign side's country and by status; two queries."""
    by_country = (
        pairs.order_by().values_list("foreign__country").annotate(n=Count("pk")).order_by("-n")
    )
    statuses = dict(Pair.Status.choices)
    by_status = pairs.order_by().values_list("status").annotate(n=Count("pk"))
    found = dict(by_status)
    return {
        "country": [(code, n) for code, n in by_country],
        "status": [(statuses[s], found.get(s, 0)) for s in Pair.Status.values],
    }


def agreement_counts() -> list[tuple[str, int]]:
    found = dict(Agreement.objects.order_by().values_list("kind").annotate(n=Count("pk")))
    return [(label, found[kind]) for kind, label in Agreement.Kind.choices if kind in found]


def agreements_per_year() -> dict:
    """Signed agreements per year, one series per kind, for a stacked bar chart; one query."""
    rows = (
        Agreement.objects.filter(signed_on__isnull=False)
        .order_by()
        .annotate(year=ExtractYear("signed_on"))
        .values_list("year", "kind")
        .annotate(n=Count("pk"))
    )
    counts: dict[str, Counter] = defaultdict(Counter)
    for number, kind, n in rows:
        counts[kind][number] += n
    years = sorted({number for series in counts.values() for number in series})
    if years:
        years = list(range(years[0], years[-1] + 1))
    series = [
        {"label": str(label), "data": [counts[kind][y] for y in years]}
        for kind, label in Agreement.Kind.choices
        if kind in counts
    ]
    return {"years": years, "year_labels": [year(y) for y in years], "series": series}


def issues_by_count(limit: int = 15) -> list[tuple[Issue, int]]:
    """The issues most pairs work on; one query."""
    issues = (
        Issue.objects.annotate(n=Count("pairs", distinct=True))
        .filter(n__gt=0)
        .order_by("-n", "slug")[:limit]
    )
    return [(issue, issue.n) for issue in issues]


def pair_timeline(
    pair: Pair,
    activities: list[Activity],
    agreements: list[Agreement],
    today: dt.date | None = None,
) -> dict:
    """Activities per year from the first record to this year, with the quiet years marked.

    A year is quiet when nothing (no activity, no signing) happened in it or in the
    `PORTAL_DORMANT_AFTER_YEARS` years before it: the stretch in which the pair is dormant.
    """
    today = today or timezone.localdate()
    per_year = Counter(a.occurred_on.year for a in activities if a.occurred_on)
    signed = Counter(a.signed_on.year for a in agreements if a.signed_on)
    events = set(per_year) | set(signed)
    if pair.first_signed_on:
        events.add(pair.first_signed_on.year)
    if not events:
        return {"years": [], "year_labels": [], "counts": [], "signed": [], "quiet": []}
    last_year = pair.ended_on.year if pair.ended_on else today.year
    years = list(range(min(events), max(last_year, max(events)) + 1))
    threshold = settings.PORTAL_DORMANT_AFTER_YEARS
    quiet, latest = [], None
    for number in years:
        if number in events:
            latest = number
        quiet.append(latest is not None and number - latest >= threshold)
    return {
        "years": years,
        "year_labels": [year(y) for y in years],
        "counts": [per_year[y] for y in years],
        "signed": [signed[y] for y in years],
        "signed_label": _("Agreements signed"),
        "quiet": quiet,
        "activities_label": _("Activities"),
        "quiet_label": _("Dormant (no activity for %(years)s years or more)")
        % {"years": threshold},
    }


def citations_for(records: list[Model]) -> list[Citation]:
    """Every citation of these records, in one query, each with its `record` set."""
    by_type: dict[int, dict[int, Model]] = defaultdict(dict)
    for record in records:
        by_type[ContentType.objects.get_for_model(record).pk][record.pk] = record
    if not by_type:
        return []
    condition = Q()
    for content_type_id, found in by_type.items():
        condition |= Q(content_type_id=content_type_id, object_id__in=list(found))
    citations = list(Citation.objects.filter(condition).select_related("source"))
    for citation in citations:
        citation.cited = by_type[citation.content_type_id][citation.object_id]
    return citations
