"""Every value the report fixtures hold is traceable: its cited passage holds its key text, or a
citation says it was inferred (with the reasoning) or comes from another source.

Reads fixtures/report/*.json and the seed texts in ../shared/seeds/ (beside the repository, as on
every development and CI machine); touches no database.
"""

from __future__ import annotations

import csv
import json
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
REPORT_DIR = ROOT / "fixtures" / "report"
REFERENCE_DIR = ROOT / "fixtures" / "reference"
SEEDS = ROOT.parent / "shared" / "seeds"
SEED_FILES = {
    "report-th-jp-local": "004_c17cb8afcffbe779.txt",
    "focus-group-th-cn": "000_84fb5963411c3554.txt",
}
WINDOW = 2
THAI_DIGITS = str.maketrans("0123456789", "๐๑๒๓๔๕๖๗๘๙")


THAI_MARKS = re.compile("[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]")


def squeeze(text: str) -> str:
    """Compare without spaces, Thai vowel and tone marks, and with SARA AM folded.

    The PDF extraction splits "ำ" into " า" and stores marks in either order ("ถ่ิน" for "ถิ่น").
    """
    text = re.sub(r"\s+", "", text).replace("\u0e33", "\u0e32")
    return THAI_MARKS.sub("", text).lower()


def lines_of(locator: str) -> list[int]:
    found = []
    for first, last in re.findall(r"L(\d+)(?:-(\d+))?", locator):
        found.extend(range(int(first), int(last or first) + 1))
    return found


def year_keys(value: str) -> list[str]:
    year = int(str(value)[:4])
    keys = [str(year), str(year + 543)]
    return keys + [k.translate(THAI_DIGITS) for k in keys]


