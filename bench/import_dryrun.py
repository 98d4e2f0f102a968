"""Time a dry run of a 10,000-row agreement CSV against PostgreSQL (budget: 30 s, DESIGN.md §7).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_workflow DJANGO_DEBUG=1 \
        .venv/bin/python bench/import_dryrun.py [--rows 10000]

The script migrates the database, adds 400 synthetic localities (200 Thai municipalities and 200
Japanese cities, slugs "bench-…", kept between runs), writes bench/out/agreements-10000.csv, and
times what the admin's import page does with it: read the file, then a dry run that resolves
every natural key and validates every row. Rows name parties by Thai name, Japanese name, slug
or alias, with dates in B.E. (Thai digits included), Japanese eras and C.E.; 1% of the rows are
bad in one of several ways, so the error path is timed too. It prints the time and the counts.
"""

from __future__ import annotations

import argparse
import csv
import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")

import django  # noqa: E402

django.setup()

import tablib  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import translation  # noqa: E402
from simple_history.utils import bulk_create_with_history  # noqa: E402

from cooperation.imports import AgreementResource  # noqa: E402
from cooperation.models import Agreement  # noqa: E402
from partners.models import Actor  # noqa: E402
from portal.text import join_search_keys  # noqa: E402

THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")
COLUMNS = ["ref", "kind", "status", "title_th", "title_en", "signed", "signatories", "issues"]


def localities(count: int = 200) -> tuple[list[Actor], list[Actor]]:
    wanted = []
    for n in range(count):
        wanted.append(
            Actor(
                kind=Actor.Kind.CITY_MUNICIPALITY,
                country="TH",
                slug="bench-th-%d" % n,
                name_th="เทศบาลทดสอบที่ %d" % n,
                name_en="Bench Thai town %d" % n,
                aliases="Bench T%d" % n,
            )
        )
        wanted.append(
            Actor(
                kind=Actor.Kind.CITY,
                country="JP",
                slug="bench-jp-%d" % n,
                name_ja="試験市%d" % n,
                name_en="Bench Japanese city %d" % n,
            )
        )
    have = set(Actor.objects.filter(slug__startswith="bench-").values_list("slug", flat=True))
    new = [a for a in wanted if a.slug not in have]
    for actor in new:
        actor.search_text = join_search_keys(*actor.search_values())
    bulk_create_with_history(new, Actor, batch_size=500, default_change_reason="benchmark")
    thai = list(Actor.objects.filter(slug__startswith="bench-th-").order_by("pk"))
    japanese = list(Actor.objects.filter(slug__startswith="bench-jp-").order_by("pk"))
    return thai, japanese


def write_csv(path: Path, rows: int, thai: list[Actor], japanese: list[Actor]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        out = csv.writer(handle)
        out.writerow(COLUMNS)
        for n in range(rows):
            t, j = thai[n % len(thai)], japanese[(n // len(thai)) % len(japanese)]
            year = 1990 + n // (len(thai) * len(japanese))
            thai_name = (t.name_th, t.slug, "Bench T%d" % (n % len(thai)))[n % 3]
            japanese_name = (j.name_ja, j.slug, j.name_en)[n % 3]
            signed = (
                "%d/%d/%s" % (1 + n % 28, 1 + n % 12, str(year + 543).translate(THAI_DIGITS)),
                "พ.ศ. %d" % (year + 543),
                "平成%d年" % (year - 1988) if year >= 1989 else str(year + 543),
            )[n % 3]
            row = ["bench-%d" % n, "mou", "signed", "บันทึกความเข้าใจ %d" % n, "", signed,
                   "%s; %s" % (thai_name, japanese_name), ""]  # fmt: skip
            if n % 100 == 99:  # one row in a hundred is bad
                row[[1, 5, 6][n // 100 % 3]] = ["treaty", "31/02/2533", "Atlantis; Nowhere"][
                    n // 100 % 3
                ]
            out.writerow(row)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=10_000)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("Set DATABASE_URL to a PostgreSQL database: budgets are measured there.")
    call_command("migrate", verbosity=0)
    thai, japanese = localities()
    path = ROOT / "bench" / "out" / ("agreements-%d.csv" % args.rows)
    write_csv(path, args.rows, thai, japanese)
    before = Agreement.objects.count()

    translation.activate("th")  # a Thai ministry user: bare years are B.E.
    started = time.perf_counter()
    dataset = tablib.Dataset().load(path.read_text(encoding="utf-8"), format="csv")
    result = AgreementResource().import_data(
        dataset, dry_run=True, use_transactions=True, rollback_on_validation_errors=True
    )
    elapsed = time.perf_counter() - started

    assert Agreement.objects.count() == before, "a dry run wrote agreements"
    assert not list(result.row_errors()), result.row_errors()[:3]
    print(
        "dry run of %d rows: %.1f s (%.0f rows/s); valid %d, invalid %d; PostgreSQL %s"
        % (
            len(dataset),
            elapsed,
            len(dataset) / elapsed,
            result.totals["new"] + result.totals["update"],
            len(result.invalid_rows),
            connection.pg_version,
        )
    )


if __name__ == "__main__":
    main()
