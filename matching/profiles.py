"""Turn the portal's records into the arrays `matching.scoring` scores: the one ORM bridge.

A `Universe` is one Thai side and one foreign side (every locality of each country), the issue,
designation and tag vocabularies that index their columns, the pair-specific links, and the ids of
the records behind each array entry so that an explanation can cite them.

Facts flow upwards: what a municipality seeks, offers or is also describes its province, at half
strength for interests (the report speaks of "Khon Kaen" for both the province and the city).
"""

from __future__ import annotations

import math
from collections import defaultdict
from dataclasses import dataclass, field

import numpy as np

from cooperation.models import AgreementParty, Interest, Issue, Pair, Tie
from matching.scoring import RELATION_VALUES, Context, Links, Side
from partners.models import Actor, Tag

INHERITED = 0.5  # a descendant's interest, credited to its province or prefecture
ANCESTOR_RELATION = 0.5  # a relationship of a city, credited to its province or prefecture

TIERS = {
    Actor.Level.REGIONAL: 0,
    Actor.Level.MUNICIPAL: 1,
    Actor.Level.LOCAL: 2,
    Actor.Level.ADMINISTRATIVE: 3,
}

# A village or community (Ban Mae Kampong) stands below a subdistrict: no self-government.
COMMUNITY_LEVEL = {Actor.Kind.COMMUNITY: Actor.Level.ADMINISTRATIVE}

# Which issues each national-strategy designation serves (C3). Thai: Thailand 4.0, Super
# Cluster and the S-curves (L6376-L6398), the EEC (L6372-L6374), smart-city pilots (L7341-L7342),
# Bangkok's world-metropolis policy (L6488-L6489). Japanese: the National Strategic Special
# Zones' themes (Table 4.2, L4071-L4100) and the Eco-Town model (L7108-L7109).
DESIGNATION_ISSUES = {
    "smart-city-pilot": ["smart-city", "urban-development", "it-digital", "climate-energy"],
    "eec": ["eec", "industry", "investment", "transport-logistics", "medical-devices",
            "science-technology"],
    "super-cluster": ["industry", "food-processing", "medical-devices", "tourism", "agriculture",
                      "transport-logistics", "it-digital", "science-technology"],
    "world-metropolis": ["urban-development", "smart-city", "mice", "tourism", "investment"],
    "nssz": ["startups", "sme-development", "business-matching", "investment", "agriculture",
             "public-health", "medical-devices", "education", "science-technology"],
    "eco-town": ["eco-town", "waste-management", "pollution-control", "climate-energy",
                 "environment"],
}  # fmt: skip
TRAVEL_TAGS = ("travel-convenience", "hub")
# A feature that is also know-how (C7: "the shared feature maps to an expertise", Shiga's lake,
# L4193-L4195, L4234-L4236; ports, L5655; former capitals, L4422-L4424): an inferred offer, at
# half the strength of a stated one.
FEATURE_OFFERS = {
    "port": ["transport-logistics"],
    "lake": ["water-management"],
    "old-capital": ["heritage"],
    "old-city": ["heritage"],
}
INFERRED = 0.5


@dataclass
class SideRecords:
    """The actors behind one side's rows, and the records behind its array entries."""

    actors: list[dict]
    row_of: dict[int, int]
    interests: dict[tuple[int, int, str], list[int]] = field(default_factory=dict)
    tags: dict[tuple[int, str], list[int]] = field(default_factory=dict)  # -> actor ids
    offices: dict[int, list[int]] = field(default_factory=dict)
    agreements: dict[int, int] = field(default_factory=dict)
    investment: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # (tie, firms)
    country_history: dict[int, list[int]] = field(default_factory=dict)


@dataclass
class Universe:
    issues: list[dict]
    issue_index: dict[str, int]
    designations: list[str]
    geography: list[str]
    history: list[str]
    thai: Side
    foreign: Side
    thai_records: SideRecords
    foreign_records: SideRecords
    links: Links
    pair_records: dict[tuple[int, int], dict[str, list]]
    designation_issues: np.ndarray
    geography_weights: np.ndarray

    def context(self, issue: str | None = None, query_need: float = 1.0) -> Context:
        mask = None
        if issue is not None:
            mask = np.zeros(len(self.issues), dtype=bool)
            mask[self.subtree(issue)] = True
        return Context(
            designation_issues=self.designation_issues,
            geography_weights=self.geography_weights,
            issue_mask=mask,
            query_need=query_need if issue is not None else 0.0,
        )

    def subtree(self, slug: str) -> list[int]:
        """The issue and every issue under it, as column indices."""
        root = self.issue_index[slug]
        found, frontier = {root}, [root]
        while frontier:
            frontier = [i for i, row in enumerate(self.issues) if row["parent"] in frontier]
            found.update(frontier)
        return sorted(found)


