"""Ranked, explained candidate partners for one actor: what the API, the page and `match` show."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import numpy as np
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext as _

from cooperation.models import Citation, Interest, Issue, Tie
from matching import scoring
from matching.profiles import SideRecords, Universe, build_universe
from partners.models import Actor, Tag

LANGUAGES = ("th", "en", "ja")
MOI_RULE = "L5808-5809"  # the Interior Ministry's equal-status rule for sister cities


class MatchingError(ValueError):
    """A query the matcher cannot answer; the message is in the active language."""

    def __init__(self, message: str, *, field: str = "actor") -> None:
        super().__init__(message)
        self.field = field


@dataclass
class Criterion:
    name: str
    score: float
    weight: float
    contribution: float
    explanation: dict[str, str]


@dataclass
class Candidate:
    actor_id: int
    rank: int
    total: float
    criteria: list[Criterion] = field(default_factory=list)
    equal_status: bool = False


def find_candidates(
    actor: Actor,
    *,
    issue: str | None = None,
    country: str | None = None,
    kinds: list[str] | None = None,
    limit: int = 10,
    weights: Mapping[str, float] | None = None,
    equal_status_only: bool = False,
    universe: Universe | None = None,
    explain: bool = True,
) -> list[Candidate]:
    """The best `limit` partners for `actor` (either country may ask), best first.

    `country` is the other side's country (Japan when a Thai actor asks); `kinds` narrows the
    candidates to some actor kinds; `equal_status_only` keeps only partners of the same
    standing, as the Interior Ministry requires for sister cities.
    """
    thai_side = actor.country == "TH"
    foreign_country = (country or "JP") if thai_side else actor.country
    if thai_side and foreign_country == "TH":
        raise MatchingError(
            _("A Thai actor's candidates are foreign: choose another country."), field="country"
        )
    if not thai_side and country not in (None, "", "TH"):
        raise MatchingError(
            _("A foreign actor's candidates are Thai: leave country empty or TH."), field="country"
        )
    universe = universe or build_universe(foreign_country=foreign_country)
    if issue is not None and issue not in universe.issue_index:
        raise MatchingError(_("Unknown issue: %(issue)s.") % {"issue": issue}, field="issue")
    rows, cols = (
        (universe.thai, universe.foreign) if thai_side else (universe.foreign, universe.thai)
    )
    row_records, col_records = (
        (universe.thai_records, universe.foreign_records)
        if thai_side
        else (universe.foreign_records, universe.thai_records)
    )
    links = universe.links if thai_side else universe.links.transposed()
    if actor.pk not in row_records.row_of:
        raise MatchingError(
            _("%(actor)s is not a locality the matcher profiles.") % {"actor": actor}
        )
    i = row_records.row_of[actor.pk]
    ctx = universe.context(issue)
    w = scoring.normalised_weights(weights)
    components = scoring.score_block(rows, cols, ctx, links, slice(i, i + 1))
    totals = scoring.total(components, w)
    allowed = np.ones((1, len(cols)), dtype=bool)
    if kinds:
        col_kinds = np.array([a["kind"] for a in col_records.actors])
        allowed &= np.isin(col_kinds, kinds)[None, :]
    equal = scoring.equal_status(rows.tier[i : i + 1], cols.tier)
    if equal_status_only:
        allowed &= equal
    ranking = scoring.rank_rows(totals, cols.ids, limit, allowed)
    found = []
    for rank, j in enumerate(ranking.columns[0], start=1):
        if j < 0:
            break
        candidate = Candidate(
            actor_id=int(cols.ids[j]), rank=rank, total=float(totals[0, j]),
            equal_status=bool(equal[0, j]),
        )  # fmt: skip
        for c, name in enumerate(scoring.CRITERIA):
            score = float(components[c, 0, j])
            candidate.criteria.append(
                Criterion(name, score, float(w[c]), float(w[c] * score), explanation={})
            )
        found.append((candidate, j))
    if explain and found:
        Explainer(universe, thai_side, rows, cols, row_records, col_records, ctx, i).fill(found)
    return [candidate for candidate, _j in found]


def rank_of(
    actor: Actor, partner_ids: set[int], *, universe: Universe, issue: str | None,
    weights: Mapping[str, float] | None = None,
) -> int | None:  # fmt: skip
    """The best rank among `actor`'s candidates of any of `partner_ids` (None if none is one)."""
    candidates = find_candidates(
        actor, issue=issue, universe=universe, weights=weights, limit=10**6, explain=False
    )
    for candidate in candidates:
        if candidate.actor_id in partner_ids:
            return candidate.rank
    return None


