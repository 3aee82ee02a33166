"""Photovoice photos as partners receive them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.addresses import api_url
from cms.api.blocks import image_json, term_json
from cms.api.schema_fields import IMAGE_SCHEMA, TERM_SCHEMA


class PhotoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    caption = serializers.CharField(help_text="In the participant's words and language.")
    caption_language = serializers.CharField(
        source="language", help_text="The language the caption was written in."
    )
    alt_text = serializers.CharField(help_text="What the photo shows, for screen readers.")
    author_name = serializers.CharField(
        help_text="The name or pseudonym the participant gave; empty when anonymous."
    )
    theme = serializers.SerializerMethodField(
        help_text="The audit theme, named in the asked language or its fallback."
    )
    image = serializers.SerializerMethodField()
    approved_at = serializers.DateTimeField(source="moderated_at")
    api_url = serializers.SerializerMethodField()

    @extend_schema_field(TERM_SCHEMA.child)
    def get_theme(self, photo) -> dict:
        return term_json(photo.theme, self.context["names"])

    @extend_schema_field(IMAGE_SCHEMA)
    def get_image(self, photo) -> dict | None:
        return image_json(photo.image)

    def get_api_url(self, photo) -> str:
        return api_url("campaigns.photosubmission", photo.pk)
