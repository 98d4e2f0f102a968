"""Issue pages: the vocabulary and each issue with its records."""

from __future__ import annotations

from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render

from cooperation.models import Agreement, Interest, Issue, Project
from cooperation.views.pairs import pair_queryset


def issue_list(request: HttpRequest) -> HttpResponse:
    issues = list(
        Issue.objects.annotate(
            n_pairs=Count("pairs", distinct=True), n_agreements=Count("agreements", distinct=True)
        ).order_by("slug")
    )
    children: dict[int | None, list[Issue]] = {}
    for issue in issues:
        children.setdefault(issue.parent_id, []).append(issue)
    tree = []

    def walk(parent_id, depth):
        for issue in children.get(parent_id, []):
            tree.append((issue, depth))
            walk(issue.pk, depth + 1)

    walk(None, 0)
    return render(request, "cooperation/issue_list.html", {"tree": tree})


def issue_detail(request: HttpRequest, slug: str) -> HttpResponse:
    issue = get_object_or_404(Issue.objects.select_related("parent"), slug=slug)
    inside = [i.pk for i in issue.with_descendants()]
    pairs = pair_queryset().filter(issues__in=inside).distinct()
    context = {
        "issue": issue,
        "children": list(issue.children.all()),
        "pairs": list(pairs[:50]),
        "pair_count": pairs.count(),
        "agreement_count": Agreement.objects.filter(issues__in=inside).distinct().count(),
        "project_count": Project.objects.filter(issues__in=inside).distinct().count(),
        "interests": list(
            Interest.objects.filter(issue__in=inside).select_related("actor", "issue")[:100]
        ),
    }
    return render(request, "cooperation/issue_detail.html", context)
