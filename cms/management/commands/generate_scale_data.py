import logging
import time

from django.core.management.base import BaseCommand, CommandError

from cms import demo, scale
from cms.search.services import index_registered_objects


class Command(BaseCommand):
    help = (
        "Fill this database with a country-wide platform's content, screens and plays, for "
        "make bench-scale (docs/benchmarks.md). Starts from the demo content, copies in bulk, "
        "and adds only what is missing when run again. Never run it on a real platform."
    )

    def add_arguments(self, parser):
        for kind, full in scale.FULL_SIZE.items():
            parser.add_argument(
                f"--{kind}", type=int, metavar="N", help=f"default {full:,} times --scale"
            )
        parser.add_argument(
            "--scale",
            type=float,
            default=1.0,
            metavar="FACTOR",
            help="the country-wide size times this (0.05: a twentieth) for counts not given",
        )
        parser.add_argument(
            "--allow-existing-content",
            action="store_true",
            help="run even though the database holds pages the generator did not make",
        )
        parser.add_argument("--no-progress", action="store_true", help="no progress bars")

    def handle(self, *args, **options):
        if options["scale"] <= 0:
            raise CommandError("--scale must be more than 0.")
        targets = {
            kind: options[kind]
            if options[kind] is not None
            else max(1, round(full * options["scale"]))
            for kind, full in scale.FULL_SIZE.items()
        }
        negative = [kind for kind, count in targets.items() if count < 0]
        if negative:
            raise CommandError(f"Counts cannot be negative: {', '.join(negative)}.")
        try:
            scale.check_database(allow_existing=options["allow_existing_content"])
        except scale.ForeignContent as error:
            raise CommandError(str(error)) from error
        if options["verbosity"] < 2:
            # Wagtail logs every page action at INFO; the command reports its own progress.
            logging.getLogger("wagtail").setLevel(logging.WARNING)
        started = time.monotonic()
        scale.relax_durability()
        scale.mark_generated()

        def log(line: str) -> None:
            if options["verbosity"]:
                self.stdout.write(f"  {line}")

        self.stdout.write(self.style.MIGRATE_HEADING("Demo content (the templates)"))
        demo.load_all(log=lambda line: None)
        run = scale.Run(
            targets=targets,
            log=log,
            show_progress=options["verbosity"] > 0 and not options["no_progress"],
        )
        for name, generate in scale.generators():
            self.stdout.write(self.style.MIGRATE_HEADING(name))
            step = time.monotonic()
            generate(run=run)
            log(f"done in {time.monotonic() - step:.1f}s")
        # Videos and photos the copies show, as the search finds them (pages were indexed
        # as they were copied).
        index_registered_objects()
        # Statistics and visibility maps as autovacuum leaves a settled database: plans and
        # index-only scans are then those of production, not of a table just written.
        scale.settle()
        made = ", ".join(f"{scale.made(kind):,} {kind}" for kind in targets)
        self.stdout.write(
            self.style.SUCCESS(f"Scale data ready in {time.monotonic() - started:.1f}s: {made}.")
        )
