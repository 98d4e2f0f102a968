"""Validation of the matcher against the report's recommended pairs (Tables 10.4 and 10.5).

The recommended pairs live in matching/data/recommended_pairs.json and are read only here: no
profile, score or loader reads them.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from matching.candidates import rank_of
from matching.profiles import Universe
from partners.models import Actor

DATA = Path(__file__).resolve().parent / "data" / "recommended_pairs.json"
WITHOUT_EXISTING = {"existing": 0.0}


@dataclass
class Result:
    row: str
    issue: str
    thai: str
    japanese: str
    rank: int | None  # with the query's issue
    rank_without_existing: int | None
    rank_any_issue: int | None
    note: str = ""


def resolve(name: str) -> Actor | None:
    lookup = {"iso_code": name} if name[:3] in ("TH-", "JP-") else {"slug": name}
    return Actor.objects.filter(**lookup).first()


def validate(universe: Universe, weights: dict | None = None) -> list[Result]:
    """The rank of every recommended pair among its Thai locality's candidates."""
    data = json.loads(DATA.read_text(encoding="utf-8"))
    partners: dict[str, set[int]] = {}
    for key, spec in data["japanese"].items():
        ids = {a.pk for a in map(resolve, spec["names"]) if a}
        codes = spec.get("local_codes", [])
        ids |= set(
            Actor.objects.filter(country="JP", local_code__in=codes).values_list("pk", flat=True)
        )
        partners[key] = ids
    without = {**(weights or {}), **WITHOUT_EXISTING} if weights else None
    results = []
    for row in data["rows"]:
        for thai_name in row["thai"]:
            thai = resolve(thai_name)
            for key in row["japanese"]:
                ids = partners[key]
                if thai is None or not ids:
                    missing = thai_name if thai is None else key
                    results.append(Result(row["row"], row["issue"], thai_name, key, None, None,
                                          None, "not an actor: %s" % missing))  # fmt: skip
                    continue
                ranks = [
                    rank_of(thai, ids, universe=universe, issue=row["issue"], weights=weights),
                    rank_of(thai, ids, universe=universe, issue=row["issue"],
                            weights=without or _without_existing()),
                    rank_of(thai, ids, universe=universe, issue=None, weights=weights),
                ]  # fmt: skip
                results.append(Result(row["row"], row["issue"], thai_name, key, *ranks))
    return results


def _without_existing() -> dict[str, float]:
    from matching.scoring import DEFAULT_WEIGHTS

    return {**DEFAULT_WEIGHTS, **WITHOUT_EXISTING}


def recall(results: list[Result], k: int, attribute: str = "rank") -> float:
    hits = sum(1 for r in results if (getattr(r, attribute) or 10**9) <= k)
    return hits / len(results) if results else 0.0
