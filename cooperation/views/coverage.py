"""The coverage page: what the sources say they count, beside what the portal holds."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from cooperation.coverage import portal_count, portal_count_label
from cooperation.models import Pair, StatedFigure


def coverage(request: HttpRequest) -> HttpResponse:
    """The totals the sources state, each beside the portal's own count where it has one."""
    stated = list(StatedFigure.objects.prefetch_related("citations__source").order_by("slug"))
    rows = [
        {
            "figure": figure,
            "portal_count": portal_count(figure),
            "portal_label": portal_count_label(figure),
            "citations": list(figure.citations.all()),
        }
        for figure in stated
    ]
    return render(
        request,
        "cooperation/coverage.html",
        {"rows": rows, "success_levels": Pair.SuccessLevel.choices},
    )