def build_universe(*, foreign_country: str = "JP") -> Universe:
    """Profiles of every Thai locality and every locality of `foreign_country`, from the database.

    A fixed number of queries whatever the number of actors.
    """
    issues = list(Issue.objects.order_by("pk").values("pk", "slug", "parent_id"))
    issue_pos = {row["pk"]: i for i, row in enumerate(issues)}
    for row in issues:
        row["parent"] = issue_pos.get(row.pop("parent_id"))
    issue_index = {row["slug"]: i for i, row in enumerate(issues)}
    ancestors = [_ancestors(i, issues) for i in range(len(issues))]

    kinds = sorted(Actor.LOCALITY_KINDS - {Actor.Kind.FOREIGN_LOCALITY} | {Actor.Kind.COMMUNITY})
    fields = ("pk", "country", "kind", "parent_id", "population", "name_th", "name_en", "name_ja")
    localities = list(
        Actor.objects.filter(kind__in=kinds, country__in=["TH", foreign_country])
        .order_by("pk")
        .values(*fields)
    )
    parent_of = {a["pk"]: a["parent_id"] for a in localities}
    thai = SideRecords([a for a in localities if a["country"] == "TH"], {})
    other = SideRecords([a for a in localities if a["country"] == foreign_country], {})
    for records in (thai, other):
        records.row_of = {a["pk"]: i for i, a in enumerate(records.actors)}
    side_of = {a["pk"]: (thai if a["country"] == "TH" else other) for a in localities}

    tags = list(Tag.objects.order_by("slug").values("pk", "slug", "category"))
    designations = [t["slug"] for t in tags if t["category"] == Tag.Category.DESIGNATION]
    geography = [t["slug"] for t in tags if t["category"] == Tag.Category.GEOGRAPHY]
    history = [t["slug"] for t in tags if t["category"] == Tag.Category.HISTORY]

    n_issues = len(issues)
    arrays = {id(r): _empty(len(r.actors), n_issues, designations, geography, history)
              for r in (thai, other)}  # fmt: skip

    # Interests, credited to the actor and (at half strength) to its ancestors.
    for pk, actor_id, issue_id, direction in Interest.objects.values_list(
        "pk", "actor_id", "issue_id", "direction"
    ):
        if actor_id not in side_of:
            continue
        records = side_of[actor_id]
        grid = arrays[id(records)][direction]
        column = issue_pos[issue_id]
        for holder, strength in _holders(actor_id, parent_of):
            if holder not in records.row_of:
                continue
            row = records.row_of[holder]
            # A sub-issue also speaks, at half strength, for the issues above it.
            for col, scale in ((column, 1.0), *((a, 0.5) for a in ancestors[column])):
                grid[row, col] = max(grid[row, col], strength * scale)
                records.interests.setdefault((row, col, direction), []).append(pk)

    # Tags, credited to the actor and its ancestors (a lake in a district is a province's lake).
    slug_of = {t["pk"]: t["slug"] for t in tags}
    vocab = {"designations": designations, "geography": geography, "history": history}
    positions = {name: {s: i for i, s in enumerate(v)} for name, v in vocab.items()}
    for actor_id, tag_id in Actor.tags.through.objects.values_list("actor_id", "tag_id"):
        if actor_id not in side_of:
            continue
        records, slug = side_of[actor_id], slug_of[tag_id]
        for holder, _strength in _holders(actor_id, parent_of):
            if holder not in records.row_of:
                continue
            row = records.row_of[holder]
            records.tags.setdefault((row, slug), []).append(actor_id)
            for name, index in positions.items():
                if slug in index:
                    arrays[id(records)][name][row, index[slug]] = 1.0
            # C16: a model designation is know-how to offer on its issues; C1: an EEC province
            # offers a production base (MATCHING_CRITERIA.md, C1 "Direction J->T").
            for issue in FEATURE_OFFERS.get(slug, []) + DESIGNATION_ISSUES.get(slug, []):
                col = issue_index.get(issue)
                if col is not None:
                    offers = arrays[id(records)]["offers"]
                    offers[row, col] = max(offers[row, col], INFERRED)

    links, pair_records = _relations(thai, other, side_of, parent_of, foreign_country)
    for records in (thai, other):
        a = arrays[id(records)]
        for i, actor in enumerate(records.actors):
            level = Actor.LEVELS.get(actor["kind"], COMMUNITY_LEVEL.get(actor["kind"]))
            a["tier"][i] = TIERS.get(level, -1)
            if actor["population"]:
                a["log_population"][i] = math.log10(actor["population"])
            if any((i, slug) in records.tags for slug in TRAVEL_TAGS):
                a["travel"][i] = 1.0
        _presence(records, a)

    df = np.zeros(len(geography))
    for records in (thai, other):
        df += arrays[id(records)]["geography"].sum(axis=0)
    holders = max(1.0, float(sum((arrays[id(r)]["geography"].sum(axis=1) > 0).sum()
                                 for r in (thai, other))))  # fmt: skip
    weights = np.log((holders + 1) / (df + 1)) / math.log(holders + 1)
    geography_weights = np.clip(weights, 0.1, 1.0).astype(np.float32)

    designation_issues = np.zeros((len(designations), n_issues), dtype=np.float32)
    for d, slug in enumerate(designations):
        for issue in DESIGNATION_ISSUES.get(slug, []):
            if issue in issue_index:
                designation_issues[d, issue_index[issue]] = 1.0

    return Universe(
        issues=issues,
        issue_index=issue_index,
        designations=designations,
        geography=geography,
        history=history,
        thai=_side(thai, arrays[id(thai)]),
        foreign=_side(other, arrays[id(other)]),
        thai_records=thai,
        foreign_records=other,
        links=links,
        pair_records=pair_records,
        designation_issues=designation_issues,
        geography_weights=geography_weights,
    )


