from datetime import timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from campaigns.partners import services


class Command(BaseCommand):
    help = (
        "Delete delivered and failed webhook deliveries older than --min-age-days (default 90). "
        "Pending deliveries and each webhook's latest delivery are kept (docs/partners.md). "
        "Run it daily, with prune_db_task_results for the task rows."
    )

    def add_arguments(self, parser):
        parser.add_argument("--min-age-days", type=int, default=90)

    def handle(self, *args, min_age_days: int, **options):
        if min_age_days < 1:
            raise CommandError("--min-age-days must be at least 1.")
        deleted = services.prune_deliveries(
            older_than=timezone.now() - timedelta(days=min_age_days)
        )
        self.stdout.write(f"Deleted {deleted} webhook deliveries older than {min_age_days} days.")
