"""The shape every translated content endpoint shares: list and detail, one object per
translation key in the reader's language or the nearest one of its fallback chain, django-filter
filters, Wagtail search, capped pagination, translation statuses, and answers kept as bytes
until a publish changes them (cms.api.caching).

An app declares an endpoint with a subclass naming its queryset, serializer and filters; the
rules (unknown parameters are a 400, drafts never appear, queries constant in page size)
live here once."""

from __future__ import annotations

import datetime
import re
from collections.abc import Iterable

from django.core.exceptions import ObjectDoesNotExist
from django.db.models import CharField, F, Model, QuerySet, TextField
from django.db.models.functions import Lower
from django.utils import timezone, translation
from django_filters import rest_framework as filters
from rest_framework import serializers, viewsets
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request
from wagtail.models import Locale, Page

from cms.api import caching
from cms.api.language import RequestedLanguage, requested_language
from cms.api.parameters import (
    LARGEST_ID,
    page_window,
    reject_empty_values,
    reject_unknown_parameters,
)
from cms.querysets import best_in_reader_language, in_reader_language, shown_to_readers
from cms.search.selectors import matching_pages
from cms.shown_versions.selectors import shown_rows
from cms.translation.status import translation_states

COMMON_PARAMETERS = {"lang", "page", "page_size", "search", "ordering"}
SEARCH_LIMIT = 1000
WORD = re.compile(r"\w+")
# A page's field → the column of cms.shown_versions that orders lists by it.
SHOWN_COLUMNS = {"title": "title_key", "last_published_at": "last_published_at"}


class SameInEveryLanguageViewSet(caching.CachedAnswersMixin, viewsets.ViewSet):
    """Objects that are one record for every language (videos, photovoice photos): newest
    first, no search or ordering. Subclasses implement `base_queryset()`, `build_list()`
    and `serialize(objects, many=…)`, and name the object in `not_found`."""

    lookup_value_converter = "int"
    search_enabled = False
    ordering_fields: dict = {}
    not_found = "There is no published item with this id."

    def base_queryset(self) -> QuerySet:
        raise NotImplementedError

    def list(self, request: Request) -> caching.Answer:
        return self.cached_answer(request, self.build_list)

    def retrieve(self, request: Request, pk: str | None = None) -> caching.Answer:
        return self.cached_answer(request, lambda: self.build_detail(pk))

    def build_detail(self, pk: str | None) -> dict:
        reject_unknown_parameters(self.request, {"lang"})
        found = None
        if 0 < int(pk) <= LARGEST_ID:  # beyond the database's integers: no such id
            found = self.base_queryset().filter(pk=pk).first()
        if found is None:
            raise NotFound(self.not_found)
        return self.serialize([found], many=False)


