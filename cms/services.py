"""Writes that belong to the platform core. Views and commands call these; models stay
free of side effects."""

from django.db import transaction
from wagtail.models import Collection, Locale

from cms import languages


@transaction.atomic
def sync_locales(*, using: str = "default") -> list[Locale]:
    """Create a Locale row for every configured language that lacks one.

    Returns the rows it created. Locales of languages removed from settings are left
    alone: their pages must be moved or deleted by an editor first."""
    existing = set(Locale.objects.using(using).values_list("language_code", flat=True))
    created = []
    for code in languages.codes():
        if code not in existing:
            created.append(Locale.objects.using(using).create(language_code=code))
    return created


def root_collection() -> Collection:
    """The root of Wagtail's collections (posters, photovoice photos go under it)."""
    # Wagtail's migrations create it, but `manage.py flush` (and every transactional
    # test) empties the table.
    return Collection.get_first_root_node() or Collection.add_root(name="Root")
