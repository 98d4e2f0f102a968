"""Load the reference places and the report's records; running it twice changes nothing."""

from django.core.management.base import BaseCommand

from cooperation import report_data
from partners import reference


class Command(BaseCommand):
    help = (
        "Load Thai provinces, Japanese prefectures and the research report's records. "
        "With --localities, also Japan's municipalities and Thailand's districts and subdistricts."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--localities",
            action="store_true",
            help="Also load 1,741 Japanese municipalities and 8,364 Thai districts/subdistricts.",
        )

    def handle(self, *args, localities: bool, **options):
        self.report("provinces and prefectures", reference.load_regions())
        if localities:
            self.report("Japanese municipalities", reference.load_japanese_municipalities())
            self.report("Thai districts and subdistricts", reference.load_thai_districts())
        for label, summary in report_data.load_report().items():
            self.report(label, summary)

    def report(self, label: str, summary) -> None:
        self.stdout.write(
            "%-34s created %5d  updated %5d  unchanged %5d"
            % (label, summary.created, summary.updated, summary.unchanged)
        )
