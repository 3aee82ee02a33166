"""`GET /api/v1/search/?q=…&lang=…`: the readers' search for partner sites and apps, best
first, paginated like every list of the API."""

from django.conf import settings
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema,
    extend_schema_serializer,
    inline_serializer,
)
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from cms.api.addresses import absolute
from cms.api.language import requested_language
from cms.api.parameters import page_window, reject_unknown_parameters
from cms.api.schema_fields import ERROR_SCHEMA, language_parameters
from cms.search import selectors, services
from cms.search.forms import LONGEST_QUERY

PARAMETERS = {"q", "lang", "kind", "page", "page_size"}


class SearchResultSerializer(serializers.Serializer):
    type = serializers.CharField(help_text="lesson, course, story, campaign, page…")
    title = serializers.CharField()
    url = serializers.URLField(help_text="The page readers open.")
    api_url = serializers.URLField(allow_null=True)
    locale = serializers.CharField(help_text="The language of this result.")
    is_fallback = serializers.BooleanField(
        help_text="In a language of the fallback chain, not the one asked for."
    )
    snippet = serializers.CharField(help_text="A short piece of the text around the match.")
    level = serializers.CharField(allow_blank=True, help_text="A lesson's level (A1…).")
    match = serializers.ChoiceField(
        choices=["exact", "transliterated", "forms", "typo"],
        help_text="How the words matched: as typed, as Cyrillic typed in Latin letters, "
        "another form of the word, or a correction of a typo.",
    )


MATCHES = ["exact", "transliterated", "forms", "typo"]

ANSWER = inline_serializer(
    "PaginatedSearchResultList",
    fields={
        "count": serializers.IntegerField(),
        "next": serializers.URLField(allow_null=True),
        "previous": serializers.URLField(allow_null=True),
        "results": SearchResultSerializer(many=True),
        "suggestion": serializers.CharField(
            allow_null=True,
            help_text="What the reader probably meant, when the results were found only "
            'through a transliteration or a correction ("did you mean").',
        ),
    },
)
# One object, not a list of them, although the view lists.
extend_schema_serializer(many=False)(type(ANSWER))


class SearchView(APIView):
    """One forgiving search over everything readers can read (docs/search.md): typos,
    Latin-typed Cyrillic and Arabic/Persian letter variants are understood; the reader's
    language first, then its fallback chain."""

    @extend_schema(
        operation_id="search_list",
        parameters=[
            OpenApiParameter(
                "q",
                # Django refuses null characters in query values: not valid input.
                {
                    "type": "string",
                    "minLength": 1,
                    "maxLength": LONGEST_QUERY,
                    "pattern": "^[^\\x00]*$",
                },
                required=True,
                description="What the reader typed.",
            ),
            OpenApiParameter(
                "kind",
                str,
                enum=settings.SEARCH_KIND_ORDER,
                description="Only results of this kind.",
            ),
            *language_parameters(),
            OpenApiParameter(
                "page", {"type": "integer", "minimum": 1}, description="Page number, from 1."
            ),
            OpenApiParameter(
                "page_size",
                {"type": "integer", "minimum": 1, "maximum": 100},
                description="Items per page: 1 to 100 (default 20).",
            ),
        ],
        responses={
            200: ANSWER,
            400: ERROR_SCHEMA,
            404: ERROR_SCHEMA,
            429: ERROR_SCHEMA,
        },
    )
    def get(self, request):
        reject_unknown_parameters(request, PARAMETERS)
        language = requested_language(request)
        query = request.query_params.get("q", "")
        if "\x00" in query:
            raise ValidationError({"q": ["Null characters are not allowed."]})
        if not query:
            raise ValidationError({"q": ["Give the words to search for."]})
        if len(query) > LONGEST_QUERY:
            raise ValidationError({"q": [f"Search for at most {LONGEST_QUERY} characters."]})
        kind = request.query_params.get("kind")
        if kind is not None and kind not in settings.SEARCH_KIND_ORDER:
            choices = ", ".join(settings.SEARCH_KIND_ORDER)
            raise ValidationError({"kind": [f"Choose one of: {choices}."]})
        found = selectors.search(query, language=language.code, kinds=[kind] if kind else None)
        window = page_window(request, count=found.count)
        if window.number == 1:
            services.record_search(language=language.code, query=query, found=found.count)
        results = [
            {
                "type": result.entry.kind,
                "title": result.entry.title,
                "url": absolute(result.entry.url),
                "api_url": result.entry.api_url or None,
                "locale": result.entry.language,
                "is_fallback": result.is_fallback,
                "snippet": result.snippet,
                "level": result.entry.level,
                "match": MATCHES[result.quality],
            }
            for result in selectors.with_snippets(found.results[window.start : window.end])
        ]
        answer = window.envelope(SearchResultSerializer(results, many=True).data)
        answer["suggestion"] = found.suggestion or None
        response = Response(answer)
        # Counted and current: never kept by a CDN or a browser.
        response["Cache-Control"] = "private, no-store"
        return response
