"""The base of every REST API endpoint: language, strict query parameters, ETag-guarded writes.

The pieces live beside it by sub-domain: `language`, `fields`, `pagination`, `etags`, `schema`,
`export` and `errors`; each app's `api.py` builds its viewsets on `PortalViewSet`.
"""

from __future__ import annotations

from django.db import transaction
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from rest_framework import exceptions, status, viewsets
from rest_framework.response import Response

from portal.api.etags import ConcurrencyMixin
from portal.api.export import ExportMixin
from portal.api.language import API_LANGUAGES, request_language
from portal.api.pagination import PortalPagination
from portal.api.schema import PortalAutoSchema

COMMON_PARAMETERS = frozenset({"lang"})
LIST_PARAMETERS = frozenset({"page", "page_size", "pagination", "cursor"})


class PortalViewSet(ConcurrencyMixin, ExportMixin, viewsets.ModelViewSet):
    """A model's endpoint: reads in the request's language, writes guarded by ETags.

    Subclasses set `queryset`, `serializer_class`, `filterset_class` and, if partner offices may
    write the model, `partner_writable = True` and `partner_takes_part()`.
    """

    pagination_class = PortalPagination
    schema = PortalAutoSchema()
    partner_writable = False
    lookup_value_regex = "[0-9]+"
    http_method_names = ["get", "post", "put", "patch", "delete", "head", "options"]

    def dispatch(self, request, *args, **kwargs):
        self.language = request_language(request)
        with translation.override(self.language):
            response = super().dispatch(request, *args, **kwargs)
        response["Content-Language"] = self.language
        patch_vary_headers(response, ["Accept-Language"])
        return response

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        self.check_query_parameters(request)

    def check_query_parameters(self, request) -> None:
        """Refuse parameters the endpoint does not know, so a misspelt filter is never ignored."""
        allowed = set(COMMON_PARAMETERS)
        if self.action in ("list", "export"):
            allowed |= set(self.filterset_class.base_filters)
            allowed |= LIST_PARAMETERS if self.action == "list" else {"format"}
        errors = {}
        if request.query_params.get("lang", API_LANGUAGES[0]) not in API_LANGUAGES:
            errors["lang"] = [_("Choose th, en or ja.")]
        for name in request.query_params:
            if name not in allowed:
                errors[name] = [_("This query parameter is unknown here.")]
        if errors:
            raise exceptions.ValidationError(errors)

    def partner_takes_part(self, request, obj) -> bool:
        return False

    def base_queryset(self):
        """The queryset reads use; override to annotate it per request."""
        return super().get_queryset()

    def get_queryset(self):
        queryset = self.base_queryset()
        if self.request.method in ("PUT", "PATCH", "DELETE"):
            # Hold the row from the ETag check to the write, so two writers cannot both pass.
            queryset = queryset.select_for_update(of=("self",))
        return queryset

    def written(self, instance, status_code: int) -> Response:
        """Answer a write with the record as a read would show it, and its new ETag."""
        data = self.get_serializer(instance).data
        return Response(data, status=status_code, headers={"ETag": self.etag(instance)})

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        with transaction.atomic():
            self.perform_create(serializer)
        return self.written(self.saved, status.HTTP_201_CREATED)

    def update(self, request, *args, **kwargs):
        partial = kwargs.pop("partial", False)
        with transaction.atomic():
            instance = self.get_object()
            serializer = self.get_serializer(instance, data=request.data, partial=partial)
            serializer.is_valid(raise_exception=True)
            self.perform_update(serializer)
        return self.written(self.saved, status.HTTP_200_OK)

    def destroy(self, request, *args, **kwargs):
        with transaction.atomic():
            return super().destroy(request, *args, **kwargs)

    def perform_create(self, serializer):
        self.saved = self.reread(serializer.save())
        self.check_partner_result(self.saved)

    def perform_update(self, serializer):
        self.saved = self.reread(serializer.save())
        self.check_partner_result(self.saved)

    def reread(self, instance):
        """The saved record as reads load it: annotations and fresh related rows."""
        return self.base_queryset().get(pk=instance.pk)

    def check_partner_result(self, instance) -> None:
        """A partner office may not write a record its organisation would not take part in."""
        if getattr(self.request.auth, "organisation_id", None) is None:
            return
        if not self.partner_takes_part(self.request, instance):
            raise exceptions.PermissionDenied(
                _("Your organisation, or one under it, must take part in this record.")
            )
