"""What every translated object of the API says about itself: its language, whether it is
a fallback, and the status of each of its translations; and, for pages, their addresses and
publication times."""

from __future__ import annotations

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.addresses import absolute, api_url
from cms.api.language import RequestedLanguage
from cms.translation.status import STATUSES


class TranslationEntry(serializers.Serializer):
    locale = serializers.CharField()
    status = serializers.ChoiceField(choices=list(STATUSES))
    id = serializers.IntegerField(allow_null=True)
    api_url = serializers.URLField(allow_null=True)
    synced_at = serializers.DateTimeField(allow_null=True)


class TranslatedSerializer(serializers.Serializer):
    """`locale`, `is_fallback` and `translations` for any translated page or snippet."""

    id = serializers.IntegerField(read_only=True)
    locale = serializers.SerializerMethodField()
    is_fallback = serializers.SerializerMethodField()
    translation_key = serializers.UUIDField(read_only=True)
    translations = serializers.SerializerMethodField()

    def get_locale(self, instance) -> str:
        return instance.locale.language_code

    def get_is_fallback(self, instance) -> bool:
        language: RequestedLanguage = self.context["language"]
        return language.explicit and instance.locale.language_code != language.code

    @extend_schema_field(TranslationEntry(many=True))
    def get_translations(self, instance) -> list[dict]:
        states = self.context["translations"].get(instance.translation_key, {})
        label = instance._meta.label_lower
        return [
            {
                "locale": code,
                "status": state.status,
                "id": state.instance.pk if state.instance else None,
                "api_url": api_url(label, state.instance.pk) if state.instance else None,
                "synced_at": state.synced_at,
            }
            for code, state in states.items()
        ]


class PageSerializer(TranslatedSerializer):
    """What every published page says about itself."""

    title = serializers.CharField()
    slug = serializers.SlugField()
    url = serializers.SerializerMethodField(help_text="The page on the platform's website.")
    api_url = serializers.SerializerMethodField()
    first_published_at = serializers.DateTimeField()
    last_published_at = serializers.DateTimeField()

    def get_url(self, page) -> str | None:
        # With the request, Wagtail looks the sites' root paths up once per answer.
        return absolute(page.get_url(request=self.context.get("request")))

    def get_api_url(self, page) -> str:
        return api_url(page._meta.label_lower, page.pk)
