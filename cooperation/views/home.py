"""The home page: what the portal holds, in figures."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from cooperation import figures
from cooperation.models import Agreement, Pair, Project
from partners.models import Actor


def home(request: HttpRequest) -> HttpResponse:
    pairs = Pair.objects.with_status()
    counts = figures.pair_counts(pairs)
    issue_counts = figures.issues_by_count()
    context = {
        "pair_total": sum(n for _label, n in counts["status"]),
        "agreement_total": Agreement.objects.count(),
        "project_total": Project.objects.count(),
        "actor_counts": list(
            Actor.objects.order_by().values_list("country").annotate(n=Count("pk")).order_by("-n")
        ),
        "pairs_by_country": counts["country"],
        "pairs_by_status": counts["status"],
        "agreements_by_kind": figures.agreement_counts(),
        "per_year": figures.agreements_per_year(),
        "issue_counts": issue_counts,
        "map_url": reverse("cooperation:pair_map"),
        "issue_chart": {
            "labels": [str(issue) for issue, _n in issue_counts],
            "counts": [n for _issue, n in issue_counts],
            "label": _("Pairs"),
        },
    }
    return render(request, "cooperation/home.html", context)
