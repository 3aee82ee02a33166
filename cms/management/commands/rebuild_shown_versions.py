"""`manage.py rebuild_shown_versions`: choose afresh, for every reader language, the version of
every live page it is shown. Pages keep the table up to date as they change; run this after
changing the fallback chains in PLATFORM_LANGUAGES, or after writing pages with SQL."""

import time

from django.core.management.base import BaseCommand

from cms.shown_versions.services import rebuild_shown_versions


class Command(BaseCommand):
    help = "Choose afresh the version of every live page each reader language is shown."

    def handle(self, *args, **options):
        started = time.monotonic()
        count = rebuild_shown_versions()
        self.stdout.write(
            self.style.SUCCESS(
                f"{count:,} shown versions chosen in {time.monotonic() - started:.1f}s."
            )
        )
