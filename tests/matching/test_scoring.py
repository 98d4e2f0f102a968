"""Pure scoring: no database (no django_db mark, so pytest-django fails any query here)."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from matching import scoring
from matching.scoring import CRITERIA, Context, Links, Side

N_ISSUES, N_DESIGNATIONS, N_GEO, N_HISTORY = 5, 3, 4, 2
LEVELS = st.sampled_from([0.0, 0.0, 0.5, 1.0])


def side(rng: np.random.Generator, n: int, first_id: int = 1) -> Side:
    """Random profiles of n localities, with some unknown tiers, populations and travel data."""

    def grid(cols, values=(0.0, 0.0, 0.5, 1.0)):
        return rng.choice(values, size=(n, cols)).astype(np.float32)

    population = rng.uniform(3, 7, n).astype(np.float32)
    population[rng.random(n) < 0.3] = np.nan
    travel = rng.choice([0.0, 1.0, np.nan], n).astype(np.float32)
    return Side(
        ids=np.arange(first_id, first_id + n, dtype=np.int64),
        seeks=grid(N_ISSUES), offers=grid(N_ISSUES),
        designations=grid(N_DESIGNATIONS, (0.0, 1.0)), geography=grid(N_GEO, (0.0, 1.0)),
        history=grid(N_HISTORY, (0.0, 1.0)), tier=rng.integers(-1, 4, n).astype(np.int8),
        log_population=population, presence=rng.random(n).astype(np.float32),
        readiness=rng.random(n).astype(np.float32), travel=travel,
        country_history=rng.choice([0.0, 1.0], n).astype(np.float32),
    )  # fmt: skip


def links(rng: np.random.Generator, n: int, m: int) -> Links:
    def some(count):
        return (rng.integers(0, n, count), rng.integers(0, m, count),
                rng.choice([0.25, 0.5, 1.0], count).astype(np.float32))  # fmt: skip

    return Links(history=some(3), economic=some(3), existing=some(4))


def context(rng: np.random.Generator, with_issue: bool) -> Context:
    mask = None
    if with_issue:
        mask = np.zeros(N_ISSUES, dtype=bool)
        mask[rng.integers(0, N_ISSUES)] = True
    return Context(
        designation_issues=rng.choice([0.0, 1.0], (N_DESIGNATIONS, N_ISSUES)).astype(np.float32),
        geography_weights=rng.uniform(0.1, 1.0, N_GEO).astype(np.float32),
        issue_mask=mask,
        query_need=1.0 if with_issue else 0.0,
    )


def reference(rows: Side, cols: Side, ctx: Context, lk: Links, i: int, j: int) -> list[float]:
    """The criteria of one pair, written out in plain Python, one issue and one tag at a time."""
    issues = range(N_ISSUES) if ctx.issue_mask is None else np.flatnonzero(ctx.issue_mask)
    need = [max(rows.seeks[i, k], ctx.query_need) if ctx.issue_mask is not None
            else rows.seeks[i, k] for k in range(N_ISSUES)]  # fmt: skip
    gain_rows = min(1.0, sum(need[k] * cols.offers[j, k] for k in issues))
    gain_cols = min(1.0, sum(rows.offers[i, k] * cols.seeks[j, k] for k in range(N_ISSUES)))
    comp = 0.8 * (gain_rows * gain_cols) ** 0.5 + 0.2 * max(gain_rows, gain_cols)
    shared = min(1.0, sum(rows.seeks[i, k] * cols.seeks[j, k] for k in issues))
    relevant = [
        d for d in range(N_DESIGNATIONS) if any(ctx.designation_issues[d, k] for k in issues)
    ]
    held_r = any(rows.designations[i, d] for d in relevant)
    held_c = any(cols.designations[j, d] for d in relevant)
    same = any(rows.designations[i, d] and cols.designations[j, d] for d in relevant)
    strategy = 0.35 * held_r + 0.35 * held_c + 0.3 * same
    ta, tb = int(rows.tier[i]), int(cols.tier[j])
    tier = 0.0 if ta < 0 or tb < 0 else {0: 1.0, 1: 0.5}.get(abs(ta - tb), 0.0)
    pa, pb = rows.log_population[i], cols.log_population[j]
    if np.isnan(pa) or np.isnan(pb):
        symmetry = tier
    else:
        symmetry = 0.5 * tier + 0.5 * max(0.0, 1 - abs(pa - pb) / 1.5)
    geo = min(1.0, sum(ctx.geography_weights[g] for g in range(N_GEO)
                       if rows.geography[i, g] and cols.geography[j, g]))  # fmt: skip
    history = max(min(1.0, sum(rows.history[i, h] * cols.history[j, h] for h in range(N_HISTORY))),
                  0.3 * max(rows.country_history[i], cols.country_history[j]))  # fmt: skip

    def link(values, base=0.0):
        r, c, v = values
        return max(
            [base, *(float(x) for a, b, x in zip(r, c, v, strict=True) if a == i and b == j)]
        )

    history = link(lk.history, history)
    econ = link(lk.economic, 0.5 * (rows.presence[i] + cols.presence[j]))
    ready = 0.5 * (rows.readiness[i] + cols.readiness[j])
    travel = 0.5 * (np.nan_to_num(rows.travel[i]) + np.nan_to_num(cols.travel[j]))
    existing = link(lk.existing)
    return [comp, shared, strategy, symmetry, geo, history, econ, ready, travel, existing]


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), with_issue=st.booleans(), chunk=st.integers(1, 7))
def test_vectorised_matrix_equals_per_pair_reference(seed, with_issue, chunk):
    rng = np.random.default_rng(seed)
    rows, cols = side(rng, 6), side(rng, 5, first_id=100)
    ctx, lk = context(rng, with_issue), links(rng, 6, 5)
    blocks = [scoring.score_block(rows, cols, ctx, lk, span)
              for span in scoring.iter_blocks(len(rows), chunk)]  # fmt: skip
    matrix = np.concatenate(blocks, axis=1)
    for i, j in itertools.product(range(6), range(5)):
        np.testing.assert_allclose(matrix[:, i, j], reference(rows, cols, ctx, lk, i, j),
                                   rtol=1e-5, atol=1e-6)  # fmt: skip


@settings(max_examples=40, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), with_issue=st.booleans(),
       weights=st.lists(st.floats(0, 10), min_size=len(CRITERIA), max_size=len(CRITERIA))
       .filter(lambda w: sum(w) > 0))  # fmt: skip
def test_every_score_and_total_lies_between_0_and_1(seed, with_issue, weights):
    rng = np.random.default_rng(seed)
    rows, cols = side(rng, 8), side(rng, 7, first_id=50)
    block = scoring.score_block(rows, cols, context(rng, with_issue), links(rng, 8, 7))
    totals = scoring.total(
        block, scoring.normalised_weights(dict(zip(CRITERIA, weights, strict=True)))
    )
    assert block.min() >= 0 and block.max() <= 1 + 1e-6
    assert totals.min() >= 0 and totals.max() <= 1 + 1e-6


@settings(max_examples=60, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), with_issue=st.booleans(), issue=st.integers(0, N_ISSUES - 1),
       need=st.sampled_from([0.5, 1.0]), offer=st.sampled_from([0.5, 1.0]))  # fmt: skip
def test_adding_an_issue_on_which_both_sides_gain_never_lowers_a_score(
    seed, with_issue, issue, need, offer
):
    rng = np.random.default_rng(seed)
    rows, cols = side(rng, 4), side(rng, 4, first_id=10)
    ctx, lk = context(rng, with_issue), links(rng, 4, 4)
    weights = scoring.normalised_weights()
    before = scoring.total(scoring.score_block(rows, cols, ctx, lk), weights)
    # Each side needs the issue and the other offers it: both gain.
    for s_need, s_offer in ((rows, cols), (cols, rows)):
        s_need.seeks[:, issue] = np.maximum(s_need.seeks[:, issue], need)
        s_offer.offers[:, issue] = np.maximum(s_offer.offers[:, issue], offer)
    after = scoring.total(scoring.score_block(rows, cols, ctx, lk), weights)
    assert (after >= before - 1e-6).all()


@settings(max_examples=25, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), chunk=st.integers(1, 9))
def test_rankings_are_deterministic_whatever_the_chunk_and_column_order(seed, chunk):
    rng = np.random.default_rng(seed)
    rows, cols = side(rng, 9), side(rng, 8, first_id=20)
    ctx, lk, w = context(rng, False), Links(), scoring.normalised_weights()
    first = scoring.top_candidates(rows, cols, ctx, lk, w, k=5, chunk=chunk)
    again = scoring.top_candidates(rows, cols, ctx, lk, w, k=5, chunk=9)
    np.testing.assert_array_equal(first.columns, again.columns)
    shuffled = rng.permutation(len(cols))
    moved = scoring.top_candidates(rows, cols.take(shuffled), ctx, lk, w, k=5, chunk=chunk)
    np.testing.assert_array_equal(cols.ids[first.columns], cols.ids[shuffled][moved.columns])


def test_equal_totals_rank_the_smaller_id_first():
    totals = np.array([[0.5, 0.7, 0.5, 0.7]])
    ranking = scoring.rank_rows(totals, np.array([40, 30, 10, 20]), k=4)
    assert ranking.columns.tolist() == [[3, 1, 2, 0]]  # ids 20, 30 (0.7), then 10, 40 (0.5)


def test_a_pair_where_only_one_side_gains_scores_below_a_win_win_pair():
    rng = np.random.default_rng(1)
    rows, cols = side(rng, 1), side(rng, 2, first_id=5)
    for s in (rows, cols):
        s.seeks[:], s.offers[:] = 0, 0
    rows.seeks[0, 0] = 1.0
    cols.offers[:, 0] = 1.0  # both partners can teach issue 0
    cols.seeks[1, 1], rows.offers[0, 1] = 1.0, 1.0  # only partner 1 gains something back
    ctx = context(rng, False)
    comp = scoring.score_block(rows, cols, ctx, Links())[0, 0]
    assert comp.tolist() == pytest.approx([0.2, 1.0])


@pytest.mark.parametrize(
    ("weights", "message"),
    [
        ({"charm": 1.0}, "unknown criterion 'charm'"),
        ({"history": -1.0}, "weight of history must be a finite number >= 0"),
        ({"history": 0.0}, "at least one weight must be positive"),
    ],
)
def test_bad_weights_are_refused(weights, message):
    with pytest.raises(ValueError, match=message):
        scoring.normalised_weights(weights)


def test_the_equal_status_rule_needs_the_same_known_tier():
    assert scoring.equal_status(np.array([0, 1, -1]), np.array([0, -1])).tolist() == [
        [True, False], [False, False], [False, False],
    ]  # fmt: skip


@settings(max_examples=30, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), with_issue=st.booleans(), chunk=st.integers(1, 7))
def test_fast_totals_equal_the_weighted_criteria(seed, with_issue, chunk):
    rng = np.random.default_rng(seed)
    rows, cols = side(rng, 7), side(rng, 6, first_id=30)
    ctx, lk = context(rng, with_issue), links(rng, 7, 6)
    w = scoring.normalised_weights(
        dict(zip(CRITERIA, rng.uniform(0, 1, len(CRITERIA)), strict=True))
    )
    for span in scoring.iter_blocks(len(rows), chunk):
        np.testing.assert_allclose(
            scoring.score_totals(rows, cols, ctx, lk, w, span),
            scoring.total(scoring.score_block(rows, cols, ctx, lk, span), w),
            rtol=1e-5, atol=1e-6,
        )  # fmt: skip


def test_excluded_pairs_are_never_ranked():
    totals = np.array([[0.9, 0.1, 0.5]], dtype=np.float32)
    allowed = np.array([[False, True, True]])
    ranking = scoring.rank_rows(totals, np.array([1, 2, 3]), k=3, allowed=allowed)
    assert ranking.columns.tolist() == [[2, 1, -1]]
