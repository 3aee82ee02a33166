"""Writes for translation: a translation made from a catalogue (as a PO import), the
translator groups with their languages' pages, and text left in another language
(docs/translation.md)."""

from django.apps import apps
from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import Model
from wagtail.models import DraftStateMixin, GroupPagePermission, Locale, Page, TranslatableMixin
from wagtail_localize.models import Translation, TranslationSource

from cms import languages
from cms.translation import coverage, wrong_language
from cms.translation.models import UntranslatedText


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


# --- Translator groups (docs/translation.md) ----------------------------------------------

TRANSLATOR_GROUP_PREFIX = "Translators: "
# Translators are trusted with their language: they publish what they translated. New pages
# come from the source language through "Translate this page", never from scratch.
TRANSLATOR_PAGE_PERMISSIONS = ("change_page", "publish_page")


def translator_group_name(language: languages.Language) -> str:
    """The group of a language's translators. Its English name, not a translated string:
    the name identifies the group, whatever language the admin is shown in."""
    return f"{TRANSLATOR_GROUP_PREFIX}{language.english_name}"


def translator_group_languages() -> dict[str, str]:
    """Translator group name → language code, for every language translated into."""
    return {
        translator_group_name(language): language.code for language in languages.all_languages()[1:]
    }


def translatable_snippet_models() -> list[type[Model]]:
    """The snippet types of settings.TRANSLATION_COVERAGE_MODELS (topics, themes, partners)."""
    models = [apps.get_model(label) for label in settings.TRANSLATION_COVERAGE_MODELS]
    return [
        model
        for model in models
        if issubclass(model, TranslatableMixin) and not issubclass(model, Page)
    ]


@transaction.atomic
def ensure_translator_groups() -> dict[str, Group]:
    """One group per language other than the source, "Translators: Arabic"…, that may use
    the admin, submit translations, edit and publish the pages of that language's home page
    subtree and edit the translatable snippets (limited to the language by the admin hooks
    in cms/translation/wagtail_hooks.py). Returns the groups by language code.

    Safe to run again: it only adds what is missing, so permissions an administrator
    added to a group stay. A language whose home page does not exist yet gets its page
    permissions on the next run (`manage.py load_demo_content` runs it)."""
    common = [
        Permission.objects.get(content_type__app_label="wagtailadmin", codename="access_admin"),
        Permission.objects.get(
            content_type__app_label="wagtail_localize", codename="submit_translation"
        ),
    ]
    for model in translatable_snippet_models():
        common.append(
            Permission.objects.get(
                content_type=ContentType.objects.get_for_model(model),
                codename=f"change_{model._meta.model_name}",
            )
        )
    groups = {}
    for name, code in translator_group_languages().items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*common)
        # Each language's tree hangs from its own home page under the root.
        for home in Page.objects.filter(depth=2, locale__language_code=code):
            _give_pages(group, home)
        groups[code] = group
    return groups


@transaction.atomic
def give_translators_their_home_page(*, home: Page) -> None:
    """A new home page (a language's first translation of it) goes to that language's
    translator group, when the group exists (ensure_translator_groups makes the groups)."""
    names = {code: name for name, code in translator_group_languages().items()}
    name = names.get(home.locale.language_code)
    group = Group.objects.filter(name=name).first() if name else None
    if group is not None:
        _give_pages(group, home)


def _give_pages(group: Group, home: Page) -> None:
    for permission in Permission.objects.filter(
        content_type=ContentType.objects.get_for_model(Page),
        codename__in=TRANSLATOR_PAGE_PERMISSIONS,
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=home, permission=permission)


@transaction.atomic
def check_for_untranslated_text(*, version: Page) -> list[wrong_language.ForeignPassage]:
    """Look for text in another language in this published version of a page, and keep what
    is found for the translations table and the editor (nothing kept when none is found).
    The source language's version is what the others are translated from: not checked."""
    page_type = ContentType.objects.get_for_model(Page)
    found: list[wrong_language.ForeignPassage] = []
    language = version.locale.language_code
    if language != languages.source_language().code:
        found = wrong_language.foreign_passages(wrong_language.readable_strings(version), language)
    kept = UntranslatedText.objects.filter(content_type=page_type, object_id=str(version.pk))
    if found:
        kept.update_or_create(
            content_type=page_type,
            object_id=str(version.pk),
            defaults={
                "translation_key": version.translation_key,
                "language_code": language,
                "passages": [
                    {"text": passage.text, "language": passage.language} for passage in found
                ],
            },
        )
    elif kept.exists():
        kept.delete()
    else:
        return found
    coverage.mark(key=version.translation_key)
    return found