class TranslatedContentViewSet(caching.CachedAnswersMixin, viewsets.ViewSet):
    """Subclasses set `serializer_class` (or `get_serializer_class()`) and may set
    `filterset_class`, `search_enabled` and `ordering_fields` (API name → field), and
    implement `base_queryset()` (what may be published at all) and, optionally,
    `with_related(queryset)` and `extra_context(objects, language)`."""

    lookup_value_converter = "int"

    serializer_class: type[serializers.Serializer] | None = None
    filterset_class: type[filters.FilterSet] | None = None
    search_enabled = True
    ordering_fields = {"title": "title", "updated": "last_published_at"}
    default_ordering = "title"
    # True when base_queryset() is every live, public page of one type: lists are then
    # counted off the shown versions' index.
    lists_every_live_page = False

    # --- what subclasses describe --------------------------------------------------------
    def base_queryset(self) -> QuerySet:
        raise NotImplementedError

    def with_related(self, queryset: QuerySet) -> QuerySet:
        return queryset.select_related("locale")

    # --- shared rules --------------------------------------------------------------------
    def allowed_parameters(self) -> set[str]:
        allowed = set(COMMON_PARAMETERS)
        if not self.search_enabled:
            allowed.discard("search")
        if self.filterset_class:
            allowed |= set(self.filterset_class.base_filters)
        return allowed

    def language(self, request: Request) -> RequestedLanguage:
        return requested_language(request)

    def ordering(self, request: Request) -> tuple[str, bool]:
        raw = request.query_params.get("ordering", self.default_ordering)
        name = raw.lstrip("-")
        if name not in self.ordering_fields:
            choices = ", ".join(f"{key}, -{key}" for key in self.ordering_fields)
            raise ValidationError({"ordering": [f"Choose one of: {choices}."]})
        return self.ordering_fields[name], raw.startswith("-")

    def searched(self, request: Request, language: RequestedLanguage) -> set[int] | QuerySet | None:
        """Ids of the versions in the reader's languages that match `?search=` (pages: the
        platform's search, cms.search; other objects: Wagtail search), None without a
        search."""
        query = (request.query_params.get("search") or "").strip()
        if not query:
            return None
        if len(query) > 200:
            raise ValidationError({"search": ["Search for at most 200 characters."]})
        # Words only: SQLite's full-text syntax fails on stray quotes and operators.
        words = WORD.findall(query)
        if not words:
            return set()
        query = " ".join(words)
        searched_in = self.base_queryset()
        if issubclass(searched_in.model, Page):
            # The platform's forgiving search (cms.search), among the versions this
            # language is shown.
            found = matching_pages(searched_in.model, query, language=language.code)
            return found.values("page_id")
        locale_ids = Locale.objects.filter(language_code__in=language.chain).values_list(
            "id", flat=True
        )
        found = searched_in.filter(locale_id__in=list(locale_ids)).search(query)
        return {item.pk for item in found[:SEARCH_LIMIT]}

    def list(self, request: Request) -> caching.Answer:
        return self.cached_answer(request, self.build_list)

    def retrieve(self, request: Request, pk: str | None = None) -> caching.Answer:
        return self.cached_answer(request, lambda: self.build_detail(request, pk))

    # --- building answers (only on a cache miss) -----------------------------------------
    def build_list(self) -> dict:
        request = self.request
        reject_unknown_parameters(request, self.allowed_parameters())
        language = self.language(request)
        field, descending = self.ordering(request)

        candidates = self.base_queryset()
        shown: dict = {}
        narrowed = False  # by a filter on the objects themselves
        if self.filterset_class:
            reject_empty_values(request, self.filterset_class)
            filterset = self.filterset_class(request.query_params, queryset=candidates)
            if not filterset.is_valid():
                raise ValidationError(filterset.errors)
            candidates = filterset.qs
            since = filterset.form.cleaned_data.get("updated_since")
            narrowed = any(
                value not in (None, "")
                for name, value in filterset.form.cleaned_data.items()
                if name != "updated_since"
            )
            if since is not None:
                # Also on the shown versions' own column, which their index orders.
                shown["last_published_at__gte"] = since.astimezone(datetime.UTC)
        matching = self.searched(request, language)

        # The database chooses each object's version, counts, orders and cuts the page.
        if issubclass(candidates.model, Page):
            model = candidates.model
            row_ordering = self.shown_ordering(field, descending, model, through="")
            if (
                self.lists_every_live_page
                and not narrowed
                and matching is None
                and row_ordering is not None
            ):
                # Every live page of the type: counted, ordered and cut on the shown
                # versions' own index, so a deep page skips index entries, not pages.
                rows = shown_rows(model, language.code, **shown)
                window = page_window(request, count=rows.count())
                ordered_rows = rows.order_by(*row_ordering).values_list("page_id", flat=True)
                objects = self.load(list(ordered_rows[window.start : window.end]))
                return window.envelope(self.serialize(objects, language=language, many=True))
            # Pages: the version each language is shown is kept in a table whose indexes
            # are in the lists' orders (cms.shown_versions).
            chosen = shown_to_readers(candidates, language.code, **shown)
            ordering = self.shown_ordering(field, descending, model) or self.database_ordering(
                field, descending
            )
        else:
            in_chain = candidates.filter(locale__language_code__in=language.chain)
            chosen = best_in_reader_language(in_chain, language.code)
            ordering = self.database_ordering(field, descending)
        if matching is not None:
            # Search the version the reader gets: an English reader's query does not match
            # the Bulgarian source of a lesson that has an English translation.
            chosen = chosen.filter(pk__in=matching)
        window = page_window(request, count=chosen.count())
        ordered = chosen.order_by(*ordering)
        objects = self.load(list(ordered.values_list("pk", flat=True)[window.start : window.end]))
        return window.envelope(self.serialize(objects, language=language, many=True))

    def database_ordering(self, field: str, descending: bool) -> list:
        """Text without regard to case, empty values last, then by id (a stable order)."""
        model_field = self.base_queryset().model._meta.get_field(field)
        value = Lower(field) if isinstance(model_field, CharField | TextField) else F(field)
        if descending:
            return [value.desc(nulls_first=True), F("pk").desc()]
        return [value.asc(nulls_last=True), F("pk").asc()]

    def shown_ordering(
        self, field: str, descending: bool, model: type[Page], *, through: str = "shown_to__"
    ) -> list | None:
        """The shown versions' indexed column for this field (the title without regard to
        case, the publication time, a page type's own list order), then by id; None when
        the table has no column for it. `through`: the path from the queryset's model."""
        column = SHOWN_COLUMNS.get(field)
        if column is None and field in getattr(model, "listing_order", ()):
            column = "list_key"
        if column is None:
            return None
        value, tie = F(f"{through}{column}"), F(f"{through}page_id")
        if descending:
            return [value.desc(nulls_first=True), tie.desc()]
        return [value.asc(nulls_last=True), tie.asc()]

    def build_detail(self, request: Request, pk: str | None) -> dict:
        reject_unknown_parameters(request, {"lang"})
        try:
            if not 0 < int(pk) <= LARGEST_ID:  # beyond the database's integers: no such id
                raise ObjectDoesNotExist
            asked = self.base_queryset().get(pk=int(pk))
        except (ValueError, TypeError, ObjectDoesNotExist):
            raise NotFound("There is no published item with this id.") from None
        language = self.language(request)
        chosen = asked
        if language.explicit:
            versions = self.base_queryset().filter(translation_key=asked.translation_key)
            best = in_reader_language(
                versions.select_related("locale"), language_code=language.code
            )
            chosen = best.get(asked.translation_key, asked)
        [instance] = self.load([chosen.pk])
        return self.serialize([instance], language=language, many=False)

    def load(self, pks: list[int]) -> list[Model]:
        by_pk = {
            item.pk: item for item in self.with_related(self.base_queryset().filter(pk__in=pks))
        }
        return [by_pk[pk] for pk in pks if pk in by_pk]

    def get_serializer_class(self) -> type[serializers.Serializer]:
        return self.serializer_class

    def extra_context(self, objects: list[Model], language: RequestedLanguage) -> dict:
        """What serializers need for all objects at once (names of linked terms…)."""
        return {}

    def serialize(self, objects: list[Model], *, language: RequestedLanguage, many: bool):
        keys = {item.translation_key for item in objects}
        versions = self.base_queryset().filter(translation_key__in=keys)
        if issubclass(versions.model, Page):
            # Only their ids, languages and times count: plain page rows, no page type's.
            versions = Page.objects.filter(pk__in=versions.values("pk")).only(
                "id", "translation_key", "locale", "alias_of", "last_published_at"
            )
        versions = versions.select_related("locale")
        # Links to other content (related lessons, a course's lessons) follow the reader's
        # language while the answer is built; messages stay in English.
        with translation.override(language.code), timezone.override(datetime.UTC):
            context = {
                "request": self.request,
                "language": language,
                "translations": translation_states(versions),
                **self.extra_context(objects, language),
            }
            serializer_class = self.get_serializer_class()
            serializer = serializer_class(
                objects if many else objects[0], many=many, context=context
            )
            return serializer.data


def in_language_by_key(items: Iterable[Model], chain: list[str]) -> dict:
    """Linked snippets (topics, themes, partners: the source-language copies pages point to)
    in the reader's language or its fallback, by translation key: one query per model."""
    keys_by_model: dict[type[Model], set] = {}
    for item in items:
        keys_by_model.setdefault(type(item), set()).add(item.translation_key)
    found = {}
    for model, keys in keys_by_model.items():
        versions = model.objects.filter(translation_key__in=keys).select_related("locale")
        found.update(in_reader_language(versions, language_code=chain[0]))
    return found


def live_pages(model: type[Page]) -> QuerySet:
    """Published, public pages of one type: never a draft or a private page."""
    return model.objects.live().public()
