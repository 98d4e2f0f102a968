"""Synthetic records at DESIGN.md §7's scale, on PostgreSQL, for the benchmarks in bench/.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/coop_bench .venv/bin/python bench/synthetic.py

makes, at `--scale 1` (the default): 10,000 actors (77 Thai provinces and 47 Japanese prefectures
with municipalities, agencies and universities under them, and Chinese cities), 60 issues in two
levels, 50,000 pairs with 100,000 issue links, 100,000 agreements with 200,000 parties, 300,000
activities with their actors and issues, 20,000 projects with participants, and 20,000
interests. The same seed gives the same rows. Every row satisfies the models' constraints and
`clean()` rules (a Thai side and a foreign side, one pair per two actors, city agreements signed
by two localities...), `search_text` is computed by the models' own `search_values()` and
`join_search_keys()`, and each pair's derived dates follow `services.pair_refresh()`: a sample of
each table is checked against `full_clean()` and `pair_refresh()` at the end.

Rows are written with PostgreSQL's COPY, so the whole scale takes a few minutes. The script runs
the migrations first. On a database that already holds the same synthetic data it does nothing;
on one with other records it stops unless given `--reset`, which empties every table of
`partners` and `cooperation` first.

Other benchmarks import it: `from bench.synthetic import generate; generate(scale=0.1)`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import json
import os
import random
import sys
import time
from decimal import Decimal
from functools import cache
from pathlib import Path
from types import SimpleNamespace

ROOT = Path(__file__).resolve().parent.parent
SEED = 20261202
SLUG_PREFIX = "syn-"
TODAY = dt.date(2026, 12, 1)  # dates are drawn up to here, so a seed always gives the same rows

# Counts at scale 1 (DESIGN.md §7 fixes the first four).
ACTORS, PAIRS, AGREEMENTS, ACTIVITIES = 10_000, 50_000, 100_000, 300_000
PROJECTS, INTERESTS = 20_000, 20_000
THAI_PROVINCES, JAPANESE_PREFECTURES = 77, 47


def setup_django() -> None:
    """Make `bench/synthetic.py` runnable as a script: the portal's settings, from DATABASE_URL."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only-not-a-secret")
    import django

    django.setup()


# --- Names -------------------------------------------------------------------------------------

# Syllables, kind patterns and issue names live in data/names.json (what each list holds is said
# there); tuples, so that the generator draws exactly as it did when they were written here.
_NAMES = json.loads((Path(__file__).resolve().parent / "data" / "names.json").read_text("utf-8"))
THAI_SYLLABLES = [tuple(s) for s in _NAMES["thai_syllables"]]
JAPANESE_SYLLABLES = [tuple(s) for s in _NAMES["japanese_syllables"]]
CHINESE_SYLLABLES = [tuple(s) for s in _NAMES["chinese_syllables"]]
# Kinds, with how each language writes a place of that kind around its name.
THAI_MUNICIPAL = {kind: tuple(p) for kind, p in _NAMES["thai_municipal"].items()}
JAPANESE_MUNICIPAL = {kind: tuple(p) for kind, p in _NAMES["japanese_municipal"].items()}
ORGANISATIONS = {kind: tuple(p) for kind, p in _NAMES["organisations"].items()}
# Top-level issues: slug, Thai, English, Japanese names; each gets SUB_ISSUES sub-issues.
ISSUES = [tuple(issue) for issue in _NAMES["issues"]]
SUB_ISSUES = 4


def place_name(rng: random.Random, syllables, pattern) -> tuple[str, str, str]:
    """A name of two or three syllables, in Thai, English and Japanese, inside its kind's form."""
    parts = [rng.choice(syllables) for _ in range(rng.choice((2, 2, 3)))]
    th, en, ja = ("".join(p[i] for p in parts) for i in range(3))
    if syllables is JAPANESE_SYLLABLES or syllables is CHINESE_SYLLABLES:
        # Japanese and Chinese names are written in kanji; English uses their romanisation.
        ja, en, th = th, en, ja
    en = en.capitalize()
    return pattern[0] % th, pattern[1] % en, pattern[2] % ja


