"""Rank every pair the report recommends (Tables 10.4, 10.5) among its locality's candidates."""

from django.core.management.base import BaseCommand

from matching.profiles import build_universe
from matching.validation import recall, validate


class Command(BaseCommand):
    help = (
        "Print, for every recommended pair of the report's Tables 10.4 and 10.5, its rank among "
        "the Thai locality's candidates, and recall@5 and recall@10 with and without the "
        "existing-relations criterion."
    )

    def handle(self, *args, **options):
        results = validate(build_universe())
        header = "%-16s %-20s %-20s %-12s %6s %6s %6s" % (
            "row",
            "issue",
            "thai",
            "japanese",
            "rank",
            "no-rel",
            "any",
        )
        self.stdout.write(header)
        for r in results:
            self.stdout.write(
                "%-16s %-20s %-20s %-12s %6s %6s %6s %s"
                % (
                    r.row,
                    r.issue,
                    r.thai,
                    r.japanese,
                    r.rank or "-",
                    r.rank_without_existing or "-",
                    r.rank_any_issue or "-",
                    r.note,
                )
            )
        self.stdout.write("pairs: %d" % len(results))
        for label, attribute in (
            ("with the query's issue", "rank"),
            ("without existing relations", "rank_without_existing"),
            ("without an issue in the query", "rank_any_issue"),
        ):
            self.stdout.write(
                "%-32s recall@5 %.3f  recall@10 %.3f"
                % (label, recall(results, 5, attribute), recall(results, 10, attribute))
            )
