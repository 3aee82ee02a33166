"""Stories and partner organisations as partners receive them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.addresses import api_url
from cms.api.blocks import image_json, reference_json, stream_json, term_json
from cms.api.schema_fields import (
    BLOCKS_SCHEMA,
    IMAGE_SCHEMA,
    REFERENCE_SCHEMA,
    TERM_SCHEMA,
)
from cms.api.serializers import PageSerializer, TranslatedSerializer
from cms.narration.api import NarrationSerializer, narration_json


class OrganisationSerializer(TranslatedSerializer):
    name = serializers.CharField()
    link = serializers.URLField(allow_blank=True)
    description = serializers.CharField()
    logo = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    @extend_schema_field(IMAGE_SCHEMA)
    def get_logo(self, organisation) -> dict | None:
        return image_json(organisation.logo)

    def get_api_url(self, organisation) -> str:
        return api_url("campaigns.organisation", organisation.pk)


class StorySerializer(PageSerializer):
    person_name = serializers.CharField(help_text="As the person agreed to be named.")
    country_of_origin = serializers.CharField()
    year_of_arrival = serializers.IntegerField(allow_null=True)
    occupation = serializers.CharField()
    quote = serializers.CharField()
    portrait = serializers.SerializerMethodField()
    portrait_alt_text = serializers.CharField()
    partner = serializers.SerializerMethodField()
    themes = serializers.SerializerMethodField()

    @extend_schema_field(IMAGE_SCHEMA)
    def get_portrait(self, story) -> dict | None:
        return image_json(story.portrait)

    @extend_schema_field(REFERENCE_SCHEMA.child)
    def get_partner(self, story) -> dict | None:
        if not story.partner:
            return None
        partner = self.context["names"].get(story.partner.translation_key, story.partner)
        return reference_json(partner)

    @extend_schema_field(TERM_SCHEMA)
    def get_themes(self, story) -> list[dict]:
        return [term_json(theme, self.context["names"]) for theme in story.themes.all()]


class StoryDetailSerializer(StorySerializer):
    video = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()
    narration = serializers.SerializerMethodField(
        help_text="The story read aloud in its language; null while it is being made."
    )

    @extend_schema_field(BLOCKS_SCHEMA)
    def get_video(self, story) -> list[dict]:
        return stream_json(story.video)

    @extend_schema_field(BLOCKS_SCHEMA)
    def get_body(self, story) -> list[dict]:
        return stream_json(story.body)

    @extend_schema_field(NarrationSerializer(allow_null=True))
    def get_narration(self, story) -> dict | None:
        return narration_json(story)
