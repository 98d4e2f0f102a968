"""Pair pages: the filtered list, its map and export, and one pair with its history."""

from __future__ import annotations

from django.conf import settings
from django.db.models import Prefetch
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperation import figures
from cooperation.filters import PairFilterSet
from cooperation.models import AgreementParty, ApprovalStep, Pair, ProjectParticipant
from cooperation.views.common import absolute_url, export_file, filter_options, issue_names
from partners.models import Actor
from portal.pages import Column, choice_labels, filter_rows, paginate, render_list, selected
from portal.templatetags.portal import year


def pair_queryset():
    return Pair.objects.with_status().select_related("thai", "foreign").prefetch_related("issues")


def pair_columns(request: HttpRequest) -> list[Column]:
    labels = pair_labels()

    def first_signed(pair):
        return pair.first_signed_on and year(pair.first_signed_on)

    return [
        Column(_("Thai side"), lambda p: p.thai),
        Column(_("Kind of Thai side"), lambda p: labels["kind"][p.thai.kind]),
        Column(_("Foreign side"), lambda p: p.foreign),
        Column(_("Kind of foreign side"), lambda p: labels["kind"][p.foreign.kind]),
        Column(_("Country"), lambda p: p.foreign.country),
        Column(_("Issues"), issue_names),
        Column(_("First signed"), first_signed),
        Column(_("Last activity"), lambda p: p.last_activity_on and year(p.last_activity_on)),
        Column(_("Status"), lambda p: labels["status"][p.status]),
        Column(_("Success level"), lambda p: labels["success"].get(p.success_level, "")),
        Column(_("Page"), lambda p: absolute_url(request, "cooperation:pair_detail", p.pk)),
    ]


def pair_labels() -> dict[str, dict[str, str]]:
    return choice_labels(kind=Actor.Kind, status=Pair.Status, success=Pair.SuccessLevel)


def pair_list(request: HttpRequest) -> HttpResponse:
    listing = filter_rows(request, PairFilterSet, pair_queryset())
    context = {
        "listing": listing,
        "page": paginate(request, listing.rows),
        "labels": pair_labels(),
        "options": filter_options(
            request,
            place_names={"province": "TH", "prefecture": "JP"},
            kind=Actor.Kind.choices,
            status=Pair.Status.choices,
            success_level=Pair.SuccessLevel.choices,
        ),
        "values": selected(request, "dormant", "ordering"),
    }
    return render_list(
        request,
        "cooperation/pair_list.html",
        context,
        results_template="cooperation/includes/pair_results.html",
    )


def pair_map(request: HttpRequest) -> HttpResponse:
    """The map of the pairs a list's filters select, loaded by the page after the list itself.

    Grouping every selected pair by the places its sides lie in is the most expensive part of a
    list; fetched apart, it no longer delays the rows the reader came for.
    """
    listing = filter_rows(request, PairFilterSet, Pair.objects.with_status())
    if not listing.is_valid:
        return render(request, "portal/errors.html", {"listing": listing}, status=400)
    pairs = Pair.objects.with_status().filter(pk__in=listing.rows.values("pk"))
    context = {"map": figures.map_lines(pairs), "filter_page": request.GET.get("list") == "1"}
    return render(request, "portal/map.html", context)


def pair_export(request: HttpRequest, output: str) -> HttpResponse:
    listing = filter_rows(request, PairFilterSet, pair_queryset())
    if not listing.is_valid:
        return pair_list(request)
    return export_file(request, output, listing.rows, pair_columns(request), _("pairs"))


def pair_detail(request: HttpRequest, pk: int) -> HttpResponse:
    pair = get_object_or_404(
        pair_queryset().select_related("thai__parent", "foreign__parent"), pk=pk
    )
    agreements = list(
        pair.agreements.prefetch_related(
            Prefetch("party_set", AgreementParty.objects.select_related("actor")),
            Prefetch("approval_steps", ApprovalStep.objects.select_related("body")),
            "issues",
        )
    )
    projects = list(
        pair.projects.prefetch_related(
            Prefetch("participant_set", ProjectParticipant.objects.select_related("actor")),
            "issues",
        )
    )
    activities = list(pair.activities.prefetch_related("issues"))
    context = {
        "pair": pair,
        "status_label": Pair.Status(pair.status).label,
        "events": pair_events(agreements, projects, activities),
        "dormant_years": settings.PORTAL_DORMANT_AFTER_YEARS,
        "agreements": agreements,
        "projects": projects,
        "activities": activities,
        "timeline": figures.pair_timeline(pair, activities, agreements),
        "citations": figures.citations_for([pair, *agreements, *projects, *activities]),
        "map_url": "%s?thai=%d&foreign=%d"
        % (reverse("cooperation:pair_map"), pair.thai_id, pair.foreign_id),
        "today": timezone.localdate(),
    }
    return render(request, "cooperation/pair_detail.html", context)


def pair_events(agreements, projects, activities) -> list[dict]:
    """Every dated event of a pair, oldest first: signings, approval steps, projects, activities."""
    events = []

    def add(record, prefix, label, title, url=None, kind="activity"):
        value = record.partial_date(prefix)
        if value:
            events.append(
                {
                    "sort": value.sort_key(),
                    "when": record.partial_date_display(prefix),
                    "label": label,
                    "title": title,
                    "url": url,
                    "kind": kind,
                }
            )

    for agreement in agreements:
        url = reverse("cooperation:agreement_detail", args=[agreement.pk])
        add(agreement, "signed", agreement.get_signed_basis_display(), agreement, url, "agreement")
        for step in agreement.approval_steps.all():
            title = "%s%s" % (agreement, " · %s" % step.body if step.body else "")
            add(step, "taken", step.get_step_display(), title, url, "approval")
    for project in projects:
        url = reverse("cooperation:project_detail", args=[project.pk])
        add(project, "starts", _("Project starts"), project, url, "project")
    for activity in activities:
        add(activity, "occurred", activity.get_kind_display(), activity)
    return sorted(events, key=lambda event: event["sort"])
