"""The translations table's kept rows (cms.translation.models.TranslationCoverage): one per
translated page or snippet with its status in each language, so that the table's counts,
its status filter and its pages are read from one indexed table instead of computing every
status of a national platform (20,000 lessons × 7 languages) on each view.

Keeping them: every save or deletion of a page or a followed snippet, and every record
wagtail-localize writes about them (sources, translations, their logs, machine-translated
strings), marks its translation key. Inside a transaction the marked rows are computed
again once it commits (a sync into six languages writes hundreds of string translations:
one refresh, after the last); outside one, at once. The table view computes what is still
marked before it reads (tests run inside a transaction that never commits).
`manage.py rebuild_translation_coverage` computes every row afresh (after a change of
PLATFORM_LANGUAGES or TRANSLATION_COVERAGE_MODELS, or writes made with SQL).
"""

import threading
import uuid
from collections.abc import Iterable, Sequence

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.models import Case, Count, IntegerField, Model, Q, QuerySet, Value, When
from wagtail.models import Page
from wagtail_localize.models import TranslationContext, TranslationSource

from cms.translation import status
from cms.translation.models import TranslationCoverage, UntranslatedText

BATCH = 500  # keys computed together: well within any database's parameter limit


# --- Marking what changed -----------------------------------------------------------------


class _Marked(threading.local):
    def __init__(self):
        self.keys: set[uuid.UUID] = set()
        self.source_ids: set[int] = set()
        self.context_ids: set[int] = set()
        self.snippets: set[tuple[int, str]] = set()  # (content type id, object id)

    def __bool__(self) -> bool:
        return bool(self.keys or self.source_ids or self.context_ids or self.snippets)


_marked = _Marked()


def mark(
    *,
    key: uuid.UUID | None = None,
    source_id: int | None = None,
    context_id: int | None = None,
    snippet: tuple[int, str] | None = None,
) -> None:
    """Note that a row may have changed (by what the signal knows cheaply: a key, or the id
    of a wagtail-localize record), and have it computed again when the transaction commits."""
    if key is not None:
        _marked.keys.add(key)
    if source_id is not None:
        _marked.source_ids.add(source_id)
    if context_id is not None:
        _marked.context_ids.add(context_id)
    if snippet is not None:
        _marked.snippets.add(snippet)
    if connection.in_atomic_block:
        # Many marks, one transaction: the first callback to run computes them all, the
        # others find nothing left.
        transaction.on_commit(refresh_marked, robust=True)
    else:
        refresh_marked()


def refresh_marked() -> None:
    """Compute again every row marked so far."""
    if not _marked:
        return
    keys, source_ids = set(_marked.keys), set(_marked.source_ids)
    context_ids, snippets = set(_marked.context_ids), set(_marked.snippets)
    _marked.keys.clear()
    _marked.source_ids.clear()
    _marked.context_ids.clear()
    _marked.snippets.clear()
    if source_ids:
        keys |= set(
            TranslationSource.objects.filter(pk__in=source_ids).values_list("object_id", flat=True)
        )
    if context_ids:
        keys |= set(
            TranslationContext.objects.filter(pk__in=context_ids).values_list(
                "object_id", flat=True
            )
        )
    for content_type_id, object_ids in _by_type(snippets).items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model in status.coverage_models():
            keys |= set(
                model.objects.filter(pk__in=object_ids).values_list("translation_key", flat=True)
            )
    refresh_coverage(translation_keys=keys)


