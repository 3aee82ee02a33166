"""Reads of the shown-version table: its rows for one page type and reader language, and
lists counted and cut on them."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import QuerySet
from wagtail.models import Page

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
