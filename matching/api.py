"""`/api/v1/matching/candidates/`: ranked, explained partners for one locality."""

from __future__ import annotations

from django.utils import translation
from django.utils.cache import patch_vary_headers
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import exceptions
from rest_framework.response import Response
from rest_framework.views import APIView

from matching.candidates import MatchingError, find_candidates
from matching.forms import CandidateQueryForm
from matching.serializers import actor_brief, candidate_data
from partners.models import Actor
from portal.api.language import request_language
from portal.api.schema import PortalAutoSchema

PARAMETERS = {"actor", "issue", "country", "kind", "limit", "preset", "sister_city", "lang"}


def run_query(form: CandidateQueryForm):
    """The candidates a valid query asks for, and their actors by id."""
    data = form.cleaned_data
    preset = data.get("preset")
    candidates = find_candidates(
        data["actor"], issue=data["issue"], country=data["country"], kinds=data["kind"] or None,
        limit=data["limit"], weights=preset.weights() if preset else None,
        equal_status_only=data["sister_city"],
    )  # fmt: skip
    actors = Actor.objects.in_bulk([c.actor_id for c in candidates])
    return candidates, actors


class CandidateListView(APIView):
    """Candidate partners of `actor` (either country), best first, each criterion explained."""

    schema = PortalAutoSchema()  # documents `lang` and the error responses

    def dispatch(self, request, *args, **kwargs):
        self.language = request_language(request)
        with translation.override(self.language):
            response = super().dispatch(request, *args, **kwargs)
        response["Content-Language"] = self.language
        patch_vary_headers(response, ["Accept-Language"])
        return response

    @extend_schema(
        parameters=[
            OpenApiParameter("actor", str, required=True,
                             description="Asking locality: id, slug or code (TH-50, JP-23)."),
            OpenApiParameter("issue", str, description="Issue slug; sub-issues are included."),
            OpenApiParameter("country", str, description="Partners' country (default JP)."),
            OpenApiParameter("kind", str, many=True, description="Partner kinds (repeatable)."),
            OpenApiParameter("limit", int, description="Number of candidates, 1-100 (10)."),
            OpenApiParameter("preset", str, description="Name of a saved weight preset."),
            OpenApiParameter("sister_city", bool,
                             description="Only partners of equal standing (Interior Ministry)."),
        ],
        responses={200: OpenApiTypes.OBJECT},
        description="Candidates ranked by total; each criterion with score, weight, "
        "contribution and an explanation in th, en and ja.",
    )  # fmt: skip
    def get(self, request):
        unknown = {n: [translation.gettext("This query parameter is unknown here.")]
                   for n in request.query_params if n not in PARAMETERS}  # fmt: skip
        if unknown:
            raise exceptions.ValidationError(unknown)
        form = CandidateQueryForm(request.query_params)
        if not form.is_valid():
            raise exceptions.ValidationError(
                {
                    name: [e["message"] for e in errors]
                    for name, errors in form.errors.get_json_data().items()
                }
            )
        try:
            candidates, actors = run_query(form)
        except MatchingError as error:
            raise exceptions.ValidationError({error.field: [str(error)]}) from None
        return Response({
            "actor": actor_brief(form.cleaned_data["actor"]),
            "issue": form.cleaned_data["issue"],
            "results": [candidate_data(c, actors[c.actor_id]) for c in candidates],
        })  # fmt: skip
