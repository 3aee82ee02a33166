"""The query parameters every list and detail of the API shares: pages (`?page=`,
`?page_size=`, capped; past the end is a 404), `?updated_since=`, and the rules that turn a
mistake into a 400 instead of a silently different answer (unknown parameters, empty
values)."""

from __future__ import annotations

import datetime
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlencode

from django_filters import rest_framework as filters
from rest_framework.exceptions import NotFound, ValidationError
from rest_framework.request import Request

from cms.api.addresses import absolute

DEFAULT_PAGE_SIZE = 20
MAX_PAGE_SIZE = 100
# Beyond the database's integers: no object has such an id.
LARGEST_ID = 2**63 - 1


class UpdatedSinceFilter(filters.IsoDateTimeFilter):
    """An ISO 8601 time with any offset, compared in UTC: PostgreSQL refuses offsets beyond
    ±15:59, which ISO 8601 allows."""

    def filter(self, qs, value):
        if value is not None:
            try:
                value = value.astimezone(datetime.UTC)
            except OverflowError:
                raise ValidationError({"updated_since": ["This time is out of range."]}) from None
        return super().filter(qs, value)


class UpdatedSinceFilterSet(filters.FilterSet):
    updated_since = UpdatedSinceFilter(
        field_name="last_published_at",
        lookup_expr="gte",
        label="Only what was published at or after this time (ISO 8601).",
    )


def positive_int(request: Request, name: str, default: int, maximum: int | None = None) -> int:
    raw = request.query_params.get(name)
    if raw is None:
        return default
    try:
        number = int(raw)
    except ValueError:
        raise ValidationError({name: ["Must be a whole number."]}) from None
    if number < 1:
        raise ValidationError({name: ["Must be at least 1."]})
    if maximum is not None and number > maximum:
        raise ValidationError({name: [f"Must be at most {maximum}."]})
    return number


@dataclass(frozen=True)
class PageWindow:
    """Which slice of a list `?page=` and `?page_size=` ask for, and the envelope around it."""

    request: Request
    count: int
    number: int
    size: int

    @property
    def start(self) -> int:
        return (self.number - 1) * self.size

    @property
    def end(self) -> int:
        return self.start + self.size

    def link(self, number: int) -> str:
        query = {key: value for key, value in self.request.query_params.items() if key != "page"}
        query["page"] = number
        return absolute(f"{self.request.path}?{urlencode(sorted(query.items()))}")

    def envelope(self, results) -> dict:
        return {
            "count": self.count,
            "next": self.link(self.number + 1) if self.end < self.count else None,
            "previous": self.link(self.number - 1) if self.number > 1 else None,
            "results": results,
        }


def page_window(request: Request, *, count: int) -> PageWindow:
    """The page asked for; a page past the end is a 404 (the first page always exists)."""
    window = PageWindow(
        request,
        count,
        positive_int(request, "page", 1),
        positive_int(request, "page_size", DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE),
    )
    if window.start and window.start >= count:
        raise NotFound(f"There is no page {window.number}: the list has {count} item(s).")
    return window


def reject_unknown_parameters(request: Request, allowed: Iterable[str]) -> None:
    """A misspelt filter must not silently return everything: unknown parameters are a 400."""
    allowed = set(allowed)
    unknown = sorted(set(request.query_params) - allowed)
    if unknown:
        takes = ", ".join(sorted(allowed)) or "no query parameters"
        raise ValidationError(
            {
                "query": [
                    f"Unknown query parameter(s): {', '.join(unknown)}. "
                    f"This endpoint takes: {takes}."
                ]
            }
        )


def reject_empty_values(request: Request, filterset_class) -> None:
    """`?updated_since=` with nothing after it is a mistake, not "no filter"."""
    empty = {
        name: ["Give a value or leave the parameter out."]
        for name, field in filterset_class.base_filters.items()
        if not isinstance(field, filters.CharFilter) and request.query_params.get(name) == ""
    }
    if empty:
        raise ValidationError(empty)