# --- Writing -----------------------------------------------------------------------------------


def copy_value(value) -> str:
    if value is None:
        return "\\N"
    if isinstance(value, bool):
        return "t" if value else "f"
    text = value.isoformat() if isinstance(value, dt.date) else str(value)
    return text.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n").replace("\r", "\\r")


class Table:
    """Rows of one model, written with COPY; unnamed columns get the field's empty value."""

    def __init__(self, model):
        self.model = model
        self.fields = list(model._meta.concrete_fields)
        self.rows: list[str] = []
        self.count = 0

    def empty(self, field):
        if field.null:
            return None
        if field.has_default():
            return field.get_default()
        return ""  # CharField and TextField with blank=True, the only others this script leaves

    def add(self, **values) -> None:
        line = "\t".join(
            copy_value(values[f.attname] if f.attname in values else self.empty(f))
            for f in self.fields
        )
        self.rows.append(line)
        if len(self.rows) >= 50_000:
            self.flush()

    def flush(self) -> None:
        from django.db import connection

        if not self.rows:
            return
        columns = ", ".join(connection.ops.quote_name(f.column) for f in self.fields)
        data = io.StringIO("\n".join(self.rows) + "\n")
        with connection.cursor() as cursor:
            cursor.cursor.copy_expert(
                "COPY %s (%s) FROM STDIN"
                % (connection.ops.quote_name(self.model._meta.db_table), columns),
                data,
            )
        self.count += len(self.rows)
        self.rows = []


@cache
def _search_text(model, values: tuple[tuple[str, object], ...]) -> str:
    from portal.text import join_search_keys

    record = SimpleNamespace(search_sources=model.search_sources, **dict(values))
    return join_search_keys(*model.search_values(record))


def search_text(model, **values) -> str:
    """What `Searchable.save()` stores for a record with these values (the same functions)."""
    return _search_text(model, tuple(sorted(values.items())))


def bare(th: str, en: str, ja: str) -> str:
    """The untranslated column, as modeltranslation fills it when saved in the default Thai."""
    return th or en or ja


def translated_columns(name: str, th: str, en: str, ja: str) -> dict[str, str]:
    return {name: bare(th, en, ja), f"{name}_th": th, f"{name}_en": en, f"{name}_ja": ja}


# --- Generation --------------------------------------------------------------------------------


def random_day(rng: random.Random, first: dt.date, last: dt.date) -> dt.date:
    return first + dt.timedelta(days=rng.randrange((last - first).days + 1))


def partial(rng: random.Random, day: dt.date) -> tuple[dt.date, str]:
    """A start date at a random precision, stored as the first day of its period."""
    precision = rng.choices(("day", "month", "year"), weights=(6, 2, 2))[0]
    if precision == "year":
        return day.replace(month=1, day=1), precision
    if precision == "month":
        return day.replace(day=1), precision
    return day, precision


