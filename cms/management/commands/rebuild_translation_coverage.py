"""`manage.py rebuild_translation_coverage`: compute afresh every row of the translations
table (each page's and snippet's status in each language). Changes keep the rows up to
date; run this after changing PLATFORM_LANGUAGES or TRANSLATION_COVERAGE_MODELS, or after
writing pages or wagtail-localize's records with SQL."""

import time

from django.core.management.base import BaseCommand

from cms.translation.coverage import rebuild_coverage


class Command(BaseCommand):
    help = "Compute afresh every row of the translations table."

    def handle(self, *args, **options):
        started = time.monotonic()
        count = rebuild_coverage()
        self.stdout.write(
            self.style.SUCCESS(
                f"{count:,} rows of the translations table computed in "
                f"{time.monotonic() - started:.1f}s."
            )
        )
