"""A new language's home page goes to that language's translators; every change to a page,
a followed snippet or wagtail-localize's records about them marks its row of the
translations table to be computed again (coverage.py)."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import ModelLogEntry, Page, TranslatableMixin
from wagtail.signals import page_published
from wagtail_localize.models import (
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from cms.models import HomePage
from cms.translation import coverage, services, status


def home_page_created(sender, instance, created, raw=False, **kwargs) -> None:
    """A language's home page (a new language, or its first translation) gives that
    language's translator group its pages, once the page is saved for good."""
    if created and not raw and instance.depth == 2:
        transaction.on_commit(lambda: services.give_translators_their_home_page(home=instance))


def translatable_changed(sender, instance=None, raw=False, **kwargs) -> None:
    # Any page (they save as their own types) or translatable snippet; the refresh keeps
    # only the followed types. A page's draft saves too: its title is the row's title.
    if raw or not isinstance(instance, TranslatableMixin):
        return
    if isinstance(instance, Page) and instance.is_root():
        return
    coverage.mark(key=instance.translation_key)


def source_changed(sender, instance=None, raw=False, **kwargs) -> None:
    if not raw:
        coverage.mark(key=instance.object_id)


def translation_changed(sender, instance=None, raw=False, **kwargs) -> None:
    # Translation (enabled or not) and TranslationLog (a sync written): both name a source.
    if not raw:
        coverage.mark(source_id=instance.source_id)


def string_translated(sender, instance=None, raw=False, **kwargs) -> None:
    # A machine translation drafted, or checked by a person.
    if not raw:
        coverage.mark(context_id=instance.context_id)


def snippet_logged(sender, instance=None, created=False, raw=False, **kwargs) -> None:
    # A snippet's status compares the times it was edited in the admin (its log).
    if created and not raw and instance.action in status.SNIPPET_CHANGES:
        coverage.mark(snippet=(instance.content_type_id, instance.object_id))


def page_published_checked(sender, instance=None, **kwargs) -> None:
    # Every published version (an editor's, or wagtail-localize's sync of a translation) is
    # read for text left in another language.
    services.check_for_untranslated_text(version=instance)


def connect() -> None:
    page_published.connect(page_published_checked, dispatch_uid="untranslated-text", weak=False)
    post_save.connect(home_page_created, sender=HomePage, dispatch_uid="translator-groups")
    for signal, name in ((post_save, "saved"), (post_delete, "deleted")):
        signal.connect(
            translatable_changed, dispatch_uid=f"coverage-translatable-{name}", weak=False
        )
        signal.connect(
            source_changed, sender=TranslationSource, dispatch_uid=f"coverage-source-{name}"
        )
        signal.connect(
            translation_changed, sender=Translation, dispatch_uid=f"coverage-translation-{name}"
        )
        signal.connect(
            string_translated, sender=StringTranslation, dispatch_uid=f"coverage-string-{name}"
        )
    post_save.connect(translation_changed, sender=TranslationLog, dispatch_uid="coverage-log")
    post_save.connect(snippet_logged, sender=ModelLogEntry, dispatch_uid="coverage-snippet-log")
