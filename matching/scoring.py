"""Score every pair of localities from two sides on the report's criteria, with NumPy only.

A `Side` holds one country's localities as arrays (row i is one locality); `Links` holds the facts
that belong to a pair rather than to a place (a historical tie, an existing relationship). The
scores of all pairs are computed block by block (`score_block`), so that the national matrix
(7,436 Thai subdistricts x 1,741 Japanese municipalities) never has to be held at once, and
`top_candidates` keeps each query row's best candidates. Every criterion scores in [0, 1]; the
total is their weighted mean, so it lies in [0, 1] too. Where criteria take a sum over issues or
tags it is capped at 1 rather than averaged, so adding an issue on which both sides gain can only
raise a score (an average would punish a locality for having more facts).

This module imports nothing from Django: `matching.profiles` is the one bridge from the ORM.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field

import numpy as np

CRITERIA = (
    "complementarity",
    "shared_problems",
    "strategy",
    "symmetry",
    "geography",
    "history",
    "economic_ties",
    "readiness",
    "travel",
    "existing",
)

# Default weights; README "Matching" justifies each from the report with line citations.
DEFAULT_WEIGHTS: dict[str, float] = {
    "complementarity": 0.40,
    "shared_problems": 0.05,
    "strategy": 0.12,
    "symmetry": 0.06,
    "geography": 0.10,
    "history": 0.10,
    "economic_ties": 0.07,
    "readiness": 0.04,
    "travel": 0.02,
    "existing": 0.04,
}

# Complementarity: the share that needs both sides to gain (the geometric mean of the two
# directions) against the share one side's gain earns alone. "Win-win" (L4925-L4926,
# L10365-L10366) is the rule, so a one-sided pair keeps at most ONE_SIDED of the criterion.
ONE_SIDED = 0.2
# Existing relations: an active pair counts fully, a dormant one half, an ended one a quarter
# (a dormant relation is worth reviving, L6988-L6991, but is not a working channel).
RELATION_VALUES = {"active": 1.0, "dormant": 0.5, "ended": 0.25}
# A historical link of one place with the other *country* (Nara and King Vajiravudh's tiles),
# not with the other place: C9's 0.3.
COUNTRY_HISTORY = 0.3
EXCLUDED = np.iinfo(np.int64).min + 1  # a key below every score, whose negation fits int64
TIER_LIKENESS = np.array([1.0, 0.5, 0.0], dtype=np.float32)  # by tier gap 0, 1, 2+


@dataclass(frozen=True)
class Side:
    """One country's localities as arrays; row i describes locality `ids[i]`.

    seeks, offers: (n, issues) in [0, 1], how strongly the place needs or can give each issue.
    designations: (n, designations) 0/1, national-strategy designations held.
    geography, history: (n, tags) 0/1, geographic features and historical-link tags.
    tier: (n,) administrative tier (0 region, 1 city, 2 town, 3 unit), -1 when unknown.
    log_population: (n,) log10 of the population, NaN when unknown.
    presence: (n,) [0, 1] economic presence on the other side (firms, MoUs, associations).
    readiness: (n,) [0, 1] offices and experience of international work.
    travel: (n,) [0, 1] convenience of travel, NaN when no data.
    country_history: (n,) 0/1, a recorded historical link with the other country.
    """

    ids: np.ndarray
    seeks: np.ndarray
    offers: np.ndarray
    designations: np.ndarray
    geography: np.ndarray
    history: np.ndarray
    tier: np.ndarray
    log_population: np.ndarray
    presence: np.ndarray
    readiness: np.ndarray
    travel: np.ndarray
    country_history: np.ndarray

    def __len__(self) -> int:
        return len(self.ids)

    def take(self, rows: np.ndarray | slice) -> Side:
        """The same side restricted to some rows."""
        return Side(**{name: getattr(self, name)[rows] for name in self.__dataclass_fields__})


@dataclass(frozen=True)
class Links:
    """Facts about pairs of places: parallel arrays of (row, column, value) in [0, 1]."""

    history: tuple[np.ndarray, np.ndarray, np.ndarray] = field(default_factory=lambda: _no_links())
    economic: tuple[np.ndarray, np.ndarray, np.ndarray] = field(default_factory=lambda: _no_links())
    existing: tuple[np.ndarray, np.ndarray, np.ndarray] = field(default_factory=lambda: _no_links())

    def transposed(self) -> Links:
        return Links(*((c, r, v) for r, c, v in (self.history, self.economic, self.existing)))


def _no_links() -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    return np.zeros(0, np.int64), np.zeros(0, np.int64), np.zeros(0, np.float32)


@dataclass(frozen=True)
class Context:
    """What a scoring run shares across all pairs.

    issue_mask: (issues,) bool, the issues the query is about (all when None).
    designation_issues: (designations, issues) 0/1, which issues each designation serves.
    geography_weights: (tags,) in (0, 1], rarer features weigh more (C7).
    query_need: a need the query itself states for the row side's asked issue (0 to ignore).
    """

    designation_issues: np.ndarray
    geography_weights: np.ndarray
    issue_mask: np.ndarray | None = None
    query_need: float = 0.0


def normalised_weights(weights: Mapping[str, float] | None = None) -> np.ndarray:
    """Weights in CRITERIA order, summing to 1; unknown or negative weights are refused."""
    merged = dict(DEFAULT_WEIGHTS if weights is None else {c: 0.0 for c in CRITERIA})
    for name, value in (weights or {}).items():
        if name not in CRITERIA:
            raise ValueError("unknown criterion %r" % name)
        if not np.isfinite(value) or value < 0:
            raise ValueError("weight of %s must be a finite number >= 0" % name)
        merged[name] = float(value)
    vector = np.array([merged[c] for c in CRITERIA], dtype=np.float64)
    if vector.sum() <= 0:
        raise ValueError("at least one weight must be positive")
    return vector / vector.sum()


def issue_columns(ctx: Context, n_issues: int) -> np.ndarray:
    if ctx.issue_mask is None:
        return np.arange(n_issues)
    return np.flatnonzero(ctx.issue_mask)


def _capped(product: np.ndarray) -> np.ndarray:
    return np.minimum(product, 1.0, out=product)


def _scatter_max(block: np.ndarray, links: tuple, rows: slice, scale: float = 1.0) -> None:
    """Raise block entries to the pair-specific values of `links` that fall in `rows`."""
    r, c, v = links
    inside = (r >= rows.start) & (r < rows.stop)
    if inside.any():
        np.maximum.at(block, (r[inside] - rows.start, c[inside]), v[inside] * scale)


def score_block(
    rows: Side, cols: Side, ctx: Context, links: Links, span: slice | None = None
) -> np.ndarray:
    """Criterion scores of rows[span] x cols: an array (criteria, len(span), len(cols)).

    The row side is the query side; all criteria are symmetric in the two sides except that the
    query's own need (ctx.query_need) is credited to the rows.
    """
    span = span or slice(0, len(rows))
    span = slice(span.start or 0, min(span.stop, len(rows)))
    r = rows.take(span)
    n, m = len(r), len(cols)
    out = np.zeros((len(CRITERIA), n, m), dtype=np.float32)
    k = issue_columns(ctx, rows.seeks.shape[1])

    seeks_r = r.seeks[:, k]
    if ctx.query_need and ctx.issue_mask is not None:
        seeks_r = np.maximum(seeks_r, np.float32(ctx.query_need))
    gain_rows = _capped(seeks_r @ cols.offers[:, k].T)
    # The partner's gain may come from any issue, not only the one asked about: a Japanese
    # prefecture that teaches wastewater management gains from a market for its firms.
    gain_cols = _capped(r.offers @ cols.seeks.T)
    both = np.sqrt(gain_rows * gain_cols)
    out[0] = (1 - ONE_SIDED) * both + ONE_SIDED * np.maximum(gain_rows, gain_cols)
    out[1] = _capped(r.seeks[:, k] @ cols.seeks[:, k].T)

    relevant = ctx.designation_issues[:, k].any(axis=1)
    d_r = r.designations[:, relevant]
    d_c = cols.designations[:, relevant]
    held_r = (d_r.sum(axis=1) > 0).astype(np.float32)
    held_c = (d_c.sum(axis=1) > 0).astype(np.float32)
    same = ((d_r @ d_c.T) > 0).astype(np.float32)
    out[2] = 0.35 * held_r[:, None] + 0.35 * held_c[None, :] + 0.3 * same

    out[3] = symmetry(r.tier, r.log_population, cols.tier, cols.log_population)
    out[4] = _capped((r.geography * ctx.geography_weights) @ cols.geography.T)

    country = COUNTRY_HISTORY * np.maximum(r.country_history[:, None], cols.country_history[None])
    out[5] = np.maximum(_capped(r.history @ cols.history.T), country)
    _scatter_max(out[5], links.history, span)

    out[6] = 0.5 * (r.presence[:, None] + cols.presence[None, :])
    _scatter_max(out[6], links.economic, span)
    out[7] = 0.5 * (r.readiness[:, None] + cols.readiness[None, :])
    out[8] = 0.5 * (np.nan_to_num(r.travel)[:, None] + np.nan_to_num(cols.travel)[None, :])
    _scatter_max(out[9], links.existing, span)
    return out


def symmetry(tier_a, logpop_a, tier_b, logpop_b) -> np.ndarray:
    """C5/C6: same tier 1, adjacent 0.5, else 0; averaged with population likeness when known."""
    ta, tb = np.asarray(tier_a)[:, None], np.asarray(tier_b)[None, :]
    gap = np.abs(ta.astype(np.int16) - tb.astype(np.int16))
    tier = TIER_LIKENESS[np.minimum(gap, 2)]
    tier[(ta < 0) | (tb < 0)] = 0.0
    pa = np.asarray(logpop_a, np.float32)[:, None]
    pb = np.asarray(logpop_b, np.float32)[None, :]
    pop = np.abs(pa - pb)
    pop *= np.float32(-1 / 1.5)
    pop += np.float32(1.0)
    np.maximum(pop, np.float32(0.0), out=pop)
    known = ~np.isnan(pa) & ~np.isnan(pb)
    both = np.float32(0.5) * (tier + pop)
    return np.where(known, both, tier)


def score_totals(
    rows: Side,
    cols: Side,
    ctx: Context,
    links: Links,
    weights: np.ndarray,
    span: slice | None = None,
) -> np.ndarray:
    """The same totals as total(score_block(...)), without holding every criterion at once.

    Terms that depend on one side only are added as row and column vectors, pair-specific links
    as sparse corrections: the national matrix then needs a few arrays per chunk, not ten.
    """
    span = span or slice(0, len(rows))
    span = slice(span.start or 0, min(span.stop, len(rows)))
    r = rows.take(span)
    w = weights.astype(np.float32)
    k = issue_columns(ctx, rows.seeks.shape[1])
    seeks_r = r.seeks[:, k]
    if ctx.query_need and ctx.issue_mask is not None:
        seeks_r = np.maximum(seeks_r, np.float32(ctx.query_need))
    gain_rows = _capped(seeks_r @ cols.offers[:, k].T)
    gain_cols = _capped(r.offers @ cols.seeks.T)
    out = gain_rows * gain_cols
    np.sqrt(out, out=out)
    out *= np.float32(1 - ONE_SIDED)
    np.maximum(gain_rows, gain_cols, out=gain_rows)
    gain_rows *= np.float32(ONE_SIDED)
    out += gain_rows
    out *= w[0]
    shared = _capped(r.seeks[:, k] @ cols.seeks[:, k].T)
    shared *= w[1]
    out += shared

    relevant = ctx.designation_issues[:, k].any(axis=1)
    d_r, d_c = r.designations[:, relevant], cols.designations[:, relevant]
    same = (d_r @ d_c.T) > 0
    out += same * np.float32(0.3 * w[2])
    held_r = (d_r.sum(axis=1) > 0).astype(np.float32)
    held_c = (d_c.sum(axis=1) > 0).astype(np.float32)
    half = np.float32(0.5)
    base_r, base_c = half * r.presence, half * cols.presence
    row_terms = (np.float32(0.35) * w[2] * held_r + w[6] * base_r + w[7] * half * r.readiness
                 + w[8] * half * np.nan_to_num(r.travel))  # fmt: skip
    col_terms = (np.float32(0.35) * w[2] * held_c + w[6] * base_c + w[7] * half * cols.readiness
                 + w[8] * half * np.nan_to_num(cols.travel))  # fmt: skip
    out += row_terms[:, None]
    out += col_terms[None, :]

    sym = symmetry(r.tier, r.log_population, cols.tier, cols.log_population)
    sym *= w[3]
    out += sym
    geo = _capped((r.geography * ctx.geography_weights) @ cols.geography.T)
    geo *= w[4]
    out += geo
    country = COUNTRY_HISTORY * np.maximum(r.country_history[:, None], cols.country_history[None])
    history = np.maximum(_capped(r.history @ cols.history.T), country)
    _scatter_max(history, links.history, span)
    history *= w[5]
    out += history

    # Links raise a pair's economic ties above its sides' presence; existing relations add.
    lr, lc, lv = _link_max(links.economic, span)
    if len(lr):
        base = base_r[lr] + base_c[lc]
        out[lr, lc] += w[6] * np.maximum(lv - base, 0)
    lr, lc, lv = _link_max(links.existing, span)
    if len(lr):
        out[lr, lc] += w[9] * lv
    return out


def _link_max(links: tuple, rows: slice) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The links that fall in `rows`, one per pair (the largest value), rows made relative."""
    r, c, v = links
    inside = (r >= rows.start) & (r < rows.stop)
    r, c, v = r[inside] - rows.start, c[inside], v[inside]
    if not len(r):
        return r, c, v
    order = np.lexsort((-v, c, r))
    r, c, v = r[order], c[order], v[order]
    first = np.ones(len(r), dtype=bool)
    first[1:] = (r[1:] != r[:-1]) | (c[1:] != c[:-1])
    return r[first], c[first], v[first].astype(np.float32)