def number_keys(value) -> list[str]:
    number = float(value)
    whole = int(number)
    keys = [f"{whole:,}", str(whole)] if number == whole else [str(number)]
    # Thai prints large round amounts in words: 25 ล้าน (million), 8 แสน (hundred thousand).
    for unit, word in ((1_000_000, "ล้าน"), (100_000, "แสน")):
        if whole >= unit and whole % unit == 0:
            keys.append("%d %s" % (whole // unit, word))
    return keys + [k.translate(THAI_DIGITS) for k in keys]


@dataclass
class Check:
    """The outcome of checking every value: counts by basis, and the values that fail."""

    counts: Counter = field(default_factory=Counter)
    failures: list[str] = field(default_factory=list)
    seeds: dict = field(default_factory=dict)
    mic: dict = field(default_factory=dict)

    def passage(self, cite: dict) -> str:
        lines = self.seeds.get(cite["source"])
        if lines is None:
            return ""
        # Two lines either side: a locator's range and the extraction's wrapped lines differ by one
        # or two (a sentence that starts on the line before the cited one).
        wanted = {m for n in lines_of(cite["locator"]) for m in range(n - WINDOW, n + WINDOW + 1)}
        return squeeze(" ".join(lines[n - 1] for n in sorted(wanted) if 0 < n <= len(lines)))

    def value(self, where: str, name: str, keys: list[str], cites: list[dict]) -> None:
        """One value: a non-stated citation of this field, or a stated passage holding a key."""
        self.counts["values"] += 1
        own = [c for c in cites if c.get("field") == name]
        unstated = [c for c in own if c.get("basis", "stated") != "stated"]
        if unstated:
            basis = unstated[0]["basis"]
            if not unstated[0].get("note"):
                self.failures.append("%s %s: %s without a note" % (where, name, basis))
            self.counts[basis] += 1
            return
        stated = own or [c for c in cites if not c.get("field")]
        wanted = [squeeze(k) for k in keys if k]
        if any(key in self.passage(c) for c in stated for key in wanted):
            self.counts["stated"] += 1
            return
        self.failures.append(
            "%s %s: none of %s in %s"
            % (where, name, keys[:3], [c["locator"] for c in stated] or "no citation")
        )


def read(name: str) -> list[dict]:
    return json.loads((REPORT_DIR / name).read_text(encoding="utf-8"))


def actor_names() -> dict[str, list[str]]:
    """What the seed may call each actor: its Thai and English names and its aliases."""
    names: dict[str, list[str]] = {}
    for file in ("th_provinces.json", "jp_prefectures.json"):
        for row in json.loads((REFERENCE_DIR / file).read_text(encoding="utf-8")):
            names[row["iso_code"]] = [row["name_th"], row["name_en"]]
    for row in read("actors.json"):
        key = row.get("iso_code") or row["slug"]
        names.setdefault(key, [])
        names[key] += [row.get("name_th", ""), row.get("name_en", ""), *row["aliases"]]
    return {k: [n for n in v if n] for k, v in names.items()}


def name_keys(row: dict) -> list[str]:
    """How the seed may print an actor: its Thai name or the Thai name's parts, an alias, the
    English name's first word or an acronym in brackets ('Uozu City' -> 'Uozu')."""
    keys = [row["name_th"], *re.split(r"[ ()]+", row["name_th"]), *row["aliases"]]
    keys += [row["name_en"], *re.findall(r"\(([A-Z][A-Za-z.]+)\)", row["name_en"])]
    head = re.split(r"[ (,]", row["name_en"])[0]
    keys += [head] if len(head) > 3 and head not in GENERIC else []
    return [k for k in keys if len(k) > 2]


GENERIC = {"Office", "Department", "Ministry", "Royal", "College", "Small", "Japanese", "North"}


def run_check() -> Check:
    check = Check()
    for slug, file in SEED_FILES.items():
        check.seeds[slug] = (SEEDS / file).read_text(encoding="utf-8").splitlines()
    mic_file = next(Path(p) for p in map(str, Path(ROOT, ".venv").glob("lib/*/site-packages")))
    with (mic_file / "data.csv").open(encoding="utf-8") as handle:
        check.mic = {r["code"]: r["city"] or r["prefecture"] for r in csv.DictReader(handle)}
    names = actor_names()

    for row in read("actors.json"):
        if "iso_code" in row:
            continue
        where, cites = "actor %s" % row["slug"], row["cite"]
        keys = name_keys(row)
        check.value(where, "name", keys, cites)
        if row["name_ja"]:
            check.value(where, "name_ja", [row["name_ja"]], cites)
            for c in cites:
                mic = c["source"] == "mic-local-government-codes" and c.get("field") == "name_ja"
                if mic and check.mic.get(row["local_code"]) != row["name_ja"]:
                    check.failures.append("%s name_ja: not MIC's name for its code" % where)
        if row["established"]:
            check.value(where, "established_on", year_keys(row["established"]), cites)
    for row in read("agreements.json"):
        where = "agreement %s" % row["ref"]
        for prefix in ("signed", "valid_from", "valid_until"):
            if row[prefix]:
                check.value(where, prefix + "_on", year_keys(row[prefix]), row["cite"])
        if any(c.get("field") == "kind" for c in row["cite"]):
            check.value(where, "kind", [], row["cite"])
    for row in read("projects.json"):
        where = "project %s" % row["ref"]
        for prefix in ("starts", "ends"):
            if row[prefix]:
                check.value(where, prefix + "_on", year_keys(row[prefix]), row["cite"])
        if row["amount"] is not None:
            check.value(where, "amount", number_keys(row["amount"]), row["cite"])
        if row["status"] != "unknown":  # "unknown" claims nothing
            check.value(where, "status", [], row["cite"])
    for row in read("activities.json"):
        if row["occurred"]:
            keys = year_keys(row["occurred"])
            check.value("activity %s" % row["ref"], "occurred_on", keys, row["cite"])
    for row in read("ties.json"):
        if row["since"]:
            check.value("tie %s" % row["ref"], "since_on", year_keys(row["since"]), row["cite"])
    for row in read("stated_figures.json"):
        where = "stated figure %s" % row["slug"]
        check.value(where, "value", number_keys(row["value"]), row["cite"])
        if row["as_of"]:
            check.value(where, "as_of_on", year_keys(row["as_of"]), row["cite"])
    for row in read("designations.json"):
        for actor in row["actors"]:
            where = "designation %s on %s" % (row["tag"], actor)
            cites = [{**c, "field": "tags"} for c in row["cite"]]
            check.value(where, "tags", names.get(actor, []), cites)
    for row in read("profile_facts.json"):
        for _category, tag in row["tags"]:
            if tag == "NSSZ":  # a designation names its place; other tags describe it
                where = "profile tag %s on %s" % (tag, row["actor"])
                cites = [{**c, "field": "tags"} for c in row["cite"]]
                check.value(where, "tags", names.get(row["actor"], []), cites)
    return check


@pytest.fixture(scope="module")
def provenance() -> Check:
    if not SEEDS.is_dir():
        pytest.skip("the seed texts are not beside the repository (%s)" % SEEDS)
    return run_check()


def test_every_fixture_value_is_stated_inferred_or_from_outside(provenance):
    counts = provenance.counts
    print(
        "\nfixture provenance: %d values checked, %d stated, %d inferred, %d outside, %d failing"
        % (
            counts["values"],
            counts["stated"],
            counts["inferred"],
            counts["outside"],
            len(provenance.failures),
        )
    )
    assert provenance.failures == []
    assert counts["values"] == counts["stated"] + counts["inferred"] + counts["outside"]


def test_check_fails_a_value_its_passage_does_not_hold(provenance):
    """The check is not vacuous: a year moved by one is caught."""
    cite = {"source": "report-th-jp-local", "locator": "§8.2.2 (1.1); L7636-7638"}
    check = Check(seeds=provenance.seeds)
    check.value("activity x", "occurred_on", year_keys("2014"), [cite])
    check.value("activity y", "occurred_on", year_keys("2013"), [cite])
    assert check.failures == [
        "activity x occurred_on: none of ['2014', '2557', '๒๐๑๔'] in ['§8.2.2 (1.1); L7636-7638']"
    ]
    assert check.counts == Counter({"values": 2, "stated": 1})


def test_akita_prefecture_holds_no_special_zone_designation():
    """Table 4.2 names Senboku City, not Akita Prefecture (nor Niigata or Fukuoka prefectures)."""
    tagged = {a for row in read("designations.json") if row["tag"] == "nssz" for a in row["actors"]}
    tagged |= {
        r["actor"] for r in read("profile_facts.json") if ["designation", "NSSZ"] in r["tags"]
    }
    assert {"jp-senboku", "jp-niigata-city", "jp-fukuoka-city"} <= tagged
    assert not {"JP-05", "JP-15", "JP-40"} & tagged
