"""The actor page. It lives here, not in partners, because it gathers the actor's pairs,
agreements and projects, and partners sits below cooperation (DESIGN.md §2)."""

from __future__ import annotations

from django.db.models import Q
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone

from cooperation import figures
from cooperation.models import Activity, Agreement, Project
from cooperation.views.pairs import pair_queryset
from partners.models import Actor


def actor_detail(request: HttpRequest, slug: str) -> HttpResponse:
    actor = get_object_or_404(Actor.objects.select_related("parent__parent"), slug=slug)
    pairs = pair_queryset().filter(Q(thai=actor) | Q(foreign=actor))
    children = list(actor.children.order_by("kind", "slug")[:200])
    context = {
        "actor": actor,
        "pairs": list(pairs),
        "agreements": list(
            Agreement.objects.filter(party_set__actor=actor).distinct().prefetch_related("issues")
        ),
        "projects": list(Project.objects.filter(participant_set__actor=actor).distinct()),
        "interests": list(actor.interests.select_related("issue")),
        "offices": [c for c in children if c.kind == Actor.Kind.OFFICE_ABROAD],
        "children": [c for c in children if c.kind != Actor.Kind.OFFICE_ABROAD],
        "children_total": actor.children.count(),
        "activity_count": Activity.objects.filter(actors=actor).count(),
        "citations": figures.citations_for([actor]),
        "today": timezone.localdate(),
    }
    return render(request, "cooperation/actor_detail.html", context)