def _ancestors(i: int, issues: list[dict]) -> list[int]:
    found, parent = [], issues[i]["parent"]
    while parent is not None and parent not in found:
        found.append(parent)
        parent = issues[parent]["parent"]
    return found


def _holders(actor_id: int, parent_of: dict[int, int | None]):
    """The actor itself at full strength, then each locality above it at INHERITED."""
    yield actor_id, 1.0
    seen, parent = {actor_id}, parent_of.get(actor_id)
    while parent is not None and parent not in seen:
        seen.add(parent)
        yield parent, INHERITED
        parent = parent_of.get(parent)


def _empty(n: int, n_issues: int, designations, geography, history) -> dict[str, np.ndarray]:
    return {
        "seeks": np.zeros((n, n_issues), np.float32),
        "offers": np.zeros((n, n_issues), np.float32),
        "designations": np.zeros((n, len(designations)), np.float32),
        "geography": np.zeros((n, len(geography)), np.float32),
        "history": np.zeros((n, len(history)), np.float32),
        "tier": np.full(n, -1, np.int8),
        "log_population": np.full(n, np.nan, np.float32),
        "presence": np.zeros(n, np.float32),
        "readiness": np.zeros(n, np.float32),
        "travel": np.full(n, np.nan, np.float32),
        "country_history": np.zeros(n, np.float32),
    }


def _side(records: SideRecords, a: dict[str, np.ndarray]) -> Side:
    ids = np.array([actor["pk"] for actor in records.actors], dtype=np.int64)
    return Side(ids=ids, **{k: v for k, v in a.items() if k in Side.__dataclass_fields__})


def _locality_up(actor_id: int, parents: dict[int, int | None], records: SideRecords):
    """The nearest locality of `records` at or above an actor (a firm's prefecture, an office's)."""
    seen = set()
    while actor_id is not None and actor_id not in seen:
        if actor_id in records.row_of:
            return actor_id
        seen.add(actor_id)
        actor_id = parents.get(actor_id)
    return None


