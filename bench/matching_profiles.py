"""Profiles for 10,000 actors built from PostgreSQL, and a warm top 10 through the service.

Creates 5,000 Thai and 5,000 Japanese localities with interests and tags inside a transaction
that is rolled back at the end, so the database is left as it was:

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_matching DJANGO_DEBUG=1 \\
        .venv/bin/python manage.py migrate
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_matching DJANGO_DEBUG=1 \\
        .venv/bin/python bench/matching_profiles.py
"""

from __future__ import annotations

import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench")

import django

django.setup()

from django.db import connection, transaction  # noqa: E402

from cooperation.models import Interest, Issue  # noqa: E402
from matching.candidates import find_candidates  # noqa: E402
from matching.profiles import build_universe  # noqa: E402
from partners.models import Actor, Tag  # noqa: E402

N_PER_COUNTRY = 5000


class Rollback(Exception):
    pass


def populate(rng: random.Random) -> Actor:
    issues = [Issue(slug="bench-issue-%d" % i, name_en="Issue %d" % i) for i in range(50)]
    Issue.objects.bulk_create(issues)
    issues = list(Issue.objects.filter(slug__startswith="bench-issue-"))
    tags = [Tag(slug="bench-tag-%d" % i, category=("geography", "designation")[i % 2],
                name_en="Tag %d" % i) for i in range(20)]  # fmt: skip
    Tag.objects.bulk_create(tags)
    tags = list(Tag.objects.filter(slug__startswith="bench-tag-"))
    actors = []
    for country, kind in (("TH", Actor.Kind.SUBDISTRICT_MUNICIPALITY), ("JP", Actor.Kind.CITY)):
        actors += [
            Actor(kind=kind, country=country, slug="bench-%s-%d" % (country.lower(), i),
                  name_en="Bench %s %d" % (country, i), population=rng.randint(1000, 900000))
            for i in range(N_PER_COUNTRY)
        ]  # fmt: skip
    Actor.objects.bulk_create(actors, batch_size=2000)
    actors = list(Actor.objects.filter(slug__startswith="bench-"))
    interests, seen = [], set()
    for actor in actors:
        for _ in range(3):
            issue, direction = rng.choice(issues), rng.choice(["seeks", "offers"])
            if (actor.pk, issue.pk, direction) not in seen:
                seen.add((actor.pk, issue.pk, direction))
                interests.append(Interest(actor=actor, issue=issue, direction=direction))
    Interest.objects.bulk_create(interests, batch_size=5000)
    through = Actor.tags.through
    links = {(a.pk, rng.choice(tags).pk) for a in actors for _ in range(2)}
    through.objects.bulk_create([through(actor_id=a, tag_id=t) for a, t in links], batch_size=5000)
    print("actors %d, interests %d, tags on actors %d" % (len(actors), len(interests), len(links)))
    return next(a for a in actors if a.country == "TH")


def main() -> None:
    print("database:", connection.vendor, connection.settings_dict["NAME"])
    try:
        with transaction.atomic():
            query_actor = populate(random.Random(7))
            times = []
            for _ in range(5):
                start = time.perf_counter()
                universe = build_universe()
                times.append(time.perf_counter() - start)
            print("thai rows %d, japanese rows %d" % (len(universe.thai), len(universe.foreign)))
            print("profiles built: median %.2f s, max %.2f s (5 runs)"
                  % (statistics.median(times), max(times)))  # fmt: skip
            warm = []
            for _ in range(30):
                start = time.perf_counter()
                find_candidates(query_actor, universe=universe, limit=10, explain=False)
                warm.append((time.perf_counter() - start) * 1000)
            print("one locality's top 10 through find_candidates, warm profiles: median %.1f ms,"
                  " max %.1f ms" % (statistics.median(warm[5:]), max(warm[5:])))  # fmt: skip
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
