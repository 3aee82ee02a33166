import importlib
import logging
import time

from django.apps import apps
from django.conf import settings
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = (
        "Load the demo content (home page, About page and every app's demo data) in all "
        "languages. Safe to run again: existing content is left as it is."
    )

    def handle(self, *args, **options):
        loaders = []
        for app_config in apps.get_app_configs():
            if not str(app_config.path).startswith(str(settings.BASE_DIR)):
                continue  # only the project's own apps
            try:
                module = importlib.import_module(f"{app_config.name}.demo")
            except ModuleNotFoundError as error:
                if error.name != f"{app_config.name}.demo":
                    raise
                continue
            loaders.append((getattr(module, "ORDER", 100), app_config, module.load_demo))

        if options["verbosity"] < 2:
            # Wagtail logs every page action at INFO; the command prints its own progress.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        started = time.monotonic()
        for step, (_, app_config, load_demo) in enumerate(sorted(loaders, key=lambda x: x[0]), 1):
            self.stdout.write(
                self.style.MIGRATE_HEADING(f"[{step}/{len(loaders)}] {app_config.verbose_name}")
            )
            load_demo(log=lambda line: self.stdout.write(f"  {line}"))
        self.stdout.write(
            self.style.SUCCESS(f"Demo content ready in {time.monotonic() - started:.1f}s.")
        )
