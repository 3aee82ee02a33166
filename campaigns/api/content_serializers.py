"""Stories, campaigns, videos and partner organisations as partners receive them."""

from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from cms.api.blocks import (
    absolute,
    api_url,
    image_json,
    reference_json,
    sanitised_html,
    stream_json,
)
from cms.api.content import PageSerializer, TranslatedSerializer
from cms.api.schema_fields import BLOCKS_SCHEMA, IMAGE_SCHEMA, REFERENCE_SCHEMA

TERM_SCHEMA = inline_serializer(
    "Term",
    many=True,
    fields={
        "slug": serializers.SlugField(),
        "name": serializers.CharField(),
        "locale": serializers.CharField(),
    },
)
CAPTION_SCHEMA = inline_serializer(
    "VideoCaption",
    many=True,
    fields={"language": serializers.CharField(), "url": serializers.URLField()},
)


def term_json(term, names: dict) -> dict:
    shown = names.get(term.translation_key, term)
    return {"slug": term.slug, "name": shown.name, "locale": shown.locale.language_code}


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
        return {
            "id": partner.pk,
            "type": "organisation",
            "title": partner.name,
            "api_url": api_url("campaigns.organisation", partner.pk),
        }

    @extend_schema_field(TERM_SCHEMA)
    def get_themes(self, story) -> list[dict]:
        return [term_json(theme, self.context["names"]) for theme in story.themes.all()]


class StoryDetailSerializer(StorySerializer):
    video = serializers.SerializerMethodField()
    body = serializers.SerializerMethodField()

    @extend_schema_field(BLOCKS_SCHEMA)
    def get_video(self, story) -> list[dict]:
        return stream_json(story.video)

    @extend_schema_field(BLOCKS_SCHEMA)
    def get_body(self, story) -> list[dict]:
        return stream_json(story.body)


class CampaignSerializer(PageSerializer):
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    intro = serializers.CharField()
    partners = serializers.SerializerMethodField()

    @extend_schema_field(REFERENCE_SCHEMA)
    def get_partners(self, campaign) -> list[dict]:
        names = self.context["names"]
        shown = [names.get(partner.translation_key, partner) for partner in campaign.partners.all()]
        return [
            {
                "id": partner.pk,
                "type": "organisation",
                "title": partner.name,
                "api_url": api_url("campaigns.organisation", partner.pk),
            }
            for partner in shown
        ]


class CampaignDetailSerializer(CampaignSerializer):
    aims = serializers.SerializerMethodField(help_text="Sanitised HTML.")
    myths_and_facts = serializers.SerializerMethodField()
    events = serializers.SerializerMethodField()
    videos = serializers.SerializerMethodField()
    statistics = serializers.SerializerMethodField()
    stories = serializers.SerializerMethodField(
        help_text="Only stories whose tellers agreed to partner websites."
    )

    def get_aims(self, campaign) -> str:
        return sanitised_html(campaign.aims)

    @extend_schema_field(BLOCKS_SCHEMA)
    def get_myths_and_facts(self, campaign) -> list[dict]:
        return stream_json(campaign.myths_and_facts)

    @extend_schema_field(BLOCKS_SCHEMA)
    def get_events(self, campaign) -> list[dict]:
        return stream_json(campaign.events)

    @extend_schema_field(BLOCKS_SCHEMA)
    def get_videos(self, campaign) -> list[dict]:
        return stream_json(campaign.videos)

    @extend_schema_field(BLOCKS_SCHEMA)
    def get_statistics(self, campaign) -> list[dict]:
        return stream_json(campaign.statistics)

    @extend_schema_field(REFERENCE_SCHEMA)
    def get_stories(self, campaign) -> list[dict]:
        return [reference_json(story) for story in self.context["stories"]]


class VideoSerializer(serializers.Serializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    url = serializers.SerializerMethodField()
    mime_type = serializers.CharField()
    size_bytes = serializers.IntegerField(allow_null=True)
    sha256 = serializers.CharField()
    duration_seconds = serializers.FloatField(allow_null=True)
    poster = serializers.SerializerMethodField()
    data_saver_url = serializers.SerializerMethodField()
    captions = serializers.SerializerMethodField(
        help_text="WebVTT captions: the asked language and its fallback chain first."
    )
    api_url = serializers.SerializerMethodField()

    def get_url(self, video) -> str:
        return absolute(video.file.url)

    @extend_schema_field(IMAGE_SCHEMA)
    def get_poster(self, video) -> dict | None:
        return image_json(video.poster)

    def get_data_saver_url(self, video) -> str | None:
        return absolute(video.data_saver.url) if video.data_saver else None

    @extend_schema_field(CAPTION_SCHEMA)
    def get_captions(self, video) -> list[dict]:
        chain = self.context["language"].chain
        return [
            {"language": caption.language, "url": absolute(caption.file.url)}
            for caption in video.captions_for(chain)
        ]

    def get_api_url(self, video) -> str:
        return api_url("campaigns.video", video.pk)
