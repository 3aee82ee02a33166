"""How each translation of a page or snippet stands against its source: the statuses the API
shows partners and the coverage table shows editors.

- ``source``: the version the others are translated from;
- ``up_to_date``: translated from the source as it is published now;
- ``outdated``: the source was published (snippets: edited) again after the translation was
  last written from it;
- ``machine``: drafted by a machine translator, not yet checked by a person in full;
- ``untranslated_text``: up to date or a machine draft, but its published text still holds
  passages in another language (cms.translation.wrong_language);
- ``missing``: no version in that language (an alias of another language's page is not a
  translation: it shows the other language's text).

Statuses come from wagtail-localize's records: TranslationSource and Translation, the
TranslationLog written each time a translation is saved from its source, and the string
translations with their type. A translation made without wagtail-localize counts as outdated
when the source changed after it. Snippets have no publishing time: their admin history
("edited" entries) tells when they changed.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, F, Max, Model, OuterRef
from wagtail.models import ModelLogEntry, Page, TranslatableMixin
from wagtail_localize.models import (
    StringSegment,
    StringTranslation,
    Translation,
    TranslationLog,
    TranslationSource,
)

from cms import languages
from cms.translation.models import UntranslatedText

SOURCE, UP_TO_DATE, OUTDATED, MACHINE, UNTRANSLATED_TEXT, MISSING = (
    "source",
    "up_to_date",
    "outdated",
    "machine",
    "untranslated_text",
    "missing",
)
STATUSES = (SOURCE, UP_TO_DATE, OUTDATED, MACHINE, UNTRANSLATED_TEXT, MISSING)

# Admin actions that change a snippet (pages use their publishing time instead).
SNIPPET_CHANGES = ("wagtail.create", "wagtail.edit")


@dataclass(frozen=True)
class TranslationState:
    language_code: str
    status: str
    instance: Model | None  # the version in that language, None when missing
    synced_at: datetime | None  # when wagtail-localize last wrote it from the source's text


def translation_states(
    versions: Iterable[TranslatableMixin], *, language_codes: list[str] | None = None
) -> dict[uuid.UUID, dict[str, TranslationState]]:
    """For each translation key among `versions` (every language's version of some pages or
    snippets, with `locale` selected), the state of each language, in `language_codes` order
    (all platform languages by default). At most six queries, whatever the number of
    objects."""
    codes = language_codes or languages.codes()
    by_key: dict[uuid.UUID, dict[str, Model]] = defaultdict(dict)
    for version in versions:
        if getattr(version, "alias_of_id", None):
            continue  # shows another language's text: nothing is translated yet
        by_key[version.translation_key][version.locale.language_code] = version
    if not by_key:
        return {}
    keys = list(by_key)

    # Plain values, not model instances: a page of 100 lessons has 700 translations, and
    # building their objects cost more than the queries.
    sources_by_key: dict[uuid.UUID, list[dict]] = defaultdict(list)
    for source in TranslationSource.objects.filter(object_id__in=keys).values(
        "id", "object_id", "created_at", "last_updated_at", code=F("locale__language_code")
    ):
        sources_by_key[source["object_id"]].append(source)
    source_ids = [source["id"] for found in sources_by_key.values() for source in found]
    # One key can have several sources (a page translated from Bulgarian, and its English
    # version used as the source of another language); each translation has its own.
    synced: dict[tuple[uuid.UUID, str], dict] = {}
    written: dict[tuple[int, int], datetime] = {}
    if source_ids:
        for translation in Translation.objects.filter(
            source_id__in=source_ids, enabled=True
        ).values(
            "source_id",
            "target_locale_id",
            key=F("source__object_id"),
            code=F("target_locale__language_code"),
            source_code=F("source__locale__language_code"),
            source_updated_at=F("source__last_updated_at"),
        ):
            synced[translation["key"], translation["code"]] = translation
        written = {
            (row["source_id"], row["locale_id"]): row["last"]
            for row in TranslationLog.objects.filter(source_id__in=source_ids)
            .values("source_id", "locale_id")
            .annotate(last=Max("created_at"))
        }
    machine = _machine_drafted(keys) if synced else set()
    untranslated = set(
        UntranslatedText.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "language_code"
        )
    )
    snippet_changes = _snippet_changes(
        [version for present in by_key.values() for version in present.values()]
    )

    def changed_at(instance: Model | None) -> datetime | None:
        if instance is None:
            return None
        if hasattr(instance, "last_published_at"):
            return instance.last_published_at
        return snippet_changes.get((type(instance), instance.pk))

    source_code = languages.source_language().code
    states: dict[uuid.UUID, dict[str, TranslationState]] = {}
    for key, present in by_key.items():
        origin_code = _origin_code(sources_by_key.get(key, []), source_code)
        row: dict[str, TranslationState] = {}
        for code in codes:
            instance = present.get(code)
            translation = synced.get((key, code))
            synced_at = None
            if instance is None:
                status = MISSING
            elif code == origin_code:
                status = SOURCE
            elif translation is not None:
                synced_at = written.get(
                    (translation["source_id"], translation["target_locale_id"]),
                    translation["source_updated_at"],
                )
                changed = changed_at(present.get(translation["source_code"]))
                if changed and changed > synced_at:
                    status = OUTDATED
                elif (key, code) in machine:
                    status = MACHINE
                else:
                    status = UP_TO_DATE
            else:
                changed, own = changed_at(present.get(origin_code)), changed_at(instance)
                status = OUTDATED if changed and own and changed > own else UP_TO_DATE
            if status in (UP_TO_DATE, MACHINE) and (key, code) in untranslated:
                status = UNTRANSLATED_TEXT
            row[code] = TranslationState(code, status, instance, synced_at)
        states[key] = row
    return states


def _origin_code(sources: list[dict], source_code: str) -> str:
    """The language a key's other versions are translated from: the platform's source
    language unless wagtail-localize only knows another one."""
    codes = {source["code"] for source in sources}
    if not codes or source_code in codes:
        return source_code
    return min(sources, key=lambda source: source["created_at"])["code"]


def _machine_drafted(keys: list[uuid.UUID]) -> set[tuple[uuid.UUID, str]]:
    """(key, language) pairs where a string the source still has is machine-translated.

    Translations of strings the source no longer contains stay in the database; they
    must not keep a translation "machine" after the source moved on."""
    in_source = StringSegment.objects.filter(
        context_id=OuterRef("context_id"), string_id=OuterRef("translation_of_id")
    )
    return set(
        StringTranslation.objects.filter(
            context__object_id__in=keys,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
        .filter(Exists(in_source))
        .values_list("context__object_id", "locale__language_code")
        .distinct()
    )


def _snippet_changes(instances: list[Model]) -> dict[tuple[type[Model], object], datetime]:
    """When each snippet without a publishing time was last created or edited in the admin."""
    snippets = [item for item in instances if not hasattr(item, "last_published_at")]
    if not snippets:
        return {}
    models = {type(item) for item in snippets}
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    model_by_type_id = {content_type.pk: model for model, content_type in content_types.items()}
    rows = (
        ModelLogEntry.objects.filter(
            content_type_id__in=list(model_by_type_id),
            object_id__in=list({str(item.pk) for item in snippets}),
            action__in=SNIPPET_CHANGES,
        )
        .values("content_type_id", "object_id")
        .annotate(last=Max("timestamp"))
    )
    found = {}
    for row in rows:
        model = model_by_type_id[row["content_type_id"]]
        found[model, model._meta.pk.to_python(row["object_id"])] = row["last"]
    return found


def all_versions(model: type[Model], keys: Iterable[uuid.UUID]) -> list[Model]:
    """Every language's version of these objects (pages: live or not), with `locale`."""
    manager = model.objects
    if issubclass(model, Page):
        manager = Page.objects.filter(content_type=ContentType.objects.get_for_model(model))
    return list(manager.filter(translation_key__in=list(keys)).select_related("locale"))


