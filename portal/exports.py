"""CSV and XLSX files of a filtered list, with headings and labels in the reader's language.

Every export of the portal (these pages' and the API's) writes its cells through `neutralise`
here, so that a name beginning with "=" or "+" reaches a spreadsheet as text, never as a formula.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from django.http import HttpResponse, StreamingHttpResponse
from django.utils import translation
from openpyxl import Workbook

from portal.pages import Column

#: Characters that make a spreadsheet read a cell as a formula (OWASP's list).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")


def neutralise(value) -> str:
    """A CSV cell that a spreadsheet shows as text: a leading ' defuses a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def table(rows: Iterable, columns: list[Column]) -> Iterator[list[str]]:
    yield [str(column.label) for column in columns]
    for row in rows:
        yield [neutralise(column.value(row)) for column in columns]


class _Echo:
    def write(self, value: str) -> str:
        return value


def csv_response(rows: Iterable, columns: list[Column], *, filename: str) -> StreamingHttpResponse:
    language = translation.get_language()
    writer = csv.writer(_Echo())

    def lines() -> Iterator[str]:
        yield "\ufeff"  # spreadsheets then read the Thai and Japanese as UTF-8
        # The body is produced after the view returns: choose the language again.
        with translation.override(language):
            for line in table(rows, columns):
                yield writer.writerow(line)

    response = StreamingHttpResponse(lines(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="%s.csv"' % filename
    return response


def xlsx_response(rows: Iterable, columns: list[Column], *, filename: str) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(filename[:31])
    for line in table(rows, columns):
        sheet.append(line)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(buffer.getvalue(), content_type=XLSX_TYPE)
    response["Content-Disposition"] = 'attachment; filename="%s.xlsx"' % filename
    return response


def export_response(rows: Iterable, columns: list[Column], *, output: str, filename: str):
    if output == "xlsx":
        return xlsx_response(rows, columns, filename=filename)
    return csv_response(rows, columns, filename=filename)