def equal_status(tier_a: np.ndarray, tier_b: np.ndarray) -> np.ndarray:
    """The Interior Ministry's rule for sister cities: both sides of the same known tier."""
    ta, tb = np.asarray(tier_a)[:, None], np.asarray(tier_b)[None, :]
    return (ta == tb) & (ta >= 0)


def total(components: np.ndarray, weights: np.ndarray) -> np.ndarray:
    """Weighted mean of the criteria: (criteria, n, m) -> (n, m)."""
    return np.tensordot(weights.astype(np.float32), components, axes=1)


@dataclass(frozen=True)
class Ranking:
    """For each query row, the columns of its best candidates, best first, and their totals."""

    columns: np.ndarray  # (rows, k) column indices, -1 where fewer than k candidates
    totals: np.ndarray  # (rows, k)


def rank_rows(totals: np.ndarray, col_ids: np.ndarray, k: int, allowed=None) -> Ranking:
    """Best k columns per row, ties broken by the smaller id, so results are deterministic.

    Each total (a float32 >= 0, whose bits order like the number) is packed with its column's
    id rank into one integer key, so one partial sort picks the best k exactly.
    """
    scores = np.ascontiguousarray(totals, dtype=np.float32)
    n, m = scores.shape
    k = min(k, m)
    by_id = np.empty(m, dtype=np.int64)
    by_id[np.argsort(col_ids, kind="stable")] = np.arange(m)
    keys = scores.view(np.int32).astype(np.int64) << 32
    keys += (m - 1 - by_id)[None, :]  # the smaller id, the larger key
    if allowed is not None:
        keys = np.where(allowed, keys, EXCLUDED)
    if k < m:
        best = np.argpartition(-keys, k - 1, axis=1)[:, :k]
    else:
        best = np.broadcast_to(np.arange(m), (n, m)).copy()
    order = np.argsort(-np.take_along_axis(keys, best, axis=1), axis=1, kind="stable")
    columns = np.take_along_axis(best, order, axis=1)
    values = np.take_along_axis(scores, columns, axis=1).astype(np.float64)
    excluded = np.take_along_axis(keys, columns, axis=1) == EXCLUDED
    columns = np.where(excluded, -1, columns)
    return Ranking(columns=columns, totals=np.where(excluded, np.nan, values))