def _relations(thai: SideRecords, other: SideRecords, side_of, parent_of, country: str):
    """Pair-specific links (history, investment, existing pairs) and side-level ties."""
    parents = dict(Actor.objects.values_list("pk", "parent_id"))
    countries = dict(Actor.objects.values_list("pk", "country"))
    kinds = dict(Actor.objects.values_list("pk", "kind"))
    link = {"history": {}, "economic": {}, "existing": {}}
    pair_records: dict[tuple[int, int], dict[str, list]] = defaultdict(
        lambda: {"ties": [], "pairs": []}
    )

    def put(kind: str, t_actor: int, f_actor: int, value: float, record: tuple) -> None:
        for t_holder, t_strength in _holders(t_actor, parent_of):
            for f_holder, f_strength in _holders(f_actor, parent_of):
                if t_holder not in thai.row_of or f_holder not in other.row_of:
                    continue
                scale = 1.0 if t_strength == f_strength == 1.0 else ANCESTOR_RELATION
                key = (thai.row_of[t_holder], other.row_of[f_holder])
                link[kind][key] = max(link[kind].get(key, 0.0), value * scale)
                pair_records[key]["ties" if kind != "existing" else "pairs"].append(record)

    national = {Actor.Kind.NATIONAL_GOVERNMENT}
    ties = Tie.objects.values_list("pk", "kind", "from_actor_id", "to_actor_id", "figure")
    for pk, kind, a, b, figure in ties:
        ends = {countries[a]: a, countries[b]: b}
        if "TH" not in ends or country not in ends or len(ends) != 2:
            if kind == Tie.Kind.OFFICE:
                holder = _locality_up(a, parents, other)
                if holder is not None:
                    other.offices.setdefault(holder, []).append(pk)
            continue
        t_end, f_end = ends["TH"], ends[country]
        t_loc, f_loc = _locality_up(t_end, parents, thai), _locality_up(f_end, parents, other)
        if kind == Tie.Kind.HISTORICAL:
            if t_loc and f_loc:
                put("history", t_loc, f_loc, 1.0, ("tie", pk))
            elif f_loc and kinds[t_end] in national:
                other.country_history.setdefault(f_loc, []).append(pk)
            elif t_loc and kinds[f_end] in national:
                thai.country_history.setdefault(t_loc, []).append(pk)
        elif kind == Tie.Kind.INVESTMENT:
            if t_loc and f_loc:
                put("economic", t_loc, f_loc, 1.0, ("tie", pk))
            if f_loc:
                other.investment.setdefault(f_loc, []).append((pk, figure or 0))
            if t_loc:
                thai.investment.setdefault(t_loc, []).append((pk, figure or 0))
        elif kind == Tie.Kind.OFFICE and f_loc:
            other.offices.setdefault(f_loc, []).append(pk)

    for pk, parent in Actor.objects.filter(kind=Actor.Kind.OFFICE_ABROAD, country="TH").values_list(
        "pk", "parent_id"
    ):
        holder = _locality_up(parent, parents, other)
        if holder is not None:
            other.offices.setdefault(holder, []).append(-pk)  # negative: an office actor

    # Agreements with any party of the other country: experience of working together.
    parties = defaultdict(set)
    for agreement_id, actor_id in AgreementParty.objects.values_list("agreement_id", "actor_id"):
        parties[agreement_id].add(actor_id)
    for members in parties.values():
        found = {countries[m] for m in members}
        if "TH" in found and country in found:
            for m in members:
                for records in (thai, other):
                    holder = _locality_up(m, parents, records)
                    if holder is not None and countries[m] == records.actors[0]["country"]:
                        records.agreements[holder] = records.agreements.get(holder, 0) + 1

    pairs = Pair.objects.with_status().filter(foreign__country=country)
    for pk, t, f, status in pairs.values_list("pk", "thai_id", "foreign_id", "status"):
        put("existing", t, f, RELATION_VALUES[status], ("pair", pk, status))

    def arrays(kind: str) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        items = sorted(link[kind].items())
        rows = np.array([k[0] for k, _ in items], np.int64)
        cols = np.array([k[1] for k, _ in items], np.int64)
        return rows, cols, np.array([v for _, v in items], np.float32)

    links = Links(
        history=arrays("history"), economic=arrays("economic"), existing=arrays("existing")
    )
    return links, dict(pair_records)


def _presence(records: SideRecords, a: dict[str, np.ndarray]) -> None:
    """Economic presence (C12) and readiness (C13) of each locality, in [0, 1]."""
    firms = {holder: max(f for _, f in ties) for holder, ties in records.investment.items()}
    most = math.log1p(max(firms.values(), default=0))
    for i, actor in enumerate(records.actors):
        pk = actor["pk"]
        invest = 0.0
        if pk in firms:  # a tie counts 0.3; the number of firms the report gives, up to 0.3 more
            invest = 0.3 + (0.3 * math.log1p(firms[pk]) / most if most else 0.0)
        agreed = 0.4 if records.agreements.get(pk) else 0.0
        a["presence"][i] = min(1.0, invest + agreed)
        office = 0.6 if pk in records.offices else 0.0
        a["readiness"][i] = min(1.0, office + (0.4 if records.agreements.get(pk) else 0.0))
        if pk in records.country_history:
            a["country_history"][i] = 1.0