class Explainer:
    """Writes, for each candidate, one sentence per criterion in Thai, English and Japanese."""

    def __init__(self, universe, thai_side, rows, cols, row_records, col_records, ctx, i):
        self.u, self.thai_side, self.rows, self.cols = universe, thai_side, rows, cols
        self.row_records, self.col_records, self.ctx, self.i = row_records, col_records, ctx, i

    def fill(self, found: list[tuple[Candidate, int]]) -> None:
        ids = {self.rows.ids[self.i], *(c.actor_id for c, _j in found)}
        self.actors = Actor.objects.in_bulk(ids)
        self.issue_names = {
            row["pk"]: row for row in _issue_rows(self.u)
        }  # pk -> names per language
        self.tag_names = {t.slug: t for t in Tag.objects.all()}
        evidence = {j: scoring.issue_evidence(self.rows, self.cols, self.ctx, self.i, j)
                    for _candidate, j in found}  # fmt: skip
        self.locators = self._locators(found, evidence)
        for candidate, j in found:
            for language in LANGUAGES:
                with translation.override(language):
                    sentences = self.sentences(candidate, j, evidence[j])
                for criterion in candidate.criteria:
                    criterion.explanation[language] = sentences[criterion.name]

    # --- the records behind the facts ------------------------------------------------------

    def _interest_ids(self, records: SideRecords, row: int, issue: int, direction: str):
        return records.interests.get((row, issue, direction), [])

    def _locators(self, found, evidence) -> dict[tuple[str, int], list[str]]:
        interest_ids, tie_ids = set(), set()
        for _candidate, j in found:
            ev = evidence[j]
            for col in ev["gain_rows"][:2] + ev["shared"][:2]:
                interest_ids.update(self._interest_ids(self.row_records, self.i, col, "seeks"))
                interest_ids.update(self._interest_ids(self.col_records, j, col, "offers"))
                interest_ids.update(self._interest_ids(self.col_records, j, col, "seeks"))
            for col in ev["gain_cols"][:2]:
                interest_ids.update(self._interest_ids(self.row_records, self.i, col, "offers"))
                interest_ids.update(self._interest_ids(self.col_records, j, col, "seeks"))
            for _kind, *ref in self._pair_records(j)["ties"]:
                tie_ids.add(ref[0])
        self.ties = Tie.objects.in_bulk(tie_ids)
        found_locators: dict[tuple[str, int], list[str]] = {}
        for model, ids, key in ((Interest, interest_ids, "interest"), (Tie, tie_ids, "tie")):
            content_type = ContentType.objects.get_for_model(model)
            for object_id, locator in Citation.objects.filter(
                content_type=content_type, object_id__in=ids
            ).values_list("object_id", "locator"):
                found_locators.setdefault((key, object_id), []).append(locator)
        return found_locators

    def _pair_records(self, j: int) -> dict[str, list]:
        key = (self.i, j) if self.thai_side else (j, self.i)
        return self.u.pair_records.get(key, {"ties": [], "pairs": []})

    def cite(self, records: SideRecords, row: int, issues: list[int], direction: str) -> str:
        locators = []
        for col in issues:
            for pk in self._interest_ids(records, row, col, direction):
                locators.extend(self.locators.get(("interest", pk), []))
        unique = list(dict.fromkeys(locators))
        shown = "; ".join(unique[:3]) + ("; …" if len(unique) > 3 else "")
        return shown or _("no citation")

    def issue_list(self, columns: list[int]) -> str:
        language = translation.get_language()
        names = []
        for col in columns[:3]:
            row = self.issue_names[self.u.issues[col]["pk"]]
            names.append(row["name_%s" % language] or row["name_en"] or row["slug"])
        return ", ".join(names)

    def name(self, actor_id: int) -> str:
        actor = self.actors[actor_id]
        language = translation.get_language()
        return getattr(actor, "name_%s" % language) or actor.name_en or actor.name_th or actor.slug

    def tags(self, records: SideRecords, row: int, vocabulary: list[str], present) -> str:
        language = translation.get_language()
        names = []
        for t, slug in enumerate(vocabulary):
            if present[t]:
                tag = self.tag_names.get(slug)
                names.append((getattr(tag, "name_%s" % language) or tag.name_en) if tag else slug)
        return ", ".join(names)

    # --- the sentences ---------------------------------------------------------------------

    def sentences(self, candidate: Candidate, j: int, ev: dict) -> dict[str, str]:
        me, other = self.name(int(self.rows.ids[self.i])), self.name(candidate.actor_id)
        rr, cr, i = self.row_records, self.col_records, self.i
        s: dict[str, str] = {}
        mine, theirs = ev["gain_rows"], ev["gain_cols"]
        if mine and theirs:
            s["complementarity"] = _(
                "Both sides gain: %(a)s needs %(ia)s, which %(b)s offers (%(sa)s); %(b)s needs "
                "%(ib)s, which %(a)s offers (%(sb)s)."
            ) % {
                "a": me, "b": other, "ia": self.issue_list(mine), "ib": self.issue_list(theirs),
                "sa": self.cite(cr, j, mine, "offers"), "sb": self.cite(rr, i, theirs, "offers"),
            }  # fmt: skip
        elif mine or theirs:
            needy, giver = (me, other) if mine else (other, me)
            columns = mine or theirs
            records, row = (cr, j) if mine else (rr, i)
            s["complementarity"] = _(
                "Only one side gains: %(a)s needs %(issues)s, which %(b)s offers (%(sources)s); no "
                "issue on which both sides gain is recorded."
            ) % {"a": needy, "b": giver, "issues": self.issue_list(columns),
                 "sources": self.cite(records, row, columns, "offers")}  # fmt: skip
        else:
            s["complementarity"] = _(
                "No issue on which both sides gain: no recorded need of one side meets an offer "
                "of the other."
            )
        if ev["shared"]:
            s["shared_problems"] = _("Both %(a)s and %(b)s need %(issues)s (%(sources)s).") % {
                "a": me, "b": other, "issues": self.issue_list(ev["shared"]),
                "sources": self.cite(rr, i, ev["shared"], "seeks"),
            }  # fmt: skip
        else:
            s["shared_problems"] = _("No shared problem or need is recorded.")
        s["strategy"] = self.strategy(me, other, j)
        s["symmetry"] = self.symmetry(me, other, j, candidate.equal_status)
        geo = self.rows.geography[i] * self.cols.geography[j]
        if geo.any():
            s["geography"] = _("Both are: %(features)s (tags cited on each place).") % {
                "features": self.tags(rr, i, self.u.geography, geo)
            }
        else:
            s["geography"] = _("No shared geographic feature is recorded.")
        s["history"] = self.history(me, other, j)
        s["economic_ties"] = _(
            "Economic presence (firms investing, agreements with the other country): %(a)s "
            "%(pa)d%%, %(b)s %(pb)d%%."
        ) % {"a": me, "b": other, "pa": round(100 * self.rows.presence[i]),
             "pb": round(100 * self.cols.presence[j])}  # fmt: skip
        s["readiness"] = self.readiness(me, other, j)
        travel = [n for n, side, row in ((me, self.rows, i), (other, self.cols, j))
                  if not np.isnan(side.travel[row])]  # fmt: skip
        if travel:
            s["travel"] = _("Convenient travel is recorded for %(places)s.") % {
                "places": ", ".join(travel)
            }
        else:
            s["travel"] = _("No travel data is recorded for either side.")
        s["existing"] = self.existing(me, other, j)
        return s

    def strategy(self, me: str, other: str, j: int) -> str:
        columns = scoring.issue_columns(self.ctx, len(self.u.issues))
        relevant = self.ctx.designation_issues[:, columns].any(axis=1)
        mine = self.rows.designations[self.i] * relevant
        theirs = self.cols.designations[j] * relevant
        if not mine.any() and not theirs.any():
            return _("Neither side holds a national-strategy designation that serves this issue.")
        parts = []
        for name, side, present in (
            (me, self.row_records, mine),
            (other, self.col_records, theirs),
        ):
            if present.any():
                parts.append("%s: %s" % (name, self.tags(side, 0, self.u.designations, present)))
        return _("National-strategy designations: %(list)s (report, Table 4.2 and §8.1.1).") % {
            "list": "; ".join(parts)
        }

    def symmetry(self, me: str, other: str, j: int, equal: bool) -> str:
        a, b = self.actors[int(self.rows.ids[self.i])], self.actors[int(self.cols.ids[j])]
        values = {"a": me, "b": other, "ka": a.get_kind_display(), "kb": b.get_kind_display(),
                  "rule": MOI_RULE}  # fmt: skip
        if equal:
            text = (
                _(
                    "%(a)s (%(ka)s) and %(b)s (%(kb)s) are of the same standing: the Interior "
                    "Ministry's equal-status rule for sister cities is met (report %(rule)s)."
                )
                % values
            )
        else:
            text = (
                _(
                    "%(a)s (%(ka)s) and %(b)s (%(kb)s) differ in standing: a sister-city agreement "
                    "would not meet the Interior Ministry's equal-status rule (report %(rule)s)."
                )
                % values
            )
        if a.population and b.population:
            text += " " + _("Populations: %(pa)s and %(pb)s.") % {
                "pa": f"{a.population:,}",
                "pb": f"{b.population:,}",
            }
        else:
            text += " " + _("Population is not recorded for both sides.")
        return text

    def history(self, me: str, other: str, j: int) -> str:
        ties = [self.ties[ref[0]] for kind, *ref in self._pair_records(j)["ties"] if kind == "tie"]
        historical = sorted((t for t in ties if t.kind == Tie.Kind.HISTORICAL), key=lambda t: t.pk)
        if historical:
            tie = historical[0]
            return _("A historical link: %(text)s (%(sources)s).") % {
                "text": tie.description_en or str(tie),
                "sources": "; ".join(self.locators.get(("tie", tie.pk), [])),
            }
        if self.rows.country_history[self.i] or self.cols.country_history[j]:
            return _("One side has a recorded historical link with the other country.")
        return _("No historical or cultural link between them is recorded.")

    def readiness(self, me: str, other: str, j: int) -> str:
        has_office = [n for n, records, pk in (
            (me, self.row_records, int(self.rows.ids[self.i])),
            (other, self.col_records, int(self.cols.ids[j])),
        ) if pk in records.offices]  # fmt: skip
        text = (
            _("An office in the other country: %(places)s.") % {"places": ", ".join(has_office)}
            if has_office
            else _("Neither side has a recorded office in the other country.")
        )
        return text + " " + _("International-affairs staff are not recorded.")

    def existing(self, me: str, other: str, j: int) -> str:
        pairs = self._pair_records(j)["pairs"]
        if not pairs:
            return _("No existing relationship between them is recorded.")
        labels = {"active": _("active"), "dormant": _("dormant"), "ended": _("ended")}
        best = sorted(pairs, key=lambda p: ("active", "dormant", "ended").index(p[2]))[0]
        return _("An existing relationship (or one of their cities'), now %(status)s.") % {
            "status": labels[best[2]]
        }


def _issue_rows(universe: Universe) -> list[dict]:
    return list(Issue.objects.values("pk", "slug", "name_th", "name_en", "name_ja"))
