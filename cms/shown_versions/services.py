"""Writes of the shown-version table (the live, public version of each page each reader
language is shown): the rows of some translated pages chosen afresh, or
every row. Set-based (one INSERT … SELECT per reader language) so that a page's save costs
a few statements and the whole table of a national platform builds in seconds."""

import uuid
from collections.abc import Iterable

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, connection, transaction
from django.db.models import CharField, F, OuterRef, QuerySet, Subquery, Value
from django.db.models.functions import Coalesce, Concat, Lower, Substr
from wagtail.models import Page

from cms import languages
from cms.querysets import best_in_reader_language
from cms.shown_versions.models import ShownVersion

# What a saved page may have changed that the table keeps (a save of other fields, such as
# a new draft's revision, leaves it alone).
KEPT_FIELDS = {"live", "title", "last_published_at", "path", "depth", "locale", "translation_key"}
COLUMNS = [
    "reader_language",
    "translation_key",
    "page_id",
    "content_type_id",
    "parent_key",
    "language_rank",
    "title_key",
    "list_key",
    "last_published_at",
]


def listed_page_models() -> list[type[Page]]:
    """Page models whose lists are ordered by fields of their own before the title
    (`listing_order`, e.g. a lesson's level)."""
    return [
        model
        for model in apps.get_models()
        if issubclass(model, Page) and getattr(model, "listing_order", ())
    ]


def fields_kept(model: type[Page]) -> set[str]:
    return KEPT_FIELDS | set(getattr(model, "listing_order", ()))


@transaction.atomic
def refresh_shown_versions(*, translation_keys: Iterable[uuid.UUID]) -> None:
    """Choose again, for every reader language, the version shown of these pages (after a
    save, a move or a deletion)."""
    keys = list(dict.fromkeys(translation_keys))
    if not keys:
        return
    try:
        # A savepoint: two editors saving versions of one page at the same moment may
        # collide on the unique row; the second then chooses again after the first.
        with transaction.atomic():
            _write(keys)
    except IntegrityError:
        _write(keys)


def refresh_subtree(*, page: Page) -> None:
    """Choose again for a page and everything under it (moved, or a view restriction on it
    set or lifted)."""
    keys = list(
        Page.objects.filter(path__startswith=page.path).values_list("translation_key", flat=True)
    )
    for start in range(0, len(keys), 500):  # well within any database's parameter limit
        refresh_shown_versions(translation_keys=keys[start : start + 500])


@transaction.atomic
def rebuild_shown_versions() -> int:
    """Every row afresh (after the fallback chains in settings changed). Returns the count."""
    _write(None)
    return ShownVersion.objects.count()


def _write(keys: list[uuid.UUID] | None) -> None:
    rows = ShownVersion.objects.all()
    if keys is not None:
        rows = rows.filter(translation_key__in=keys)
    # A plain DELETE: the table has no dependents, and loading its rows for deletion
    # signals would cost a rebuild minutes.
    rows._raw_delete(rows.db)
    table = connection.ops.quote_name(ShownVersion._meta.db_table)
    columns = ", ".join(connection.ops.quote_name(column) for column in COLUMNS)
    with connection.cursor() as cursor:
        for code in languages.codes():
            sql, params = _chosen(code, keys).query.sql_with_params()
            cursor.execute(f"INSERT INTO {table} ({columns}) {sql}", params)
    for model in listed_page_models():
        _order_by_own_fields(model, keys)


def _chosen(code: str, keys: list[uuid.UUID] | None) -> QuerySet:
    # Pages behind a view restriction are not shown: readers get the next public version.
    candidates = Page.objects.filter(live=True, depth__gt=1).public()
    if keys is not None:
        candidates = candidates.filter(translation_key__in=keys)
    parent = Page.objects.filter(
        path=Substr(OuterRef("path"), 1, (OuterRef("depth") - 1) * Page.steplen)
    ).values("translation_key")[:1]
    # One annotate() in the table's column order: the SELECT lists them in this order.
    values = {
        "shown_reader_language": Value(code, output_field=CharField()),
        "shown_translation_key": F("translation_key"),
        "shown_page_id": F("id"),
        "shown_content_type_id": F("content_type_id"),
        "shown_parent_key": Subquery(parent),
        "shown_language_rank": F("language_rank"),
        "shown_title_key": Lower("title"),
        "shown_list_key": Lower("title"),
        "shown_last_published_at": F("last_published_at"),
    }
    chosen = best_in_reader_language(candidates, code).order_by()
    return chosen.annotate(**values).values_list(*values)


def _order_by_own_fields(model: type[Page], keys: list[uuid.UUID] | None) -> None:
    rows = ShownVersion.objects.filter(content_type=ContentType.objects.get_for_model(model))
    if keys is not None:
        rows = rows.filter(translation_key__in=keys)
    if not rows.exists():
        return  # also while migrating a new database, before the model's table exists
    key = Concat(*model.listing_order, Lower("title"), output_field=CharField())
    own = model.objects.filter(pk=OuterRef("page_id")).annotate(key=key).values("key")[:1]
    # A page whose own row is already deleted (a deletion signals between the two tables)
    # keeps its title as the key until its page row goes too.
    rows.update(list_key=Coalesce(Subquery(own), F("title_key")))
