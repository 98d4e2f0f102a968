"""REST endpoints for issues, pairs, agreements, projects, activities, interests and sources."""

from __future__ import annotations

from django.db.models import Prefetch

from accounts.permissions import partner_actor_ids
from cooperation import services
from cooperation.filters import (
    ActivityFilterSet,
    AgreementFilterSet,
    InterestFilterSet,
    IssueFilterSet,
    PairFilterSet,
    ProjectFilterSet,
    SourceFilterSet,
    StatedFigureFilterSet,
)
from cooperation.models import (
    Activity,
    Agreement,
    AgreementParty,
    ApprovalStep,
    Citation,
    Interest,
    Issue,
    Pair,
    Project,
    ProjectParticipant,
    Source,
    StatedFigure,
)
from cooperation.serializers import (
    ActivitySerializer,
    AgreementSerializer,
    InterestSerializer,
    IssueSerializer,
    PairSerializer,
    ProjectSerializer,
    SourceSerializer,
    StatedFigureSerializer,
)
from portal.api.views import PortalViewSet


def citations() -> Prefetch:
    return Prefetch("citations", Citation.objects.select_related("source"))


class IssueViewSet(PortalViewSet):
    queryset = Issue.objects.select_related("parent")
    serializer_class = IssueSerializer
    filterset_class = IssueFilterSet


class PairViewSet(PortalViewSet):
    queryset = Pair.objects.select_related("thai", "foreign").prefetch_related("issues")
    serializer_class = PairSerializer
    filterset_class = PairFilterSet

    def base_queryset(self):
        # Status depends on today's date, so it is annotated per request.
        return super().base_queryset().with_status()


class AgreementViewSet(PortalViewSet):
    queryset = Agreement.objects.select_related("pair__thai", "pair__foreign").prefetch_related(
        "issues",
        Prefetch("party_set", AgreementParty.objects.select_related("actor")),
        Prefetch("approval_steps", ApprovalStep.objects.select_related("body")),
        citations(),
    )
    serializer_class = AgreementSerializer
    filterset_class = AgreementFilterSet

    def perform_destroy(self, instance: Agreement) -> None:
        pair = instance.pair
        instance.delete()
        if pair is not None:
            services.pair_refresh(pair)


class ProjectViewSet(PortalViewSet):
    queryset = Project.objects.select_related(
        "pair__thai", "pair__foreign", "agreement"
    ).prefetch_related(
        "issues",
        Prefetch("participant_set", ProjectParticipant.objects.select_related("actor")),
        citations(),
    )
    serializer_class = ProjectSerializer
    filterset_class = ProjectFilterSet
    partner_writable = True

    def partner_takes_part(self, request, obj: Project) -> bool:
        ids = {p.actor_id for p in obj.participant_set.all()}
        return bool(ids & partner_actor_ids(request))


class ActivityViewSet(PortalViewSet):
    queryset = Activity.objects.select_related(
        "pair__thai", "pair__foreign", "agreement", "project"
    ).prefetch_related("actors", "issues", citations())
    serializer_class = ActivitySerializer
    filterset_class = ActivityFilterSet
    partner_writable = True

    def partner_takes_part(self, request, obj: Activity) -> bool:
        ids = {a.pk for a in obj.actors.all()}
        if obj.pair_id:
            ids |= {obj.pair.thai_id, obj.pair.foreign_id}
        return bool(ids & partner_actor_ids(request))

    def perform_destroy(self, instance: Activity) -> None:
        pair = instance.pair
        instance.delete()
        if pair is not None:
            services.pair_refresh(pair)


class InterestViewSet(PortalViewSet):
    queryset = Interest.objects.select_related("actor", "issue").prefetch_related(citations())
    serializer_class = InterestSerializer
    filterset_class = InterestFilterSet
    partner_writable = True

    def partner_takes_part(self, request, obj: Interest) -> bool:
        return obj.actor_id in partner_actor_ids(request)


class SourceViewSet(PortalViewSet):
    queryset = Source.objects.all()
    serializer_class = SourceSerializer
    filterset_class = SourceFilterSet


class StatedFigureViewSet(PortalViewSet):
    """The totals the sources state, beside the portal's own counts; read-only."""

    queryset = StatedFigure.objects.prefetch_related(citations())
    serializer_class = StatedFigureSerializer
    filterset_class = StatedFigureFilterSet
    http_method_names = ["get", "head", "options"]
