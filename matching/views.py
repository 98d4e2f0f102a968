"""The researchers' page: the matcher's candidates with the API's filters, and a CSV export."""

from __future__ import annotations

import csv

from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from cooperation.models import Issue
from matching.api import run_query
from matching.candidates import MatchingError
from matching.forms import CandidateQueryForm
from matching.models import CRITERION_LABELS
from matching.scoring import CRITERIA


def candidate_list(request):
    """Candidates for the locality in the query; `?format=csv` downloads the same table."""
    form = CandidateQueryForm(request.GET or None)
    candidates, actors, error = [], {}, ""
    if form.is_bound and form.is_valid():
        try:
            candidates, actors = run_query(form)
        except MatchingError as problem:
            error = str(problem)
    language = (get_language() or "en")[:2]
    rows = [
        {
            "candidate": c,
            "actor": actors[c.actor_id],
            "criteria": [
                (CRITERION_LABELS[k.name], k, k.explanation.get(language, "")) for k in c.criteria
            ],
        }
        for c in candidates
    ]
    if request.GET.get("format") == "csv" and form.is_bound and form.is_valid() and not error:
        return csv_response(form, rows, language)
    issues = Issue.objects.order_by("slug")
    return render(
        request,
        "matching/candidates.html",
        {"form": form, "rows": rows, "error": error, "issues": issues},
    )


def csv_response(form: CandidateQueryForm, rows: list[dict], language: str) -> HttpResponse:
    """One row per candidate: rank, partner, total, then each criterion's score and sentence."""
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    actor = form.cleaned_data["actor"]
    response["Content-Disposition"] = 'attachment; filename="candidates-%s.csv"' % actor.slug
    response.write("\ufeff")  # Excel opens UTF-8 Thai and Japanese only with a BOM
    writer = csv.writer(response)
    header = [_("Rank"), _("Partner"), _("Code"), _("Total")]
    for name in CRITERIA:
        header += [
            str(CRITERION_LABELS[name]),
            _("Why: %(criterion)s") % {"criterion": CRITERION_LABELS[name]},
        ]
    writer.writerow(header)
    for row in rows:
        c, partner = row["candidate"], row["actor"]
        line = [
            c.rank,
            str(partner),
            partner.iso_code or partner.local_code or partner.slug,
            "%.4f" % c.total,
        ]
        for _label, criterion, sentence in row["criteria"]:
            line += ["%.4f" % criterion.score, sentence]
        writer.writerow(line)
    return response