# --- The coverage table -------------------------------------------------------------------


@dataclass(frozen=True)
class CoverageRow:
    model: type[Model]  # the specific model (LessonPage, Topic…)
    origin: Model  # the version the row is named after: the source, else the first one found
    states: dict[str, TranslationState]  # every platform language, in settings order

    @property
    def title(self) -> str:
        if isinstance(self.origin, Page):
            return self.origin.get_admin_display_title()
        return str(self.origin)


def coverage_models() -> list[type[Model]]:
    """The translatable types editors follow (settings.TRANSLATION_COVERAGE_MODELS), so the
    core names other apps' models without importing them."""
    return [apps.get_model(label) for label in settings.TRANSLATION_COVERAGE_MODELS]


def coverage(
    models: Sequence[type[Model]], *, keys: Sequence[uuid.UUID] | None = None
) -> list[CoverageRow]:
    """One row per page or snippet of `models` (all its languages together; only those of
    `keys` when given), by type in the given order, then by title. One query per snippet
    type plus one for all pages and those of `translation_states`, whatever the number of
    rows."""
    page_models = [model for model in models if issubclass(model, Page)]
    versions: list[Model] = []
    if page_models:
        content_types = ContentType.objects.get_for_models(*page_models)
        pages = Page.objects.filter(content_type__in=list(content_types.values()))
        if keys is not None:
            pages = pages.filter(translation_key__in=keys)
        versions += pages.select_related("locale")
    for model in models:
        if not issubclass(model, Page):
            snippets = model.objects.all()
            if keys is not None:
                snippets = snippets.filter(translation_key__in=keys)
            versions += list(snippets.select_related("locale"))
    states = translation_states(versions)

    origin_codes = {
        key: next((state.language_code for state in row.values() if state.status == SOURCE), None)
        for key, row in states.items()
    }
    rows_by_key: dict[uuid.UUID, CoverageRow] = {}
    for version in versions:
        key = version.translation_key
        if key not in states or key in rows_by_key:
            continue
        row = states[key]
        origin = row[origin_codes[key]].instance if origin_codes[key] else None
        origin = origin or next((state.instance for state in row.values() if state.instance), None)
        if origin is None:
            continue  # only in languages no longer configured
        model = (
            ContentType.objects.get_for_id(origin.content_type_id).model_class()
            if isinstance(origin, Page)
            else type(origin)
        )
        rows_by_key[key] = CoverageRow(model=model, origin=origin, states=row)
    order = {model: position for position, model in enumerate(models)}
    return sorted(
        rows_by_key.values(), key=lambda row: (order.get(row.model, 0), row.title.casefold())
    )


def untranslated_passages(version: Page) -> list[dict]:
    """The passages in another language found in this page version as last published."""
    found = UntranslatedText.objects.filter(
        content_type=ContentType.objects.get_for_model(Page), object_id=str(version.pk)
    ).first()
    return found.passages if found else []
