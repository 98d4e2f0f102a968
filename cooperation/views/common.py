"""What every page of the researchers' portal shares: filter options, exports, links."""

from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from cooperation.models import Citation, Issue, unstated_values
from partners.choices import place_options, places
from portal.exports import export_response
from portal.pages import country_options, export_rows, options

EXPORT_FORMATS = ("csv", "xlsx")


def filter_options(request: HttpRequest, *, place_names: dict[str, str], **choices) -> dict:
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


def export_file(request: HttpRequest, output: str, rows, columns, filename: str) -> HttpResponse:
    if output not in EXPORT_FORMATS:
        raise Http404(_("Exports are CSV or XLSX."))
    return export_response(export_rows(rows), columns, output=output, filename=filename)


def absolute_url(request: HttpRequest, name: str, *args) -> str:
    return request.build_absolute_uri(reverse(name, args=args))


def issue_names(record) -> str:
    return "; ".join(str(issue) for issue in record.issues.all())


def unstated_citations(citations: list[Citation]) -> dict[str, Citation]:
    """{field: citation} of the values no source states outright, for the page's marks."""
    return {c.field: c for c in citations if c.field and c.basis != Citation.Basis.STATED}


def unstated_column(record) -> str:
    """An export cell: which values are inferred or come from another source, and how."""
    return "; ".join(
        "%s: %s" % (field, Citation.Basis(basis).label)
        for field, basis in sorted(unstated_values(record.citations.all()).items())
    )
