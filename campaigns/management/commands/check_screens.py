from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from campaigns.screens import incidents, services


class Command(BaseCommand):
    help = (
        "Open an incident for each screen behind or silent for SCREEN_UNHEALTHY_AFTER_MINUTES "
        "and close those that recovered, telling the group's contacts and webhooks once each "
        "(docs/screens.md); delete screenshots older than SCREEN_SCREENSHOT_KEEP_HOURS. Run "
        "every minute, by `manage.py every_minute`."
    )

    def handle(self, *args, **options):
        result = incidents.watch_fleet()
        pruned = services.prune_screenshots(
            older_than=timezone.now() - timedelta(hours=settings.SCREEN_SCREENSHOT_KEEP_HOURS)
        )
        self.stdout.write(
            f"Screens: {len(result.opened)} incidents opened, {len(result.recovered)} "
            f"recovered, {pruned} old screenshots deleted."
        )
