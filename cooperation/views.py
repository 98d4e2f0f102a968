"""The researchers' portal: home, lists with the API's filters, detail pages, exports.

Every list runs the API's FilterSet on its query string (partners.pages), so a page and the API
answer the same question the same way. Every page costs a fixed number of queries whatever the
number of rows: lists select and prefetch what they show, figures are single aggregate queries.
"""

from __future__ import annotations

from django.conf import settings
from django.db.models import Count, Prefetch, Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cooperation import figures
from cooperation.filters import AgreementFilterSet, PairFilterSet, ProjectFilterSet
from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    ApprovalStep,
    Interest,
    Issue,
    Pair,
    Project,
    ProjectParticipant,
)
from partners.exports import export_response
from partners.models import Actor
from partners.pages import (
    Column,
    choice_labels,
    country_options,
    export_rows,
    filter_rows,
    options,
    paginate,
    place_options,
    places,
    render_list,
    selected,
)
from partners.templatetags.portal import year

EXPORT_FORMATS = ("csv", "xlsx")


def _options(request: HttpRequest, *, place_names: dict[str, str], **choices) -> dict:
    """Every select of a list's filter form: issues and places (two queries), and choices."""
    issues = Issue.objects.only("slug", "parent_id", "name_th", "name_en", "name_ja")
    found = places()
    return {
        "issue": options(
            request,
            "issue",
            [(i.slug, "— %s" % i if i.parent_id else str(i)) for i in issues.order_by("slug")],
        ),
        "country": country_options(request),
        **{name: place_options(request, name, found, c) for name, c in place_names.items()},
        **{name: options(request, name, values) for name, values in choices.items()},
    }


def _export(request: HttpRequest, output: str, rows, columns, filename: str) -> HttpResponse:
    if output not in EXPORT_FORMATS:
        raise Http404(_("Exports are CSV or XLSX."))
    return export_response(export_rows(rows), columns, output=output, filename=filename)


def _absolute(request: HttpRequest, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def _issue_names(record) -> str:
    return "; ".join(str(issue) for issue in record.issues.all())


# --- Home -------------------------------------------------------------------------------------


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


# --- Pairs ------------------------------------------------------------------------------------


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
        Column(_("Issues"), _issue_names),
        Column(_("First signed"), first_signed),
        Column(_("Last activity"), lambda p: p.last_activity_on and year(p.last_activity_on)),
        Column(_("Status"), lambda p: labels["status"][p.status]),
        Column(_("Success level"), lambda p: labels["success"].get(p.success_level, "")),
        Column(_("Page"), lambda p: _absolute(request, "cooperation:pair_detail", p.pk)),
    ]


def pair_labels() -> dict[str, dict[str, str]]:
    return choice_labels(kind=Actor.Kind, status=Pair.Status, success=Pair.SuccessLevel)


def pair_list(request: HttpRequest) -> HttpResponse:
    listing = filter_rows(request, PairFilterSet, pair_queryset())
    context = {
        "listing": listing,
        "page": paginate(request, listing.rows),
        "labels": pair_labels(),
        "options": _options(
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
    return _export(request, output, listing.rows, pair_columns(request), _("pairs"))


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


# --- Agreements -------------------------------------------------------------------------------


def agreement_queryset():
    return Agreement.objects.select_related("pair__thai", "pair__foreign").prefetch_related(
        Prefetch("party_set", AgreementParty.objects.select_related("actor")), "issues"
    )


def agreement_columns(request: HttpRequest) -> list[Column]:
    labels = choice_labels(kind=Agreement.Kind, status=Agreement.Status)
    return [
        Column(_("Title"), lambda a: a.title),
        Column(_("Kind"), lambda a: labels["kind"][a.kind]),
        Column(_("Status"), lambda a: labels["status"][a.status]),
        Column(_("Signed"), lambda a: a.partial_date_display("signed")),
        Column(_("Parties"), lambda a: "; ".join(str(p) for p in a.party_set.all())),
        Column(_("Issues"), _issue_names),
        Column(_("Page"), lambda a: _absolute(request, "cooperation:agreement_detail", a.pk)),
    ]


def agreement_list(request: HttpRequest) -> HttpResponse:
    listing = filter_rows(request, AgreementFilterSet, agreement_queryset())
    context = {
        "listing": listing,
        "page": paginate(request, listing.rows),
        "options": _options(
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
    return _export(request, output, listing.rows, agreement_columns(request), _("agreements"))


def agreement_detail(request: HttpRequest, pk: int) -> HttpResponse:
    agreement = get_object_or_404(
        agreement_queryset().prefetch_related(
            Prefetch("approval_steps", ApprovalStep.objects.select_related("body"))
        ),
        pk=pk,
    )
    projects = list(agreement.projects.all())
    activities = list(agreement.activities.all())
    context = {
        "agreement": agreement,
        "projects": projects,
        "activities": activities,
        "citations": figures.citations_for([agreement]),
        "today": timezone.localdate(),
    }
    return render(request, "cooperation/agreement_detail.html", context)


# --- Projects ---------------------------------------------------------------------------------


def project_queryset():
    return Project.objects.select_related(
        "pair__thai", "pair__foreign", "agreement"
    ).prefetch_related(
        Prefetch("participant_set", ProjectParticipant.objects.select_related("actor")), "issues"
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
        Column(_("Issues"), _issue_names),
        Column(_("Page"), lambda p: _absolute(request, "cooperation:project_detail", p.pk)),
    ]


def project_list(request: HttpRequest) -> HttpResponse:
    listing = filter_rows(request, ProjectFilterSet, project_queryset())
    context = {
        "listing": listing,
        "page": paginate(request, listing.rows),
        "options": _options(request, place_names={"province": ""}, status=Project.Status.choices),
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
    return _export(request, output, listing.rows, project_columns(request), _("projects"))


def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    project = get_object_or_404(project_queryset(), pk=pk)
    activities = list(project.activities.all())
    context = {
        "project": project,
        "activities": activities,
        "citations": figures.citations_for([project]),
        "today": timezone.localdate(),
    }
    return render(request, "cooperation/project_detail.html", context)


# --- Issues -----------------------------------------------------------------------------------


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


# --- Actors -----------------------------------------------------------------------------------
# The actor page lives here, not in partners, because it gathers the actor's pairs, agreements
# and projects: partners imports no other app (DESIGN.md §2).


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