class Generator:
    def __init__(self, *, scale: float, seed: int):
        from cooperation import models as coop
        from partners.models import Actor

        self.rng = random.Random(seed)
        self.scale = scale
        self.Actor, self.coop = Actor, coop
        self.counts: dict[str, int] = {}

    def n(self, count: int) -> int:
        return max(1, round(count * self.scale))

    def run(self) -> dict[str, int]:
        self.issues()
        self.actors()
        self.pairs()
        self.agreements_and_activities()
        self.projects()
        self.interests()
        return self.counts

    def write(self, name: str, table: Table) -> None:
        table.flush()
        self.counts[name] = table.count

    def issues(self) -> None:
        table, self.issue_ids, self.issue_names = Table(self.coop.Issue), [], {}
        next_id = 1
        for slug, th, en, ja in ISSUES:
            parent_id = next_id
            self._issue(table, next_id, SLUG_PREFIX + slug, None, th, en, ja)
            next_id += 1
            for k in range(1, SUB_ISSUES + 1):
                names = (
                    "%s: หัวข้อ %d" % (th, k),
                    "%s: topic %d" % (en, k),
                    "%s・テーマ%d" % (ja, k),
                )
                self._issue(table, next_id, "%s%s-%d" % (SLUG_PREFIX, slug, k), parent_id, *names)
                next_id += 1
        self.write("issues", table)

    def _issue(self, table, pk, slug, parent_id, th, en, ja) -> None:
        names = translated_columns("name", th, en, ja)
        text = search_text(self.coop.Issue, slug=slug, **names)
        table.add(id=pk, slug=slug, parent_id=parent_id, search_text=text, **names, description="")
        self.issue_ids.append(pk)
        self.issue_names[pk] = (th, en, ja)

    def actors(self) -> None:
        rng, table = self.rng, Table(self.Actor)
        self.thai_ids, self.foreign_ids, self.actor_info = [], [], {}
        rest = max(0, self.n(ACTORS) - THAI_PROVINCES - JAPANESE_PREFECTURES)
        thai_local, thai_org = round(rest * 0.48), round(rest * 0.02)
        japanese_local, japanese_org = round(rest * 0.43), round(rest * 0.04)
        chinese = rest - thai_local - thai_org - japanese_local - japanese_org
        pk = 0

        def add(kind, country, names, parent_id=None, **extra):
            nonlocal pk
            pk += 1
            columns = translated_columns("name", *names)
            slug = "%s%s-%d" % (SLUG_PREFIX, country.lower(), pk)
            text = search_text(
                self.Actor,
                aliases="",
                iso_code=extra.get("iso_code", ""),
                local_code=extra.get("local_code", ""),
                **columns,
            )
            table.add(
                id=pk,
                kind=kind,
                country=country,
                parent_id=parent_id,
                slug=slug,
                search_text=text,
                description="",
                **columns,
                **extra,
            )
            locality = kind in self.Actor.LOCALITY_KINDS
            self.actor_info[pk] = (country, locality, names)
            (self.thai_ids if country == "TH" else self.foreign_ids).append(pk)
            return pk

        def coordinates(lat, lon):
            return {
                "latitude": Decimal("%.5f" % rng.uniform(*lat)),
                "longitude": Decimal("%.5f" % rng.uniform(*lon)),
            }

        provinces = [
            add(
                "province",
                "TH",
                place_name(rng, THAI_SYLLABLES, ("จังหวัด%s", "%s Province", "%s県")),
                iso_code="TH-%02d" % (10 + i),
                local_code="%02d" % (10 + i),
                **coordinates((6, 20), (98, 105)),
            )
            for i in range(THAI_PROVINCES)
        ]
        prefectures = [
            add(
                "prefecture",
                "JP",
                place_name(rng, JAPANESE_SYLLABLES, ("จังหวัด%s", "%s Prefecture", "%s県")),
                iso_code="JP-%02d" % (1 + i),
                local_code="%02d0000" % (1 + i),
                **coordinates((31, 44), (130, 145)),
            )
            for i in range(JAPANESE_PREFECTURES)
        ]
        for i in range(thai_local):
            province = provinces[i % len(provinces)]
            kind = rng.choices(list(THAI_MUNICIPAL), weights=(1, 3, 8, 8))[0]
            add(
                kind,
                "TH",
                place_name(rng, THAI_SYLLABLES, THAI_MUNICIPAL[kind]),
                province,
                local_code="%02d%04d" % (10 + i % THAI_PROVINCES, 1000 + i),
                population=rng.randrange(2_000, 300_000),
                coastal=rng.random() < 0.2,
                **coordinates((6, 20), (98, 105)),
            )
        for i in range(japanese_local):
            prefecture = prefectures[i % len(prefectures)]
            kind = rng.choices(list(JAPANESE_MUNICIPAL), weights=(5, 4, 1))[0]
            add(
                kind,
                "JP",
                place_name(rng, JAPANESE_SYLLABLES, JAPANESE_MUNICIPAL[kind]),
                prefecture,
                local_code="%02d%04d" % (1 + i % JAPANESE_PREFECTURES, 1000 + i),
                population=rng.randrange(1_000, 900_000),
                coastal=rng.random() < 0.4,
                **coordinates((31, 44), (130, 145)),
            )
        for country, count, parents in (
            ("TH", thai_org, provinces),
            ("JP", japanese_org, prefectures),
        ):
            syllables = THAI_SYLLABLES if country == "TH" else JAPANESE_SYLLABLES
            for _ in range(count):
                kind = rng.choice(list(ORGANISATIONS))
                add(
                    kind,
                    country,
                    place_name(rng, syllables, ORGANISATIONS[kind]),
                    rng.choice(parents),
                )
        for _ in range(chinese):
            add(
                "foreign_locality",
                "CN",
                place_name(rng, CHINESE_SYLLABLES, ("เมือง%s", "%s City", "%s市")),
            )
        self.write("actors", table)

    def pairs(self) -> None:
        rng, table, links = self.rng, Table(self.coop.Pair), Table(self.coop.Pair.issues.through)
        thai = [pk for pk in self.thai_ids if self.actor_info[pk][1]] or self.thai_ids
        foreign = [pk for pk in self.foreign_ids if self.actor_info[pk][1]] or self.foreign_ids
        # One in ten pairs has an organisation on one side (DIP–Saitama).
        thai_orgs = [pk for pk in self.thai_ids if not self.actor_info[pk][1]] or thai
        wanted = min(self.n(PAIRS), len(self.thai_ids) * len(self.foreign_ids))
        seen: set[tuple[int, int]] = set()
        while len(seen) < wanted:
            sides = (rng.choice(thai_orgs if rng.random() < 0.1 else thai), rng.choice(foreign))
            seen.add(sides)
        self.pair_sides = sorted(seen, key=lambda _sides: rng.random())
        self.pair_issues = {}
        link_id = 0
        for pk, _sides in enumerate(self.pair_sides, start=1):
            issues = rng.sample(self.issue_ids, rng.choice((1, 2, 2, 3)))
            self.pair_issues[pk] = issues
            for issue in issues:
                link_id += 1
                links.add(id=link_id, pair_id=pk, issue_id=issue)
        self.pair_table = table  # written after the agreements and activities, with their dates
        self.write("pair_issues", links)

    def agreements_and_activities(self) -> None:
        rng, coop = self.rng, self.coop
        agreements, parties = Table(coop.Agreement), Table(coop.AgreementParty)
        agreement_issues = Table(coop.Agreement.issues.through)
        activities = Table(coop.Activity)
        activity_actors, activity_issues = (
            Table(coop.Activity.actors.through),
            Table(coop.Activity.issues.through),
        )
        npairs = len(self.pair_sides)
        per_pair = self.spread(self.n(AGREEMENTS), npairs, minimum=1)
        activities_per_pair = self.spread(self.n(ACTIVITIES), npairs, minimum=0)
        signed_statuses = {"signed", "active", "expired", "terminated"}
        agreement_id = party_id = activity_id = link_id = actor_link_id = 0
        self.pair_agreements: dict[int, list[int]] = {}
        for pair_id, (thai, foreign) in enumerate(self.pair_sides, start=1):
            localities = self.actor_info[thai][1] and self.actor_info[foreign][1]
            start = dt.date(rng.randrange(1989, 2024), 1, 1)
            # Half the pairs went quiet at some point; the others are still active.
            quiet = rng.random() < 0.5
            last_year = rng.randrange(start.year, 2024) if quiet else rng.randrange(2024, 2027)
            last = min(TODAY, dt.date(max(last_year, start.year), 12, 31))
            signed_days, statuses, ends, ids = [], [], [], []
            for _ in range(per_pair[pair_id - 1]):
                agreement_id += 1
                ids.append(agreement_id)
                kinds = (
                    ("sister_city", "friendship_city", "mou")
                    if localities
                    else ("mou", "loi", "agreement")
                )
                kind = rng.choice(kinds)
                status = rng.choices(
                    (
                        "signed",
                        "active",
                        "expired",
                        "terminated",
                        "proposed",
                        "submitted",
                        "approved",
                    ),
                    weights=(80, 5, 5, 2, 4, 2, 2),
                )[0]
                signed_on = signed_precision = None
                valid_from = valid_from_precision = valid_until = valid_until_precision = None
                if status in signed_statuses:
                    signed_on, signed_precision = partial(rng, random_day(rng, start, last))
                    if status == "expired":
                        valid_from, valid_from_precision = signed_on, signed_precision
                        end_year = min(signed_on.year + rng.randrange(1, 6), TODAY.year)
                        valid_until, valid_until_precision = dt.date(end_year, 12, 31), "year"
                signed_days.append(signed_on)
                statuses.append(status)
                ends.append(valid_until)
                issue = rng.choice(self.pair_issues[pair_id])
                year = signed_on.year if signed_on else last.year
                title = self.title(kind_label(coop.Agreement.Kind, kind), issue, year)
                titles = translated_columns("title", *title)
                agreements.add(
                    id=agreement_id,
                    kind=kind,
                    pair_id=pair_id,
                    status=status,
                    signed_on=signed_on,
                    signed_precision=signed_precision or "",
                    signed_basis="signing",
                    valid_from_on=valid_from,
                    valid_from_precision=valid_from_precision or "",
                    valid_until_on=valid_until,
                    valid_until_precision=valid_until_precision or "",
                    description="",
                    search_text=search_text(coop.Agreement, **titles),
                    **titles,
                )
                for actor in (thai, foreign):
                    party_id += 1
                    parties.add(
                        id=party_id, agreement_id=agreement_id, actor_id=actor, role="signatory"
                    )
                link_id += 1
                agreement_issues.add(id=link_id, agreement_id=agreement_id, issue_id=issue)
            self.pair_agreements[pair_id] = ids
            activity_days = []
            for _ in range(activities_per_pair[pair_id - 1]):
                activity_id += 1
                occurred_on, precision = partial(rng, random_day(rng, start, last))
                activity_days.append(occurred_on)
                kind = rng.choice(coop.Activity.Kind.values)
                issue = rng.choice(self.pair_issues[pair_id])
                titles = translated_columns(
                    "title",
                    *self.title(kind_label(coop.Activity.Kind, kind), issue, occurred_on.year),
                )
                activities.add(
                    id=activity_id,
                    kind=kind,
                    pair_id=pair_id,
                    occurred_on=occurred_on,
                    occurred_precision=precision,
                    description="",
                    agreement_id=rng.choice(ids) if rng.random() < 0.3 else None,
                    search_text=search_text(coop.Activity, **titles),
                    **titles,
                )
                for actor in (thai, foreign):
                    actor_link_id += 1
                    activity_actors.add(id=actor_link_id, activity_id=activity_id, actor_id=actor)
                activity_issues.add(id=activity_id, activity_id=activity_id, issue_id=issue)
            self.add_pair(pair_id, thai, foreign, signed_days, statuses, ends, activity_days)
        for name, table in (
            ("agreements", agreements),
            ("agreement_parties", parties),
            ("agreement_issues", agreement_issues),
            ("activities", activities),
            ("activity_actors", activity_actors),
            ("activity_issues", activity_issues),
            ("pairs", self.pair_table),
        ):
            self.write(name, table)

    def add_pair(self, pk, thai, foreign, signed_days, statuses, ends, activity_days) -> None:
        """Write a pair with the dates `services.pair_refresh()` derives from its records."""
        signed = {"signed", "active", "expired", "terminated"}
        signed_on = [d for d, s in zip(signed_days, statuses, strict=True) if s in signed and d]
        first_signed = min(signed_on, default=None)
        last_activity = max([*activity_days, *signed_on], default=None)
        ended_on = None
        signed_ends = [e for e, s in zip(ends, statuses, strict=True) if s in signed]
        if signed_ends and all(s in ("expired", "terminated") for s in statuses if s in signed):
            ended_on = max((e for e in signed_ends if e), default=None)
        level = self.rng.choices(("", "symbolic", "cultural", "economic"), weights=(4, 3, 2, 1))[0]
        self.pair_table.add(
            id=pk,
            thai_id=thai,
            foreign_id=foreign,
            success_level=level,
            first_signed_on=first_signed,
            last_activity_on=last_activity,
            ended_on=ended_on,
            description="",
            description_th=None,
            description_en=None,
            description_ja=None,
        )

    def projects(self) -> None:
        rng, coop = self.rng, self.coop
        projects, participants = Table(coop.Project), Table(coop.ProjectParticipant)
        project_issues = Table(coop.Project.issues.through)
        participant_id = 0
        for pk in range(1, min(self.n(PROJECTS), len(self.pair_sides)) + 1):
            pair_id = rng.randrange(1, len(self.pair_sides) + 1)
            thai, foreign = self.pair_sides[pair_id - 1]
            issue = rng.choice(self.pair_issues[pair_id])
            starts_on, starts_precision = partial(rng, dt.date(rng.randrange(1990, 2026), 1, 1))
            ends_on = dt.date(starts_on.year + rng.randrange(0, 5), 12, 31)
            amount = {}
            if rng.random() < 0.6:
                amount = {
                    "amount": Decimal(rng.randrange(10_000, 50_000_000)),
                    "currency": rng.choice(("THB", "JPY", "USD")),
                    "amount_basis": rng.choice(("total", "per_year")),
                }
            titles = translated_columns(
                "title", *self.title(("โครงการ", "Project", "事業"), issue, starts_on.year)
            )
            projects.add(
                id=pk,
                pair_id=pair_id,
                status=rng.choice(coop.Project.Status.values),
                starts_on=starts_on,
                starts_precision=starts_precision,
                ends_on=ends_on,
                ends_precision="year",
                agreement_id=rng.choice(self.pair_agreements[pair_id]),
                description="",
                search_text=search_text(coop.Project, **titles),
                **titles,
                **amount,
            )
            for actor, role in ((thai, "beneficiary"), (foreign, "implementer")):
                participant_id += 1
                participants.add(id=participant_id, project_id=pk, actor_id=actor, role=role)
            project_issues.add(id=pk, project_id=pk, issue_id=issue)
        for name, table in (
            ("projects", projects),
            ("project_participants", participants),
            ("project_issues", project_issues),
        ):
            self.write(name, table)

    def interests(self) -> None:
        rng, table = self.rng, Table(self.coop.Interest)
        actors = [pk for pk, info in self.actor_info.items() if info[1]]
        wanted = min(self.n(INTERESTS), len(actors) * len(self.issue_ids) * 2)
        seen: set[tuple[int, int, str]] = set()
        while len(seen) < wanted:
            seen.add(
                (rng.choice(actors), rng.choice(self.issue_ids), rng.choice(("seeks", "offers")))
            )
        for pk, (actor, issue, direction) in enumerate(sorted(seen), start=1):
            table.add(id=pk, actor_id=actor, issue_id=issue, direction=direction, note="")
        self.write("interests", table)

    def spread(self, total: int, buckets: int, *, minimum: int) -> list[int]:
        """`total` items over `buckets`, each at least `minimum`, the rest at random."""
        counts = [minimum] * buckets
        for _ in range(max(0, total - minimum * buckets)):
            counts[self.rng.randrange(buckets)] += 1
        return counts

    def title(self, kind: tuple[str, str, str], issue: int, year: int) -> tuple[str, str, str]:
        th, en, ja = self.issue_names[issue]
        return (
            "%s ด้าน%s พ.ศ. %d" % (kind[0], th, year + 543),
            "%s on %s, %d" % (kind[1], en.lower(), year),
            "%s（%s）%d年" % (kind[2], ja, year),
        )


