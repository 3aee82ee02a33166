from django.core.management.base import BaseCommand

from campaigns.alerts import services


class Command(BaseCommand):
    help = (
        "Tell partners (`alert.ended`) about alerts whose end time has passed, once each, and "
        "build pages afresh without them (docs/screens.md). Run every minute, by "
        "`manage.py every_minute`."
    )

    def handle(self, *args, **options):
        ended = services.announce_ended()
        self.stdout.write(f"Alerts: {len(ended)} ended.")
