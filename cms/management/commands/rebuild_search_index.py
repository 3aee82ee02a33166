"""`manage.py rebuild_search_index`: make the search's entries and word lists again from
everything public now. Saves keep them up to date; run this after an upgrade that changes
how words are read (docs/search.md), after writing pages with SQL, or to repair."""

import time

from django.core.management.base import BaseCommand

from cms.search.services import rebuild_index


class Command(BaseCommand):
    help = "Make the search index again from everything readers can read now."

    def handle(self, *args, **options):
        started = time.monotonic()
        count = rebuild_index()
        self.stdout.write(
            self.style.SUCCESS(
                f"{count:,} search entries made in {time.monotonic() - started:.1f}s."
            )
        )
