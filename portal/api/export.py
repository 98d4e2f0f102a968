"""CSV and JSON export of a filtered list: the same filters, every row, streamed."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator

from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions
from rest_framework.decorators import action

from portal.exports import neutralise

#: Rows read from the database at a time; each chunk costs the list's prefetch queries once.
CHUNK_SIZE = 1000


def flatten(data, prefix: str = "") -> dict[str, object]:
    """One CSV row from a nested representation: `thai.name`; lists joined with `; `."""
    row: dict[str, object] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            row.update(flatten(value, f"{name}."))
        elif isinstance(value, list):
            row[name] = "; ".join(_label(item) for item in value)
        else:
            row[name] = value
    return row


def _label(item) -> str:
    if not isinstance(item, dict):
        return str(item)
    if "actor" in item and isinstance(item["actor"], dict):
        return "%s (%s)" % (_label(item["actor"]), item.get("role", ""))
    for key in ("slug", "name", "title", "id"):
        if item.get(key):
            return str(item[key])
    return json.dumps(item, ensure_ascii=False)


class _Echo:
    def write(self, value: str) -> str:
        return value


class ExportMixin:
    """`export/?format=csv|json&<filters>`: every row the list's filters select."""

    @extend_schema(
        parameters=[
            OpenApiParameter("format", str, enum=["csv", "json"], description="csv (default)"),
        ],
        responses={
            (200, "text/csv"): OpenApiResponse(
                response=OpenApiTypes.STR, description="One row per record."
            ),
            (200, "application/json"): OpenApiResponse(
                response={"type": "array", "items": {"type": "object"}},
                description="A list of records, as the list endpoint shows them.",
            ),
        },
    )
    @action(detail=False, methods=["get"], pagination_class=None)
    def export(self, request, *args, **kwargs):
        output = request.query_params.get("format", "csv")
        if output not in ("csv", "json"):
            raise exceptions.ValidationError({"format": [_("Choose csv or json.")]})
        queryset = self.filter_queryset(self.get_queryset())
        records = self._records(queryset)
        name = "%s.%s" % (self.basename, output)
        if output == "json":
            response = StreamingHttpResponse(self._json(records), content_type="application/json")
        else:
            response = StreamingHttpResponse(
                self._csv(records), content_type="text/csv; charset=utf-8"
            )
        response["Content-Disposition"] = 'attachment; filename="%s"' % name
        return response

    def _records(self, queryset) -> Iterator[dict]:
        serializer_class = self.get_serializer_class()
        context = self.get_serializer_context()
        for start in range(0, 10**12, CHUNK_SIZE):
            # The body is streamed after the view returns: choose the language again.
            with translation.override(self.language):
                chunk = list(queryset[start : start + CHUNK_SIZE])
                rows = serializer_class(chunk, many=True, context=context).data
            yield from rows
            if len(chunk) < CHUNK_SIZE:
                return

    def _json(self, records: Iterator[dict]) -> Iterator[str]:
        yield "["
        for n, record in enumerate(records):
            yield ("," if n else "") + json.dumps(record, ensure_ascii=False, default=str)
        yield "]"

    def _csv(self, records: Iterator[dict]) -> Iterator[str]:
        writer = csv.writer(_Echo())
        yield "\ufeff"  # so that spreadsheets read the Thai and Japanese as UTF-8
        header = None
        for record in records:
            row = flatten(record)
            if header is None:
                header = [k for k in row if not k.endswith("url")]
                yield writer.writerow(header)
            yield writer.writerow([neutralise(row.get(k)) for k in header])
        if header is None:
            yield writer.writerow([])