def _by_type(snippets: set[tuple[int, str]]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {}
    for content_type_id, object_id in snippets:
        found.setdefault(content_type_id, []).append(object_id)
    return found


# --- Writing rows -------------------------------------------------------------------------


@transaction.atomic
def refresh_coverage(*, translation_keys: Iterable[uuid.UUID]) -> None:
    """Compute again the rows of these translation keys (a key with no followed page or
    snippet left loses its row)."""
    keys = list(dict.fromkeys(translation_keys))
    for start in range(0, len(keys), BATCH):
        batch = keys[start : start + BATCH]
        try:
            # A savepoint: two editors changing one page's versions at the same moment may
            # collide on its row; the second then computes it again after the first.
            with transaction.atomic():
                _write(batch)
        except IntegrityError:
            _write(batch)


@transaction.atomic
def rebuild_coverage() -> int:
    """Every row afresh. Returns the count."""
    TranslationCoverage.objects.all().delete()
    models = status.coverage_models()
    page_types = [
        content_type.pk
        for model, content_type in ContentType.objects.get_for_models(
            *[model for model in models if issubclass(model, Page)]
        ).items()
    ]
    keys: list[uuid.UUID] = list(
        Page.objects.filter(content_type__in=page_types)
        .order_by()
        .values_list("translation_key", flat=True)
        .distinct()
    )
    for model in models:
        if not issubclass(model, Page):
            keys += model.objects.order_by().values_list("translation_key", flat=True).distinct()
    refresh_coverage(translation_keys=keys)
    return TranslationCoverage.objects.count()


def rebuild_coverage_in_migration(schema_editor) -> None:
    """A data migration's fill with the current code: only once every table the statuses
    read exists (a migration that adds one of them fills the table again)."""
    tables = set(schema_editor.connection.introspection.table_names())
    needed = [model._meta.db_table for model in status.coverage_models()]
    needed += [TranslationCoverage._meta.db_table, UntranslatedText._meta.db_table]
    if all(table in tables for table in needed):
        rebuild_coverage()


def _write(keys: list[uuid.UUID]) -> None:
    models = status.coverage_models()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    rows = status.coverage(models, keys=keys)
    TranslationCoverage.objects.filter(translation_key__in=keys).delete()
    TranslationCoverage.objects.bulk_create(
        TranslationCoverage(
            translation_key=row.origin.translation_key,
            content_type=content_types[row.model],
            title_key=row.title.casefold()[:255],
            statuses={code: state.status for code, state in row.states.items()},
        )
        for row in rows
    )


# --- Reading the table --------------------------------------------------------------------


def _with_status(code: str, wanted: str) -> Q:
    found = Q(**{f"statuses__{code}": wanted})
    if wanted == status.MISSING:
        # A language added since the row was computed has nothing in it yet.
        found |= ~Q(statuses__has_key=code)
    return found


def coverage_entries(
    models: Sequence[type[Model]],
    *,
    codes: Sequence[str],
    wanted: str | None = None,
    visible: Q | None = None,
) -> QuerySet[TranslationCoverage]:
    """The table's rows of these types, in the types' order then by title; with `wanted`,
    only rows where one of the languages `codes` has that status; with `visible`, only the
    rows the editor may see (cms.translation.access.coverage_scope)."""
    refresh_marked()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    ids = [content_types[model].pk for model in models]
    entries = TranslationCoverage.objects.filter(content_type_id__in=ids)
    if visible is not None:
        entries = entries.filter(visible)
    if wanted:
        found = Q()
        for code in codes:
            found |= _with_status(code, wanted)
        entries = entries.filter(found)
    type_order = Case(
        *[When(content_type_id=pk, then=Value(position)) for position, pk in enumerate(ids)],
        output_field=IntegerField(),
    )
    return entries.order_by(type_order, "title_key", "translation_key")


def coverage_counts(
    models: Sequence[type[Model]], *, codes: Sequence[str], visible: Q | None = None
) -> dict:
    """How many rows of these types (that the editor may see) have each status in each
    language, and how many rows there are: {"rows": n, (code, status): n, …}, in one query."""
    refresh_marked()
    content_types = ContentType.objects.get_for_models(*models, for_concrete_models=False)
    aliases = {
        (code, wanted): f"count_{number}_{position}"
        for number, code in enumerate(codes)
        for position, wanted in enumerate(status.STATUSES)
    }
    counts = {
        alias: Count("pk", filter=_with_status(code, wanted))
        for (code, wanted), alias in aliases.items()
    }
    entries = TranslationCoverage.objects.filter(
        content_type_id__in=[content_type.pk for content_type in content_types.values()]
    )
    if visible is not None:
        entries = entries.filter(visible)
    found = entries.aggregate(rows=Count("pk"), **counts)
    return {"rows": found["rows"]} | {pair: found[alias] for pair, alias in aliases.items()}
