"""Translated content in the reader's language: their language first, then the nearest one of
its fallback chain (settings.PLATFORM_LANGUAGES). Query methods that models, selectors and
the API share, so that models need no selectors for the reads their pages make."""

import uuid
from collections.abc import Iterable
from typing import TypeVar

from django.contrib.contenttypes.models import ContentType
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Value,
    When,
)
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from cms import languages

Translatable = TypeVar("Translatable")


def in_reader_language(
    objects: Iterable[Translatable], *, language_code: str | None = None
) -> dict[uuid.UUID, Translatable]:
    """For each translation key among `objects` (pages or snippets of several languages,
    with `locale` selected), the one in the reader's language, else the nearest language of
    its fallback chain. Objects in languages outside the chain are left out."""
    order = languages.reader_languages(language_code)
    rank = {code: position for position, code in enumerate(order)}
    best: dict[uuid.UUID, Translatable] = {}
    for item in objects:
        position = rank.get(item.locale.language_code)
        if position is None:
            continue
        chosen = best.get(item.translation_key)
        if chosen is None or position < rank[chosen.locale.language_code]:
            best[item.translation_key] = item
    return best


def best_in_reader_language(queryset: QuerySet, language_code: str | None = None) -> QuerySet:
    """As `in_reader_language`, chosen by the database and still a queryset (to count,
    order and slice there): an object stays when no object of `queryset` with the same
    translation key is in a nearer language of the reader's chain. What Python loads does
    not grow with the content: a national platform's tens of thousands of lessons stay in
    the database. `language_rank` is annotated (0: the reader's language)."""
    order = languages.reader_languages(language_code)
    # By code through the locale table (a join of seven rows), not by id: no extra query.
    rank = Case(
        *(
            When(locale__language_code=code, then=Value(position))
            for position, code in enumerate(order)
        ),
        output_field=IntegerField(),
    )
    chain = queryset.filter(locale__language_code__in=order)
    nearer = (
        chain.order_by()
        .filter(translation_key=OuterRef("translation_key"))
        .alias(nearer_rank=rank)
        .filter(nearer_rank__lt=OuterRef("language_rank"))
    )
    return (
        chain.annotate(language_rank=rank)
        .filter(~Exists(nearer.values("pk")))
        .select_related("locale")
    )


def shown_to_readers(queryset: QuerySet, language_code: str | None = None, **shown) -> QuerySet:
    """The pages of `queryset` that readers of this language are shown, one per page: their
    language's version, else the nearest of its fallback chain (the table of
    cms.shown_versions, kept as pages change; `language_rank` is annotated). `shown`
    filters on that table's columns (`parent_key=…`) within the same join, as ordering by
    `shown_to__…` does."""
    code = language_code or languages.current().code
    conditions = {f"shown_to__{name}": value for name, value in shown.items()}
    if queryset.model is not Page:
        # The table's indexes start with the language and the page type.
        conditions["shown_to__content_type"] = ContentType.objects.get_for_model(queryset.model)
    return (
        queryset.filter(shown_to__reader_language=code, **conditions)
        .annotate(language_rank=F("shown_to__language_rank"))
        .select_related("locale")
    )


class TranslatedQuerySetMixin:
    """For querysets of translatable pages and snippets (with `locale` and
    `translation_key`)."""

    def in_language_chain(self, language_code: str | None = None) -> QuerySet:
        """Only the copies in the reader's language or its fallback chain."""
        return self.filter(
            locale__language_code__in=languages.reader_languages(language_code)
        ).select_related("locale")

    def in_reader_language(self, language_code: str | None = None) -> list:
        """One object per translation key, in the reader's language or the nearest one of
        its fallback chain (one query)."""
        chosen = in_reader_language(
            self.in_language_chain(language_code), language_code=language_code
        )
        return list(chosen.values())

    def best_in_reader_language(self, language_code: str | None = None) -> QuerySet:
        return best_in_reader_language(self, language_code)

    def ordered_in_reader_language(self, keys: list, language_code: str | None = None) -> list:
        """The objects with these translation keys, in the order of `keys` (repeats dropped),
        each in the reader's language or the nearest one of its fallback chain; keys with no
        version in those languages are skipped. One query."""
        candidates = self.in_language_chain(language_code).filter(translation_key__in=keys)
        best = in_reader_language(candidates, language_code=language_code)
        return [best[key] for key in dict.fromkeys(keys) if key in best]


class TranslatedQuerySet(TranslatedQuerySetMixin, QuerySet):
    pass


class TranslatedPageQuerySet(TranslatedQuerySetMixin, PageQuerySet):
    def children_of_any_translation(self, page: Page) -> "TranslatedPageQuerySet":
        """Pages whose parent is `page` in any of its languages (one query to find them)."""
        condition = Q(pk__in=[])
        for translation in page.get_translations(inclusive=True).only("path", "depth"):
            condition |= Q(path__startswith=translation.path, depth=translation.depth + 1)
        return self.filter(condition)


TranslatedPageManager = PageManager.from_queryset(TranslatedPageQuerySet)
