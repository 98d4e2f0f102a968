"""Project pages: the filtered list and its export, and one project."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperation import figures
from cooperation.filters import ProjectFilterSet
from cooperation.models import Project, ProjectParticipant
from cooperation.views.common import (
    absolute_url,
    export_file,
    filter_options,
    issue_names,
    unstated_citations,
    unstated_column,
)
from portal.pages import Column, choice_labels, filter_rows, paginate, render_list


def project_queryset():
    return Project.objects.select_related(
        "pair__thai", "pair__foreign", "agreement"
    ).prefetch_related(
        Prefetch("participant_set", ProjectParticipant.objects.select_related("actor")),
        "issues",
        "citations",
    )


def project_columns(request: HttpRequest) -> list[Column]:
    labels = choice_labels(status=Project.Status)
    return [
        Column(_("Title"), lambda p: p.title),
        Column(_("Status"), lambda p: labels["status"][p.status]),
        Column(_("Start"), lambda p: p.partial_date_display("starts")),
        Column(_("End"), lambda p: p.partial_date_display("ends")),
        Column(_("Amount"), lambda p: p.amount),
        Column(_("Currency"), lambda p: p.currency),
        Column(_("Participants"), lambda p: "; ".join(str(x) for x in p.participant_set.all())),
        Column(_("Issues"), issue_names),
        Column(_("Values not stated by the source"), unstated_column),
        Column(_("Page"), lambda p: absolute_url(request, "cooperation:project_detail", p.pk)),
    ]


def project_list(request: HttpRequest) -> HttpResponse:
    listing = filter_rows(request, ProjectFilterSet, project_queryset())
    context = {
        "listing": listing,
        "page": paginate(request, listing.rows),
        "options": filter_options(
            request, place_names={"province": ""}, status=Project.Status.choices
        ),
        "labels": choice_labels(status=Project.Status),
    }
    return render_list(
        request,
        "cooperation/project_list.html",
        context,
        results_template="cooperation/includes/project_results.html",
    )


def project_export(request: HttpRequest, output: str) -> HttpResponse:
    listing = filter_rows(request, ProjectFilterSet, project_queryset())
    if not listing.is_valid:
        return project_list(request)
    return export_file(request, output, listing.rows, project_columns(request), _("projects"))


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(project_queryset(), pk=pk)
    activities = list(project.activities.all())
    citations = figures.citations_for([project])
    context = {
        "project": project,
        "activities": activities,
        "citations": citations,
        "unstated": unstated_citations(citations),
        "today": timezone.localdate(),
    }
    return render(request, "cooperation/project_detail.html", context)
