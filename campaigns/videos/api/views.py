"""GET /api/v1/videos/ and their details: published, processed videos with captions."""

import datetime

from django.db.models import QuerySet
from django.utils import timezone, translation
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from campaigns.pages.models import CampaignPage
from campaigns.videos.api import serializers
from campaigns.videos.choices import ProcessingStatus
from campaigns.videos.models import Video
from cms import languages
from cms.api.blocks import with_renditions
from cms.api.content import SameInEveryLanguageViewSet, live_pages
from cms.api.language import requested_language
from cms.api.parameters import LARGEST_ID, page_window, reject_unknown_parameters
from cms.api.schema_fields import content_schema

VIDEO_PARAMETERS = {"lang", "page", "page_size", "caption_language", "campaign"}


@content_schema(
    serializers.VideoSerializer,
    extra_list_parameters=[
        OpenApiParameter(
            "caption_language", str, enum=languages.codes(), description="Has captions in it."
        ),
        OpenApiParameter("campaign", int, description="Shown by this campaign (its id)."),
    ],
)
class VideoViewSet(SameInEveryLanguageViewSet):
    """Published, processed videos with captions; the same in every language (captions are
    ordered by the asked language)."""

    not_found = "There is no published video with this id."

    def base_queryset(self) -> QuerySet:
        return self.with_related(
            Video.objects.filter(published=True, processing_status=ProcessingStatus.READY)
        )

    def build_list(self) -> dict:
        request = self.request
        reject_unknown_parameters(request, VIDEO_PARAMETERS)
        videos = self.base_queryset().order_by("-uploaded_at", "pk")
        caption_language = request.query_params.get("caption_language")
        if caption_language is not None:
            if caption_language not in languages.codes():
                raise ValidationError(
                    {"caption_language": [f"Use one of: {', '.join(languages.codes())}."]}
                )
            videos = videos.filter(captions__language=caption_language)
        campaign = request.query_params.get("campaign")
        if campaign is not None:
            videos = videos.filter(pk__in=self.videos_of_campaign(campaign))
        window = page_window(request, count=videos.count())
        return window.envelope(self.serialize(list(videos[window.start : window.end]), many=True))

    def with_related(self, queryset: QuerySet) -> QuerySet:
        return with_renditions(queryset.prefetch_related("captions"), "poster")

    def videos_of_campaign(self, raw: str) -> list[int]:
        try:
            number = int(raw)
        except ValueError:
            raise ValidationError({"campaign": ["Give the id of a campaign."]}) from None
        campaign = None
        if 0 < number <= LARGEST_ID:
            campaign = live_pages(CampaignPage).filter(pk=number).first()
        if campaign is None:
            return []  # no such published campaign: no videos
        return [
            child.value.pk
            for child in campaign.videos
            if child.block_type == "library_video" and child.value
        ]

    def serialize(self, videos: list, *, many: bool):
        language = requested_language(self.request)
        with translation.override(language.code), timezone.override(datetime.UTC):
            return serializers.VideoSerializer(
                videos if many else videos[0],
                many=many,
                context={"request": self.request, "language": language},
            ).data
