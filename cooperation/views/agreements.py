"""Agreement pages: the filtered list and its export, and one agreement."""

from __future__ import annotations

from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperation import figures
from cooperation.filters import AgreementFilterSet
from cooperation.models import Agreement, AgreementParty, ApprovalStep
from cooperation.views.common import (
    absolute_url,
    export_file,
    filter_options,
    issue_names,
    unstated_citations,
    unstated_column,
)
from portal.pages import Column, choice_labels, filter_rows, paginate, render_list


def agreement_queryset():
    return Agreement.objects.select_related("pair__thai", "pair__foreign").prefetch_related(
        Prefetch("party_set", AgreementParty.objects.select_related("actor")),
        "issues",
        "citations",
    )


def agreement_columns(request: HttpRequest) -> list[Column]:
    labels = choice_labels(kind=Agreement.Kind, status=Agreement.Status)
    return [
        Column(_("Title"), lambda a: a.title),
        Column(_("Kind"), lambda a: labels["kind"][a.kind]),
        Column(_("Status"), lambda a: labels["status"][a.status]),
        Column(_("Signed"), lambda a: a.partial_date_display("signed")),
        Column(_("Parties"), lambda a: "; ".join(str(p) for p in a.party_set.all())),
        Column(_("Issues"), issue_names),
        Column(_("Values not stated by the source"), unstated_column),
        Column(_("Page"), lambda a: absolute_url(request, "cooperation:agreement_detail", a.pk)),
    ]


def agreement_list(request: HttpRequest) -> HttpResponse:
    listing = filter_rows(request, AgreementFilterSet, agreement_queryset())
    context = {
        "listing": listing,
        "page": paginate(request, listing.rows),
        "options": filter_options(
            request,
            place_names={"province": ""},
            kind=Agreement.Kind.choices,
            status=Agreement.Status.choices,
        ),
        "labels": choice_labels(kind=Agreement.Kind, status=Agreement.Status),
    }
    return render_list(
        request,
        "cooperation/agreement_list.html",
        context,
        results_template="cooperation/includes/agreement_results.html",
    )


def agreement_export(request: HttpRequest, output: str) -> HttpResponse:
    listing = filter_rows(request, AgreementFilterSet, agreement_queryset())
    if not listing.is_valid:
        return agreement_list(request)
    return export_file(request, output, listing.rows, agreement_columns(request), _("agreements"))


def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(
        agreement_queryset().prefetch_related(
            Prefetch("approval_steps", ApprovalStep.objects.select_related("body"))
        ),
        pk=pk,
    )
    projects = list(agreement.projects.all())
    activities = list(agreement.activities.all())
    citations = figures.citations_for([agreement])
    context = {
        "agreement": agreement,
        "projects": projects,
        "activities": activities,
        "citations": citations,
        "unstated": unstated_citations(citations),
        "today": timezone.localdate(),
    }
    return render(request, "cooperation/agreement_detail.html", context)
