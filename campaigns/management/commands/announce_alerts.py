from django.core.management.base import BaseCommand

from campaigns.alerts import services


class Command(BaseCommand):
    help = (
        "Build pages afresh when a scheduled alert comes into force; tell partners "
        "(`alert.ended`) about alerts whose end time has passed and build pages afresh "
        "without them; each once (docs/screens.md). Run every minute, by "
        "`manage.py every_minute`."
    )

    def handle(self, *args, **options):
        started = services.announce_started()
        ended = services.announce_ended()
        self.stdout.write(f"Alerts: {len(started)} started, {len(ended)} ended.")