@cache
def kind_label(choices, value: str) -> tuple[str, str, str]:
    from django.utils import translation

    labels = []
    for language in ("th", "en", "ja"):
        with translation.override(language):
            labels.append(str(choices(value).label))
    return tuple(labels)


# --- Database ----------------------------------------------------------------------------------


def app_tables() -> list[str]:
    from django.apps import apps

    tables = set()
    for label in ("partners", "cooperation"):
        for model in apps.get_app_config(label).get_models(include_auto_created=True):
            tables.add(model._meta.db_table)
    return sorted(tables)


def reset_sequences() -> None:
    from django.apps import apps
    from django.core.management.color import no_style
    from django.db import connection

    models = [
        model
        for label in ("partners", "cooperation")
        for model in apps.get_app_config(label).get_models(include_auto_created=True)
    ]
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), models):
            cursor.execute(sql)


def already_generated(scale: float) -> bool:
    from cooperation.models import Activity, Pair
    from partners.models import Actor

    expected = round(ACTORS * scale)
    return (
        Actor.objects.count() == Actor.objects.filter(slug__startswith=SLUG_PREFIX).count()
        and abs(Actor.objects.count() - expected) <= 1
        and Pair.objects.count() == round(PAIRS * scale)
        and Activity.objects.count() == round(ACTIVITIES * scale)
    )


