"""A bare Django view serving the same page of pairs as `/api/v1/pairs/`, for comparison.

It takes the benchmark's three filters (`issue` with its sub-issues, `partner_country`,
`dormant=false`), finds the page with the same SQL as the API's paginator (the ids and the
total in one query, then the rows with both sides, and their issues in one more), and returns
the same fields with a `JsonResponse`: no DRF, no serializers, no filter sets, no throttling, no
checks of parameters.
"""

from __future__ import annotations

from django.db.models import Count, Window
from django.http import JsonResponse
from django.urls import reverse
from django.utils import translation

from cooperation.models import Issue, Pair

FIELDS = ["id", "slug", "name", "kind", "country", "iso_code", "local_code"]


def bare_pairs(request) -> JsonResponse:
    with translation.override(request.GET.get("lang", "en")):
        return JsonResponse(page_of_pairs(request))


def page_of_pairs(request) -> dict:
    issue = Issue.objects.get(slug=request.GET["issue"])
    issues = [i.pk for i in issue.with_descendants()]
    linked = Pair.issues.through.objects.filter(issue__in=issues).values("pair")
    pairs = (
        Pair.objects.with_status()
        .filter(pk__in=linked, foreign__country=request.GET["partner_country"])
        .exclude(status=Pair.Status.DORMANT)
        .select_related("thai", "foreign")
        .prefetch_related("issues")
        .order_by("first_signed_on", "pk")
    )
    keys = list(pairs.annotate(total=Window(Count("pk"))).values_list("pk", "total")[:50])
    count, ids = (keys[0][1] if keys else 0), [pk for pk, _total in keys]
    loaded = {pair.pk: pair for pair in pairs.filter(pk__in=ids).order_by()}
    url = request.build_absolute_uri
    return {
        "count": count,
        "results": [
            {
                "id": pair.pk,
                "url": url(reverse("api:pair-detail", args=[pair.pk])),
                "thai": actor(pair.thai, url),
                "foreign": actor(pair.foreign, url),
                "issues": [
                    {
                        "id": i.pk,
                        "url": url(reverse("api:issue-detail", args=[i.pk])),
                        "slug": i.slug,
                        "name": i.name,
                    }
                    for i in pair.issues.all()
                ],
                "status": pair.status,
                "success_level": pair.success_level,
                "first_signed_on": pair.first_signed_on,
                "last_activity_on": pair.last_activity_on,
                "ended_on": pair.ended_on,
                "description": pair.description,
                "description_th": pair.description_th,
                "description_en": pair.description_en,
                "description_ja": pair.description_ja,
            }
            for pair in (loaded[pk] for pk in ids)
        ],
    }


def actor(actor, url) -> dict:
    return {
        "url": url(reverse("api:actor-detail", args=[actor.pk])),
        **{name: getattr(actor, name) for name in FIELDS},
    }