def iter_blocks(n_rows: int, chunk: int) -> Iterator[slice]:
    for start in range(0, n_rows, chunk):
        yield slice(start, min(start + chunk, n_rows))


def top_candidates(
    rows: Side,
    cols: Side,
    ctx: Context,
    links: Links,
    weights: np.ndarray,
    *,
    k: int = 10,
    chunk: int = 1024,
    equal_status_only: bool = False,
) -> Ranking:
    """Each row's k best columns, scoring `chunk` rows at a time to bound memory."""
    parts = []
    for span in iter_blocks(len(rows), chunk):
        block = score_totals(rows, cols, ctx, links, weights, span)
        allowed = equal_status(rows.tier[span], cols.tier) if equal_status_only else None
        parts.append(rank_rows(block, cols.ids, k, allowed))
    if not parts:
        return Ranking(np.zeros((0, k), np.int64), np.zeros((0, k)))
    return Ranking(
        columns=np.concatenate([p.columns for p in parts]),
        totals=np.concatenate([p.totals for p in parts]),
    )


def issue_evidence(rows: Side, cols: Side, ctx: Context, i: int, j: int) -> dict[str, list[int]]:
    """The issue columns behind one pair's complementarity and shared problems, strongest first.

    `gain_rows`: issues the row side needs and the column side offers; `gain_cols` the reverse;
    `shared`: issues both need. Used to write the explanation of one candidate.
    """
    k = issue_columns(ctx, rows.seeks.shape[1])
    seeks_r = rows.seeks[i, k]
    if ctx.query_need and ctx.issue_mask is not None:
        seeks_r = np.maximum(seeks_r, ctx.query_need)

    def strongest(values: np.ndarray) -> list[int]:
        order = np.argsort(-values, kind="stable")
        return [int(k[o]) for o in order if values[o] > 0]

    return {
        "gain_rows": strongest(seeks_r * cols.offers[j, k]),
        "gain_cols": [
            int(c)
            for c in np.argsort(-(rows.offers[i] * cols.seeks[j]), kind="stable")
            if rows.offers[i, c] * cols.seeks[j, c] > 0
        ],
        "shared": strongest(rows.seeks[i, k] * cols.seeks[j, k]),
    }