def verify(sample: int = 200, seed: int = SEED) -> None:
    """Check a sample of every table against the models' `full_clean()` and `pair_refresh()`."""
    from django.db import transaction

    from cooperation import models as coop
    from cooperation.services import PartySpec, agreement_check_parties, pair_refresh
    from partners.models import Actor
    from portal.text import join_search_keys

    rng = random.Random(seed)
    for model in (
        Actor,
        coop.Issue,
        coop.Pair,
        coop.Agreement,
        coop.Activity,
        coop.Project,
        coop.Interest,
    ):
        ids = list(model.objects.values_list("pk", flat=True))
        for record in model.objects.filter(pk__in=rng.sample(ids, min(sample, len(ids)))):
            record.full_clean()
            if hasattr(record, "search_values"):
                assert record.search_text == join_search_keys(*record.search_values()), record
    for agreement in coop.Agreement.objects.order_by("?")[:sample]:
        parties = [PartySpec(p.actor, p.role) for p in agreement.party_set.select_related("actor")]
        agreement_check_parties(kind=agreement.kind, parties=parties)
    with transaction.atomic():
        for pair in coop.Pair.objects.order_by("?")[:sample]:
            stored = (pair.first_signed_on, pair.last_activity_on, pair.ended_on)
            pair_refresh(pair)
            assert stored == (pair.first_signed_on, pair.last_activity_on, pair.ended_on), pair
        transaction.set_rollback(True)


