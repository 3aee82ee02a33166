"""The scale data set: `manage.py generate_scale_data` fills a database with as much content,
as many screens and as many plays as a country-wide platform has, so every reader, editor and
partner path can be measured at that size (`make bench-scale`, docs/benchmarks.md).

Each project app adds its part in `<app>/scale.py` (`ORDER`, `generate(*, targets, run)`),
found like the demo loaders. The data set starts from the demo content: its lessons, stories
and videos are the templates that are copied in bulk (cms/scale/families.py). The generator
only runs on a database it filled itself, or an empty one, unless told otherwise: it writes
outside the admin's rules (no revisions, predictable screen tokens) and must never be
pointed at a real platform's database.
"""

import random
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from django.db import connection, transaction
from django.utils import timezone
from tqdm import tqdm
from wagtail.models import Page

from cms.discovery import app_modules
from cms.scale.models import GeneratedContent

# The sizes of issue 15's country-wide platform; `--lessons` etc. scale them down.
FULL_SIZE = {
    "lessons": 20_000,
    "courses": 1_000,
    "stories": 2_000,
    "videos": 200,
    "screens": 10_000,
    "plays": 10_000_000,
}
YEAR = timedelta(days=365)


class ForeignContent(Exception):
    """The database holds content the generator did not make."""


@dataclass
class Run:
    """What one run of the generator is asked for, and how it reports progress."""

    targets: dict[str, int]
    log: Callable[[str], None]
    show_progress: bool = True
    now: datetime = field(default_factory=timezone.now)
    seed: int = 15

    def missing(self, kind: str) -> int:
        """How many of `kind` are still to make (a run adds only what is missing)."""
        return max(0, self.targets.get(kind, 0) - made(kind))

    def random(self, kind: str) -> random.Random:
        """The same choices on every run and every machine, per kind and count made."""
        return random.Random(f"{self.seed}:{kind}:{made(kind)}")

    def published_times(self, kind: str, count: int) -> list[datetime]:
        """Publishing times spread over the last year, newest last."""
        chooser = self.random(f"{kind}:times")
        moments = sorted(chooser.random() for _ in range(count))
        return [self.now - YEAR * (1 - moment) for moment in moments]

    @contextmanager
    def progress(self, kind: str, total: int) -> Iterator[tqdm]:
        with tqdm(
            total=total, desc=kind, unit=" " + kind, disable=not self.show_progress, leave=True
        ) as bar:
            yield bar


def generators() -> list[tuple[str, Callable[..., None]]]:
    """Every app's `generate`, in the order of their `ORDER` (the core's own `cms.scale` is
    this package: the core's part of the data set is the demo content)."""
    return [
        (config.verbose_name, module.generate)
        for config, module in app_modules("scale")
        if hasattr(module, "generate")
    ]


def made(kind: str) -> int:
    row = GeneratedContent.objects.filter(kind=kind).values_list("count", flat=True).first()
    return row or 0


@transaction.atomic
def add_made(kind: str, count: int) -> None:
    """Count `count` more of `kind` (call in the transaction that wrote them)."""
    row, _ = GeneratedContent.objects.select_for_update().get_or_create(kind=kind)
    row.count += count
    row.save(update_fields=["count", "updated_at"])


def check_database(*, allow_existing: bool) -> None:
    """Refuse a database with pages the generator did not make (anything below Wagtail's
    first page), unless `allow_existing`. A database it filled before is fine."""
    if allow_existing or GeneratedContent.objects.exists():
        return
    pages = Page.objects.filter(depth__gt=1).exclude(depth=2, numchild=0, slug="home")
    if pages.exists():
        raise ForeignContent(
            f"This database holds {pages.count()} pages the generator did not make. "
            "Generate into an empty database (migrate first), or pass --allow-existing-content "
            "if you are sure it holds nothing anyone needs."
        )


def relax_durability() -> None:
    """On PostgreSQL, commits of this connection stop waiting for the disk (a crash loses
    at most the last moments, which a second run adds again). Each batch's commit flushed
    the WAL and took seconds of the full build."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO OFF")


def settle() -> None:
    """On PostgreSQL, VACUUM ANALYZE the database. Not inside a transaction (a test's),
    where PostgreSQL refuses it."""
    if connection.vendor == "postgresql" and not connection.in_atomic_block:
        with connection.cursor() as cursor:
            cursor.execute("VACUUM (ANALYZE)")


@transaction.atomic
def mark_generated() -> None:
    """From now on this database counts as generated (check_database lets it through)."""
    GeneratedContent.objects.get_or_create(kind="database")
