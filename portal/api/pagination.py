"""Page-number and cursor pagination with a capped page size, for every list endpoint."""

from __future__ import annotations

from django.core.paginator import Paginator as DjangoPaginator
from django.db.models import Count, QuerySet, Window
from django.utils.translation import gettext as _
from rest_framework import exceptions, pagination

# --- Pagination --------------------------------------------------------------------------------

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 200


def _positive_int(request, name: str, *, maximum: int | None = None) -> int | None:
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return None
    if not (raw.isascii() and raw.isdigit()) or len(raw) > 9 or int(raw) < 1:
        raise exceptions.ValidationError({name: [_("Give a whole number from 1.")]})
    if maximum is not None and int(raw) > maximum:
        raise exceptions.ValidationError(
            {name: [_("Ask for at most %(maximum)d rows a page.") % {"maximum": maximum}]}
        )
    return int(raw)


class KeysFirstPaginator(DjangoPaginator):
    """Finds a page's ids and the total in one narrow query, then loads those rows with joins.

    Sorting the joined rows (both sides of 50,000 pairs, a kilobyte each) to keep 50 of them cost
    PostgreSQL ten times what sorting the ids does, and a separate COUNT evaluated the filters a
    second time; `COUNT(*) OVER ()` next to the ids gives the total from the same pass.
    """

    def page(self, number):
        rows = self.object_list
        joined = isinstance(rows, QuerySet) and rows.query.select_related
        # With DISTINCT the window would count rows before duplicates go; a page number below 1
        # gets the usual error. Page numbers come in as ints (`_positive_int`).
        if not joined or rows.query.distinct or not isinstance(number, int) or number < 1:
            return super().page(number)
        bottom = (number - 1) * self.per_page
        keys = list(
            rows.annotate(page_total=Window(Count("pk"))).values_list("pk", "page_total")[
                bottom : bottom + self.per_page
            ]
        )
        if not keys:  # past the last page, or no rows: the usual checks and messages
            return super().page(number)
        self.__dict__["count"] = keys[0][1]
        loaded = {obj.pk: obj for obj in rows.filter(pk__in=[pk for pk, _ in keys]).order_by()}
        return self._get_page([loaded[pk] for pk, _ in keys], number, self)


class _PageNumberPagination(pagination.PageNumberPagination):
    django_paginator_class = KeysFirstPaginator

    def get_page_number(self, request, paginator):
        return _positive_int(request, self.page_query_param) or 1


class _CursorPagination(pagination.CursorPagination):
    ordering = ("pk",)

    def decode_cursor(self, request):
        cursor = super().decode_cursor(request)
        # DRF trusts the position it decodes; an id that is not a number would crash the query.
        if cursor and cursor.position is not None and not str(cursor.position).isdigit():
            raise exceptions.NotFound(self.invalid_cursor_message)
        return cursor


class PortalPagination(pagination.BasePagination):
    """Page numbers by default (`page`, `page_size`); `cursor` pagination for walking everything.

    Ask for cursor pagination with `pagination=cursor`; the `next` links carry the cursor. Cursor
    pages are in id order, so they cannot be combined with another `ordering`.
    """

    def paginate_queryset(self, queryset, request, view=None):
        size = _positive_int(request, "page_size", maximum=MAX_PAGE_SIZE) or DEFAULT_PAGE_SIZE
        mode = request.query_params.get("pagination", "page")
        if mode not in ("page", "cursor"):
            raise exceptions.ValidationError(
                {"pagination": [_("Choose page or cursor pagination.")]}
            )
        if mode == "cursor" or "cursor" in request.query_params:
            if request.query_params.get("ordering", "id") not in ("id", "pk"):
                raise exceptions.ValidationError(
                    {"ordering": [_("Cursor pages are in id order; leave out ordering.")]}
                )
            self.delegate = _CursorPagination()
        else:
            self.delegate = _PageNumberPagination()
            self.delegate.page_size_query_param = None
        self.delegate.page_size = size
        return self.delegate.paginate_queryset(queryset, request, view)

    def get_paginated_response(self, data):
        return self.delegate.get_paginated_response(data)

    def get_paginated_response_schema(self, schema):
        return {
            "type": "object",
            "required": ["results"],
            "properties": {
                "count": {"type": "integer", "description": "Absent in cursor pagination."},
                "next": {"type": "string", "nullable": True, "format": "uri"},
                "previous": {"type": "string", "nullable": True, "format": "uri"},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        def param(name, schema, description):
            return {
                "name": name,
                "required": False,
                "in": "query",
                "description": description,
                "schema": schema,
            }

        return [
            param("page", {"type": "integer", "minimum": 1}, "Page number, from 1."),
            param(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": MAX_PAGE_SIZE},
                "Rows per page (default %d, at most %d)." % (DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
            ),
            param(
                "pagination",
                {"type": "string", "enum": ["page", "cursor"]},
                "page (default) or cursor: cursor pages walk the records in id order.",
            ),
            param("cursor", {"type": "string"}, "The cursor from a cursor page's next link."),
        ]
