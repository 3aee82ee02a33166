"""Writes that belong to the platform core. Views and commands call these; models stay
free of side effects."""

from django.db import transaction
from wagtail.models import DraftStateMixin, Locale, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource

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


@transaction.atomic
def translate_from_catalog(
    *,
    instance: TranslatableMixin,
    language_code: str,
    catalog: dict[str, str],
    publish: bool = True,
) -> TranslatableMixin:
    """Create or update the translation of a page or snippet through wagtail-localize.

    `catalog` maps source strings to their translations, like a PO file. Strings it does
    not cover keep the source text until a translator fills them in; the translation is
    tracked by wagtail-localize exactly as if a translator had imported a PO file, so the
    editor's sync and status views work on it.
    """
    locale = Locale.objects.get(language_code=language_code)
    source, _ = TranslationSource.update_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(source=source, target_locale=locale)
    po = translation.export_po()
    for entry in po:
        entry.msgstr = catalog.get(entry.msgid, "")
    translation.import_po(po, translation_type="manual", tool_name="catalog")
    if not isinstance(instance, DraftStateMixin):
        translation.save_target(publish=True)  # saved as it is: nothing to publish
        return translation.get_target_instance()
    # wagtail-localize would publish through transaction.on_commit with the page object it
    # holds in memory; inside a caller's transaction that runs later and writes back stale
    # tree data (children created meanwhile vanish from `numchild`). Publishing the new
    # revision here keeps the result the same inside or outside a transaction.
    translation.save_target(publish=False)
    target = translation.get_target_instance()
    if publish:
        target.get_latest_revision().publish()
        target.refresh_from_db()
    return target
