"""Time the researchers' portal's filtered pair-list page against PostgreSQL (DESIGN.md §7).

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_pages DJANGO_DEBUG=1 \\
        .venv/bin/python bench/pages.py [--requests 200] [--synthetic 1.0]

It measures whatever data the DATABASE_URL database holds: the report's records after
`manage.py load_portal_data`, or DESIGN.md §7's scale after `python bench/synthetic.py`. With
`--synthetic SCALE` it first adds a quick synthetic set of its own (SCALE=1.0 is §7's 10,000
actors, 50,000 pairs, 100,000 agreements and 300,000 activities), marked with the slug and ref
prefix `bench-pages-`, and `--drop-synthetic` removes that set again.

Each request goes through Django's whole stack in-process (middleware, the view, its queries
and the template), as the test client makes it; the network and a WSGI server are not timed.
Requests cycle through several filter combinations a researcher would use; the figures are the
p50 and p95 of all timed requests after a warm-up, with the query count of each URL. The map
that the list page loads after its rows (pairs/map/) is timed apart.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")

import django

django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from cooperation.models import Activity, Agreement, AgreementParty, Issue, Pair  # noqa: E402
from partners.models import Actor  # noqa: E402
from portal.text import join_search_keys  # noqa: E402

PREFIX = "bench-pages-"
URLS = [
    "/en/pairs/",
    "/en/pairs/?issue=education",
    "/th/pairs/?issue=investment&status=dormant",
    "/en/pairs/?province=TH-50",
    "/ja/pairs/?prefecture=JP-16&ordering=-last_activity_on",
    "/en/pairs/?country=JP&kind=city&signed_from=2533&signed_to=2560",
    "/th/pairs/?q=เชียงใหม่",
    "/en/pairs/?dormant=true&success_level=cultural&page=2",
]


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def measure(urls: list[str], requests: int) -> dict[str, tuple[float, float, int]]:
    client = Client()
    for url in urls:  # warm-up: connections, templates, translations
        assert client.get(url).status_code == 200, url
    timings: dict[str, list[float]] = {url: [] for url in urls}
    queries: dict[str, int] = {}
    for n in range(requests):
        url = urls[n % len(urls)]
        with CaptureQueriesContext(connection) as captured:
            start = time.perf_counter()
            response = client.get(url)
            timings[url].append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, url
        queries[url] = len(captured)
    every = [t for values in timings.values() for t in values]
    result = {
        url: (statistics.median(values), percentile(values, 0.95), queries[url])
        for url, values in timings.items()
    }
    result["all"] = (statistics.median(every), percentile(every, 0.95), 0)
    return result


def counts() -> str:
    return "%d actors, %d pairs, %d agreements, %d activities" % (
        Actor.objects.count(),
        Pair.objects.count(),
        Agreement.objects.count(),
        Activity.objects.count(),
    )


@transaction.atomic
def add_synthetic(scale: float, seed: int = 7) -> None:
    """Bulk-insert a synthetic set under the reference provinces and prefectures."""
    rng = random.Random(seed)
    provinces = list(Actor.objects.filter(kind=Actor.Kind.PROVINCE, country="TH"))
    prefectures = list(Actor.objects.filter(kind=Actor.Kind.PREFECTURE, country="JP"))
    issues = list(Issue.objects.all())
    if not provinces or not prefectures or not issues:
        raise SystemExit("Load the reference data first: manage.py load_portal_data")
    n_actors, n_pairs = int(10_000 * scale), int(50_000 * scale)
    n_agreements, n_activities = int(100_000 * scale), int(300_000 * scale)

    def actor(i: int) -> Actor:
        thai = i % 2 == 0
        parent = rng.choice(provinces if thai else prefectures)
        name = "%s %s %d" % ("Bench town" if thai else "Bench city", parent.name_en, i)
        return Actor(
            kind=Actor.Kind.TOWN_MUNICIPALITY if thai else Actor.Kind.CITY,
            country="TH" if thai else "JP", parent=parent, name_en=name,
            slug="%s%d" % (PREFIX, i), search_text=join_search_keys(name),
        )  # fmt: skip

    actors = Actor.objects.bulk_create([actor(i) for i in range(n_actors)], batch_size=2000)
    thai = [a for a in actors if a.country == "TH"]
    foreign = [a for a in actors if a.country == "JP"]
    sides = set()
    while len(sides) < n_pairs:
        sides.add((rng.choice(thai).pk, rng.choice(foreign).pk))
    today = timezone.localdate()

    def day(first_year: int) -> dt.date:
        return dt.date(rng.randint(first_year, today.year), rng.randint(1, 12), 1)

    pairs = [
        Pair(
            thai_id=t,
            foreign_id=f,
            first_signed_on=day(1989),
            success_level=rng.choice(["", *Pair.SuccessLevel.values]),
        )
        for t, f in sides
    ]
    for pair in pairs:
        pair.last_activity_on = max(pair.first_signed_on, day(pair.first_signed_on.year))
    pairs = Pair.objects.bulk_create(pairs, batch_size=2000)
    Through = Pair.issues.through
    Through.objects.bulk_create(
        [
            Through(pair_id=pair.pk, issue_id=issue.pk)
            for pair in pairs
            for issue in rng.sample(issues, k=min(2, len(issues)))
        ],
        batch_size=5000,
    )
    agreements = Agreement.objects.bulk_create(
        [
            Agreement(
                kind=rng.choice(Agreement.Kind.values),
                pair=pair,
                title_en="Bench agreement %d" % i,
                ref="%s%d" % (PREFIX, i),
                signed_on=pair.first_signed_on,
                signed_precision="year",
            )
            for i, pair in enumerate(rng.choices(pairs, k=n_agreements))
        ],
        batch_size=5000,
    )
    AgreementParty.objects.bulk_create(
        [
            AgreementParty(agreement_id=a.pk, actor_id=side)
            for a, pair in zip(agreements, (a.pair for a in agreements), strict=True)
            for side in (pair.thai_id, pair.foreign_id)
        ],
        batch_size=5000,
    )
    Activity.objects.bulk_create(
        [
            Activity(
                kind=rng.choice(Activity.Kind.values),
                pair=pair,
                title_en="Bench activity %d" % i,
                ref="%s%d" % (PREFIX, i),
                occurred_on=day(pair.first_signed_on.year),
                occurred_precision="month",
            )
            for i, pair in enumerate(rng.choices(pairs, k=n_activities))
        ],
        batch_size=5000,
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")


@transaction.atomic
def drop_synthetic() -> None:
    Activity.objects.filter(ref__startswith=PREFIX).delete()
    Agreement.objects.filter(ref__startswith=PREFIX).delete()
    Pair.objects.filter(thai__slug__startswith=PREFIX).delete()
    Actor.objects.filter(slug__startswith=PREFIX).delete()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--requests", type=int, default=200)
    parser.add_argument("--synthetic", type=float, metavar="SCALE")
    parser.add_argument("--drop-synthetic", action="store_true")
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database (DESIGN.md §7).")
    settings.ALLOWED_HOSTS.append("testserver")
    if args.drop_synthetic:
        drop_synthetic()
    if args.synthetic:
        start = time.perf_counter()
        add_synthetic(args.synthetic)
        print("synthetic set added in %.0f s" % (time.perf_counter() - start))
    print("data: %s" % counts())
    # The list, and apart from it the map fragment the list page then loads (htmx).
    maps = ["/en/pairs/map/?list=1&" + url.split("?", 1)[1] for url in URLS if "?" in url]
    for title, urls in (("filtered pair list", URLS), ("its map, loaded after it", maps)):
        result = measure(urls, args.requests)
        print("%-70s %8s %8s %8s" % (title, "p50 ms", "p95 ms", "queries"))
        for url, (p50, p95, queries) in result.items():
            print("%-70s %8.1f %8.1f %8s" % (url, p50, p95, queries or ""))


if __name__ == "__main__":
    main()
