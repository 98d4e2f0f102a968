"""Batch runs of the matcher: the best candidates of many localities, as CSV on stdout."""

import csv

from django.core.management.base import BaseCommand, CommandError

from matching.candidates import MatchingError, find_candidates
from matching.models import WeightPreset
from matching.profiles import build_universe
from partners.lookups import actor_lookup
from partners.models import Actor


class Command(BaseCommand):
    help = (
        "Print the best candidates of each given locality (or of every Thai province with "
        "--provinces) as CSV: actor, rank, candidate, total and each criterion's score."
    )

    def add_arguments(self, parser):
        parser.add_argument("actors", nargs="*", help="ids, slugs or codes (TH-50, JP-23)")
        parser.add_argument("--provinces", action="store_true", help="every Thai province")
        parser.add_argument("--issue", help="issue slug, e.g. water-management")
        parser.add_argument("--country", default="JP", help="the partners' country (default JP)")
        parser.add_argument("--limit", type=int, default=10)
        parser.add_argument("--preset", help="name of a saved weight preset")

    def handle(self, *args, **options):
        actors = []
        for value in options["actors"]:
            actor = Actor.objects.filter(actor_lookup(value)).first()
            if actor is None:
                raise CommandError("No actor has the id, slug or code %r." % value)
            actors.append(actor)
        if options["provinces"]:
            actors += list(Actor.objects.filter(kind=Actor.Kind.PROVINCE).order_by("iso_code"))
        if not actors:
            raise CommandError("Name at least one actor, or pass --provinces.")
        weights = None
        if options["preset"]:
            preset = WeightPreset.objects.filter(name=options["preset"]).first()
            if preset is None:
                raise CommandError("No weight preset is named %r." % options["preset"])
            weights = preset.weights()
        universe = build_universe(foreign_country=options["country"])
        writer = csv.writer(self.stdout)
        names = None
        for actor in actors:
            try:
                candidates = find_candidates(
                    actor, issue=options["issue"], country=options["country"],
                    limit=options["limit"], weights=weights, universe=universe, explain=False,
                )  # fmt: skip
            except MatchingError as error:
                raise CommandError(str(error)) from None
            partners = Actor.objects.in_bulk([c.actor_id for c in candidates])
            for c in candidates:
                if names is None:
                    names = [k.name for k in c.criteria]
                    writer.writerow(["actor", "rank", "candidate", "total", *names])
                partner = partners[c.actor_id]
                scores = ["%.4f" % k.score for k in c.criteria]
                code = partner.iso_code or partner.slug
                writer.writerow(
                    [actor.iso_code or actor.slug, c.rank, code, "%.4f" % c.total, *scores]
                )
        self.stderr.write("%d localities matched." % len(actors))
