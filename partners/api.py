"""REST endpoints for actors."""

from __future__ import annotations

from django.db.models import Q
from rest_framework.exceptions import NotFound

from partners.filters import ActorFilterSet
from partners.lookups import actor_lookup
from partners.models import Actor
from partners.serializers import ActorSerializer
from portal.api.views import PortalViewSet


class ActorViewSet(PortalViewSet):
    """Actors, addressable by id, slug or code: `actors/TH-50/`, `actors/162043/`."""

    queryset = Actor.objects.select_related("parent").prefetch_related("tags")
    serializer_class = ActorSerializer
    filterset_class = ActorFilterSet
    lookup_value_regex = "[^/]+"

    def get_object(self):
        value = self.kwargs[self.lookup_field]
        queryset = self.get_queryset()
        obj = queryset.filter(actor_lookup(value)).first()
        if obj is None and not (value.isdigit() and len(value) == 6):
            raise NotFound()
        # A six-digit id that is no Japanese code is still an id.
        obj = obj or queryset.filter(Q(pk=int(value))).first()
        if obj is None:
            raise NotFound()
        self.check_object_permissions(self.request, obj)
        if self.request.method in ("PUT", "PATCH", "DELETE"):
            self.check_precondition(self.request, obj)
        return obj
