"""The report's descriptive facts that the matcher reads never come from its answers."""

import json
import re
from pathlib import Path

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "report"
TABLES_10_4_AND_10_5 = range(10627, 11053)  # seed 004 lines of the recommendation tables


def cited_lines(locator: str) -> set[int]:
    lines = set()
    for first, last in re.findall(r"L(\d+)(?:-(\d+))?", locator):
        lines.update(range(int(first), int(last or first) + 1))
    return lines


def test_no_profile_fact_or_designation_cites_the_recommendation_tables():
    rows = json.loads((FIXTURES / "profile_facts.json").read_text(encoding="utf-8"))
    rows += json.loads((FIXTURES / "designations.json").read_text(encoding="utf-8"))
    assert len(rows) > 150
    for row in rows:
        for cite in row["cite"]:
            assert not cited_lines(cite["locator"]) & set(TABLES_10_4_AND_10_5), cite


def test_every_profile_fact_cites_seed_lines_and_says_what_it_adds():
    rows = json.loads((FIXTURES / "profile_facts.json").read_text(encoding="utf-8"))
    for row in rows:
        assert row["interests"] or row["tags"]
        assert all(re.search(r"L[0-9]+", c["locator"]) for c in row["cite"]), row
