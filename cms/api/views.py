"""Endpoints that belong to the platform core: the languages, the schema and its docs."""

from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from cms import languages
from cms.api.parameters import reject_unknown_parameters
from cms.api.schema_fields import ERROR_SCHEMA


class LocaleSerializer(serializers.Serializer):
    code = serializers.CharField()
    name = serializers.CharField(help_text="The language's name in the language itself.")
    english_name = serializers.CharField()
    direction = serializers.ChoiceField(choices=["ltr", "rtl"])
    is_source = serializers.BooleanField(help_text="The language editors write in.")
    fallback = serializers.ListField(
        child=serializers.CharField(),
        help_text="Languages tried, in order, when content is missing in this one.",
    )


class LocalesView(APIView):
    """The platform's languages, with text direction and fallback chain."""

    @extend_schema(
        responses={200: LocaleSerializer(many=True), 400: ERROR_SCHEMA, 429: ERROR_SCHEMA},
        operation_id="locales_list",
    )
    def get(self, request):
        reject_unknown_parameters(request, set())
        source = languages.source_language().code
        data = [
            {
                "code": language.code,
                "name": language.name,
                "english_name": language.english_name,
                "direction": language.direction,
                "is_source": language.code == source,
                "fallback": languages.fallback_chain(language.code),
            }
            for language in languages.all_languages()
        ]
        return Response(LocaleSerializer(data, many=True).data)
