"""Videos as partners receive them."""

from drf_spectacular.utils import extend_schema_field, inline_serializer
from rest_framework import serializers

from cms.api.addresses import absolute, api_url
from cms.api.blocks import image_json
from cms.api.schema_fields import IMAGE_SCHEMA

CAPTION_SCHEMA = inline_serializer(
    "VideoCaption",
    many=True,
    fields={"language": serializers.CharField(), "url": serializers.URLField()},
)


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
