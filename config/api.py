"""The REST API's router: `/api/v1/`, its OpenAPI schema and its offline docs."""

from django.http import JsonResponse
from django.urls import include, path, re_path
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from cooperation.api import (
    ActivityViewSet,
    AgreementViewSet,
    InterestViewSet,
    IssueViewSet,
    PairViewSet,
    ProjectViewSet,
    SourceViewSet,
    StatedFigureViewSet,
)
from matching.api import CandidateListView
from partners.api import ActorViewSet

router = DefaultRouter()
router.register("actors", ActorViewSet, basename="actor")
router.register("issues", IssueViewSet, basename="issue")
router.register("pairs", PairViewSet, basename="pair")
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("projects", ProjectViewSet, basename="project")
router.register("activities", ActivityViewSet, basename="activity")
router.register("interests", InterestViewSet, basename="interest")
router.register("sources", SourceViewSet, basename="source")
router.register("stated-figures", StatedFigureViewSet, basename="stated-figure")


@csrf_exempt  # a write to a path that does not exist is a 404, whatever its cookies
def not_found(request, *args, **kwargs) -> JsonResponse:
    """Any other path under the API: a JSON 404, as API clients expect, not an HTML page."""
    return JsonResponse({"detail": _("Not found.")}, status=404)


app_name = "api"
urlpatterns = [
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("matching/candidates/", CandidateListView.as_view(), name="matching-candidates"),
    path("", include(router.urls)),
    re_path(r"^.*$", not_found),
]
