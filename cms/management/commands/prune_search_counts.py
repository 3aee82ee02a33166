"""`manage.py prune_search_counts`: forget the daily counts of readers' searches older than
SEARCH_REPORT_DAYS (run daily by `manage.py housekeeping`)."""

from django.conf import settings
from django.core.management.base import BaseCommand

from cms.search.services import prune_counts


class Command(BaseCommand):
    help = "Forget counts of readers' searches older than SEARCH_REPORT_DAYS."

    def handle(self, *args, **options):
        deleted = prune_counts()
        self.stdout.write(
            f"{deleted} search count(s) older than {settings.SEARCH_REPORT_DAYS} days deleted."
        )
