import logging
import time

from django.core.management.base import BaseCommand

from cms import demo
from cms.translation import services


class Command(BaseCommand):
    help = (
        "Load the demo content (home page, About page and every app's demo data) in all "
        "languages. Safe to run again: existing content is left as it is."
    )

    def handle(self, *args, **options):
        if options["verbosity"] < 2:
            # Wagtail logs every page action at INFO; the command prints its own progress.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        started = time.monotonic()
        loaders = demo.loaders()
        for step, (app_config, load_demo) in enumerate(loaders, 1):
            self.stdout.write(
                self.style.MIGRATE_HEADING(f"[{step}/{len(loaders)}] {app_config.verbose_name}")
            )
            load_demo(log=lambda line: self.stdout.write(f"  {line}"))
        # After the demo, when every language has its home page to give translators.
        groups = services.ensure_translator_groups()
        self.stdout.write(f"Translator groups: {len(groups)} ready")
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f}s.")
        )
