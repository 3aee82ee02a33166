"""Reads of the shown-version table: its rows for one page type and reader language, a search
among them, and lists counted and cut on them."""

import re

from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import QuerySet
from modelsearch.backends.database.postgres.postgres import PostgresSearchBackend
from modelsearch.backends.database.postgres.weights import get_sql_weights
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

from cms import languages
from cms.shown_versions.models import ShownVersion


def shown_rows(
    model: type[Page], language_code: str | None = None, **conditions
) -> QuerySet[ShownVersion]:
    """The rows of one page type for the readers of one language (the current one unless
    given), filtered on the table's columns."""
    code = language_code or languages.current().code
    content_type = ContentType.objects.get_for_model(model)
    return ShownVersion.objects.filter(
        reader_language=code, content_type=content_type, **conditions
    )


WORD = re.compile(r"\w+")


def search_shown(
    model: type[Page], query: str, *, language_code: str | None = None, limit: int
) -> list[int]:
    """Ids of the versions readers of this language are shown that hold every word of
    `query`, best match first (at most `limit`).

    On PostgreSQL, Wagtail's own query matches `title || body`, which no index covers: it
    reads every version's entry (about a second for 20,000 lessons). Here the words are
    looked up in the GIN indexes of the title and of the body, joined to the shown versions
    and ranked as Wagtail ranks them (the same weights and title boost)."""
    words = WORD.findall(query)
    if not words:
        return []
    rows = shown_rows(model, language_code)
    backend = get_search_backend()
    if not isinstance(backend, PostgresSearchBackend):
        found = model.objects.filter(pk__in=rows.values("page_id")).search(" ".join(words))
        return [item.pk for item in found[:limit]]
    # Words only (\w), each a quoted lexeme, all required: as Wagtail's "and" operator.
    lexemes = " & ".join(f"'{word}'" for word in words)
    tsquery = "to_tsquery(%s::regconfig, %s)" if backend.config else "to_tsquery(%s)"
    query_parameters = [backend.config, lexemes] if backend.config else [lexemes]
    weights = get_sql_weights()
    entries = connection.ops.quote_name(IndexEntry._meta.db_table)
    shown = connection.ops.quote_name(ShownVersion._meta.db_table)
    sql = (
        f"SELECT shown.page_id FROM {entries} entry"
        f" JOIN {shown} shown ON shown.page_id = CAST(entry.object_id AS integer)"
        " WHERE entry.content_type_id = %s AND shown.content_type_id = %s"
        " AND shown.reader_language = %s"
        f" AND (entry.title @@ {tsquery} OR entry.body @@ {tsquery})"
        f" ORDER BY ts_rank(%s::float4[], entry.title, {tsquery}) * entry.title_norm"
        f" + ts_rank(%s::float4[], entry.body, {tsquery}) DESC, shown.page_id DESC"
        " LIMIT %s"
    )
    content_type = ContentType.objects.get_for_model(model).pk
    code = language_code or languages.current().code
    parameters = [
        content_type,
        content_type,
        code,
        *query_parameters,
        *query_parameters,
        weights,
        *query_parameters,
        weights,
        *query_parameters,
        limit,
    ]
    with connection.cursor() as cursor:
        cursor.execute(sql, parameters)
        return [row[0] for row in cursor.fetchall()]


class Listing:
    """Pages in the order of their shown versions' index, for Django's Paginator: counted
    and cut on that index (a page far down the list skips index entries, not pages), then
    the chosen pages loaded with what `queryset` adds (prefetches, deferred fields)."""

    ordered = True

    def __init__(self, queryset: QuerySet, rows: QuerySet[ShownVersion]):
        self.queryset = queryset
        self.rows = rows

    def count(self) -> int:
        return self.rows.count()

    def __getitem__(self, item):
        if not isinstance(item, slice):
            return self[item : item + 1][0]
        ids = list(self.rows.values_list("page_id", flat=True)[item])
        by_id = {page.pk: page for page in self.queryset.filter(pk__in=ids)}
        return [by_id[pk] for pk in ids if pk in by_id]

    def __iter__(self):
        return iter(self[:])
