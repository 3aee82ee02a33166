"""OpenAPI shapes shared by several endpoints' method fields."""

from django_filters import rest_framework as filters
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
    extend_schema_view,
    inline_serializer,
)
from rest_framework import serializers

from cms import languages

ERROR_SCHEMA = inline_serializer(
    "Error",
    fields={
        "detail": serializers.CharField(help_text="What went wrong, in English."),
        "errors": serializers.DictField(
            required=False, help_text="Per parameter or field: its messages (400 only)."
        ),
    },
)

BLOCKS_SCHEMA = inline_serializer(
    "Block",
    many=True,
    fields={
        "type": serializers.CharField(help_text="The kind of block: easy_text, image, quiz…"),
        "id": serializers.CharField(),
        "value": serializers.JSONField(
            help_text="Depends on `type`: HTML for rich text, an object for structured blocks."
        ),
    },
)

TERM_SCHEMA = inline_serializer(
    "Term",
    many=True,
    fields={
        "slug": serializers.SlugField(),
        "name": serializers.CharField(),
        "locale": serializers.CharField(),
    },
)

REFERENCE_SCHEMA = inline_serializer(
    "Reference",
    many=True,
    fields={
        "id": serializers.IntegerField(),
        "type": serializers.CharField(),
        "title": serializers.CharField(),
        "api_url": serializers.URLField(allow_null=True),
    },
)

IMAGE_SCHEMA = inline_serializer(
    "Image",
    fields={
        "id": serializers.IntegerField(),
        "url": serializers.URLField(),
        "width": serializers.IntegerField(),
        "height": serializers.IntegerField(),
        "original_url": serializers.URLField(),
    },
    allow_null=True,
)


def paginated(serializer_class: type[serializers.Serializer]):
    """The envelope of every list: `count`, `next`, `previous` and this page's `results`."""
    name = serializer_class.__name__.removesuffix("Serializer")
    envelope = inline_serializer(
        f"Paginated{name}List",
        fields={
            "count": serializers.IntegerField(),
            "next": serializers.URLField(allow_null=True),
            "previous": serializers.URLField(allow_null=True),
            "results": serializer_class(many=True),
        },
    )
    # The envelope is one object, not a list of them, although the view lists.
    extend_schema_serializer(many=False)(type(envelope))
    return envelope


def language_parameters() -> list[OpenApiParameter]:
    return [
        OpenApiParameter(
            "lang",
            str,
            enum=languages.codes(),
            description=(
                "The language to answer in. Objects missing in it come from the next language "
                "of its fallback chain (see /api/v1/locales/), with `is_fallback: true`. "
                "Without it, Accept-Language decides; without either, the source language."
            ),
        ),
        OpenApiParameter(
            "Accept-Language",
            str,
            location=OpenApiParameter.HEADER,
            description="Used when `lang` is not given.",
        ),
    ]


def list_parameters(
    *, filterset=None, search: bool = True, ordering: list[str] | None = None
) -> list[OpenApiParameter]:
    parameters = [
        *language_parameters(),
        OpenApiParameter(
            "page", {"type": "integer", "minimum": 1}, description="Page number, from 1."
        ),
        OpenApiParameter(
            "page_size",
            {"type": "integer", "minimum": 1, "maximum": 100},
            description="Items per page: 1 to 100 (default 20).",
        ),
    ]
    if search:
        parameters.append(
            OpenApiParameter(
                "search",
                {"type": "string", "maxLength": 200},
                description="Words to find (at most 200 characters).",
            )
        )
    if ordering:
        choices = [name for field in ordering for name in (field, f"-{field}")]
        parameters.append(
            OpenApiParameter("ordering", str, enum=choices, description="Sort order.")
        )
    for name, field in filterset.base_filters.items() if filterset else ():
        choices = [value for value, _label in field.extra.get("choices", [])] or None
        # Django refuses null characters in form fields (a 400), so they are not valid input.
        kind = str if choices else {"type": "string", "pattern": "^[^\\x00]*$"}
        if isinstance(field, filters.DateTimeFilter):
            kind = OpenApiTypes.DATETIME
        elif isinstance(field, filters.DateFilter):
            kind = OpenApiTypes.DATE
        parameters.append(
            OpenApiParameter(name, kind, enum=choices, description=str(field.label or ""))
        )
    return parameters


def detail_parameters() -> list[OpenApiParameter]:
    return language_parameters()


def list_responses(serializer_class) -> dict:
    return {
        200: paginated(serializer_class),
        400: ERROR_SCHEMA,
        404: ERROR_SCHEMA,
        429: ERROR_SCHEMA,
    }


def detail_responses(serializer_class) -> dict:
    return {200: serializer_class, 400: ERROR_SCHEMA, 404: ERROR_SCHEMA, 429: ERROR_SCHEMA}


def content_schema(list_serializer, detail_serializer=None, *, extra_list_parameters=()):
    """Describe a list-and-detail viewset in the OpenAPI document from what it declares:
    its filterset, whether it searches, and its ordering fields."""

    def describe(viewset):
        parameters = list_parameters(
            filterset=getattr(viewset, "filterset_class", None),
            search=getattr(viewset, "search_enabled", True),
            ordering=list(getattr(viewset, "ordering_fields", {})) or None,
        )
        return extend_schema_view(
            list=extend_schema(
                parameters=[*parameters, *extra_list_parameters],
                responses=list_responses(list_serializer),
            ),
            retrieve=extend_schema(
                parameters=detail_parameters(),
                responses=detail_responses(detail_serializer or list_serializer),
            ),
        )(viewset)

    return describe
