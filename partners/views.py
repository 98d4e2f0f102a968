"""The portal's list of actors, filtered by the API's ActorFilterSet, and its exports.

An actor's own page is in cooperation.views: it shows the actor's pairs and agreements, and
partners imports no other app.
"""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from partners.choices import place_options, places
from partners.filters import ActorFilterSet
from partners.models import Actor
from portal.exports import export_response
from portal.pages import (
    Column,
    choice_labels,
    country_options,
    export_rows,
    filter_rows,
    options,
    paginate,
    render_list,
)


def actor_queryset():
    return Actor.objects.select_related("parent")


def actor_columns(request: HttpRequest) -> list[Column]:
    kinds = choice_labels(kind=Actor.Kind)["kind"]

    def page(actor: Actor) -> str:
        return request.build_absolute_uri(reverse("cooperation:actor_detail", args=[actor.slug]))

    return [
        Column(_("Name"), lambda a: a),
        Column(_("Kind"), lambda a: kinds[a.kind]),
        Column(_("Country"), lambda a: a.country),
        Column(_("Part of"), lambda a: a.parent or ""),
        Column(_("Code"), lambda a: a.iso_code or a.local_code),
        Column(_("Population"), lambda a: a.population),
        Column(_("Page"), page),
    ]


def actor_list(request: HttpRequest) -> HttpResponse:
    listing = filter_rows(request, ActorFilterSet, actor_queryset())
    context = {
        "listing": listing,
        "page": paginate(request, listing.rows),
        "labels": choice_labels(kind=Actor.Kind),
        "options": {
            "country": country_options(request),
            "within": place_options(request, "within", places()),
            "kind": options(request, "kind", Actor.Kind.choices),
            "level": options(request, "level", Actor.Level.choices),
        },
    }
    return render_list(
        request,
        "partners/actor_list.html",
        context,
        results_template="partners/includes/actor_results.html",
    )


def actor_export(request: HttpRequest, output: str) -> HttpResponse:
    if output not in ("csv", "xlsx"):
        raise Http404(_("Exports are CSV or XLSX."))
    listing = filter_rows(request, ActorFilterSet, actor_queryset())
    if not listing.is_valid:
        return actor_list(request)
    return export_response(
        export_rows(listing.rows), actor_columns(request), output=output, filename=_("actors")
    )