def generate(*, scale: float = 1.0, seed: int = SEED, reset: bool = False) -> dict[str, int]:
    """Fill the database of DATABASE_URL with synthetic records; return the rows per table."""
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import translation

    from partners.models import Actor

    if connection.vendor != "postgresql":
        raise SystemExit("bench/synthetic.py writes with COPY: set DATABASE_URL to PostgreSQL.")
    call_command("migrate", verbosity=0)
    if already_generated(scale) and not reset:
        print("The database already holds this synthetic data; nothing to do.")
        return {}
    if Actor.objects.exists() and not reset:
        raise SystemExit("The database holds other records: run with --reset to replace them.")
    with transaction.atomic(), translation.override("th"):
        with connection.cursor() as cursor:
            cursor.execute("TRUNCATE %s RESTART IDENTITY CASCADE" % ", ".join(app_tables()))
        counts = Generator(scale=scale, seed=seed).run()
        reset_sequences()
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    verify()
    return counts


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--reset", action="store_true", help="empty partners and cooperation first")
    parser.add_argument("--scale", type=float, default=1.0, help="fraction of DESIGN.md's scale")
    parser.add_argument("--seed", type=int, default=SEED)
    args = parser.parse_args(argv)
    setup_django()
    started = time.perf_counter()
    counts = generate(scale=args.scale, seed=args.seed, reset=args.reset)
    for name, count in counts.items():
        print("%-22s %9d" % (name, count))
    print("done in %.0f s" % (time.perf_counter() - started))


if __name__ == "__main__":
    main()
