"""`manage.py every_minute`: what must happen within a minute of a moment nobody acts at
(a screen falls silent; an alert's end time passes). It runs each command in
settings.EVERY_MINUTE_COMMANDS once; with `--loop` it runs them again every minute until
stopped (a container's command, `make run`). A systemd timer runs it without `--loop`
(deploy/systemd/open-doors-every-minute.*). A failing step is logged and the others run."""

import logging
import time

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import close_old_connections

logger = logging.getLogger(__name__)


class Command(BaseCommand):
    help = "Run the minute's checks (screens' health, alerts that start or end) once or in a loop."

    def add_arguments(self, parser):
        parser.add_argument(
            "--loop", action="store_true", help="Run again every --interval seconds."
        )
        parser.add_argument("--interval", type=float, default=60.0)

    def handle(self, *args, loop: bool, interval: float, **options):
        if interval < 1:
            raise CommandError("--interval must be at least 1 second.")
        while True:
            started = time.monotonic()
            if loop:
                close_old_connections()  # a long loop must not keep a dead connection
            failed = self.run_once()
            if not loop:
                if failed:
                    raise CommandError(f"{len(failed)} step(s) failed: {', '.join(failed)}")
                return
            time.sleep(max(0.0, interval - (time.monotonic() - started)))

    def run_once(self) -> list[str]:
        failed = []
        for name, *arguments in settings.EVERY_MINUTE_COMMANDS:
            step = " ".join([name, *arguments])
            try:
                call_command(name, *arguments, stdout=self.stdout, stderr=self.stderr)
            except Exception as error:  # the other steps still run
                failed.append(step)
                logger.exception("every_minute: %s failed: %s", step, error)
        return failed
