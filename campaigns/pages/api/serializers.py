"""Campaigns as partners receive them."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.blocks import reference_json, sanitised_html, stream_json
from cms.api.schema_fields import BLOCKS_SCHEMA, REFERENCE_SCHEMA
from cms.api.serializers import PageSerializer


class CampaignSerializer(PageSerializer):
    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    intro = serializers.CharField()
    partners = serializers.SerializerMethodField()

    @extend_schema_field(REFERENCE_SCHEMA)
    def get_partners(self, campaign) -> list[dict]:
        names = self.context["names"]
        shown = [names.get(partner.translation_key, partner) for partner in campaign.partners.all()]
        return [reference_json(partner) for partner in shown]


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
