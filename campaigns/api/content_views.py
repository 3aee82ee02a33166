"""GET /api/v1/stories/, /campaigns/, /videos/, /organisations/ and their details.

Stories reach partners only with consent for partner websites (campaigns.selectors), and a
campaign lists only such stories."""

from __future__ import annotations

import datetime

from django.db.models import QuerySet
from django.utils import timezone, translation
from django_filters import rest_framework as filters
from drf_spectacular.utils import OpenApiParameter
from rest_framework.exceptions import ValidationError

from campaigns import selectors
from campaigns.api import content_serializers as serializers
from campaigns.choices import ProcessingStatus
from campaigns.models import PARTNERS, CampaignPage, Organisation, StoryPage, Video
from cms import languages
from cms.api.blocks import with_renditions
from cms.api.content import (
    LARGEST_ID,
    SameInEveryLanguageViewSet,
    TranslatedContentViewSet,
    UpdatedSinceFilterSet,
    in_language_by_key,
    live_pages,
    page_window,
    reject_unknown_parameters,
)
from cms.api.language import requested_language
from cms.api.schema_fields import content_schema


class StoryFilterSet(UpdatedSinceFilterSet):
    theme = filters.CharFilter(
        field_name="themes__slug", label="A theme's slug (the same in every language)."
    )

    class Meta:
        model = StoryPage
        fields = ["theme", "updated_since"]


class CampaignFilterSet(UpdatedSinceFilterSet):
    running_on = filters.DateFilter(
        method="filter_running_on", label="Only campaigns running on this date (YYYY-MM-DD)."
    )

    class Meta:
        model = CampaignPage
        fields = ["running_on", "updated_since"]

    def filter_running_on(self, queryset, name, value):
        return queryset.filter(starts_on__lte=value, ends_on__gte=value)


@content_schema(serializers.StorySerializer, serializers.StoryDetailSerializer)
class StoryViewSet(TranslatedContentViewSet):
    """Migrants' stories told with consent for partner websites."""

    filterset_class = StoryFilterSet

    def base_queryset(self) -> QuerySet:
        return selectors.public_stories(PARTNERS)

    def with_related(self, queryset: QuerySet) -> QuerySet:
        queryset = queryset.select_related("locale", "partner").prefetch_related("themes")
        queryset = with_renditions(queryset, "portrait")
        return queryset if self.action == "retrieve" else queryset.defer_streamfields()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.StoryDetailSerializer
        return serializers.StorySerializer

    def extra_context(self, objects, language) -> dict:
        terms = [theme for story in objects for theme in story.themes.all()]
        terms += [story.partner for story in objects if story.partner]
        return {"names": in_language_by_key(terms, language.chain)}


@content_schema(serializers.CampaignSerializer, serializers.CampaignDetailSerializer)
class CampaignViewSet(TranslatedContentViewSet):
    """Awareness campaigns with their myths and facts, events, videos, figures and stories."""

    filterset_class = CampaignFilterSet
    ordering_fields = {"title": "title", "updated": "last_published_at", "starts": "starts_on"}

    def base_queryset(self) -> QuerySet:
        return live_pages(CampaignPage)

    def with_related(self, queryset: QuerySet) -> QuerySet:
        queryset = queryset.select_related("locale").prefetch_related("partners")
        return queryset if self.action == "retrieve" else queryset.defer_streamfields()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.CampaignDetailSerializer
        return serializers.CampaignSerializer

    def extra_context(self, objects, language) -> dict:
        terms = [partner for campaign in objects for partner in campaign.partners.all()]
        context = {"names": in_language_by_key(terms, language.chain)}
        if self.action == "retrieve":
            campaign = objects[0]
            keys = [
                child.value.translation_key for child in campaign.related_stories if child.value
            ]
            stories = selectors.public_stories(PARTNERS)
            context["stories"] = selectors.ordered_in_reader_language(stories, keys, language.code)
        return context


@content_schema(serializers.OrganisationSerializer)
class OrganisationViewSet(TranslatedContentViewSet):
    """Partner organisations: NGOs, agencies and universities behind stories and campaigns."""

    search_enabled = False
    ordering_fields = {"name": "name"}
    default_ordering = "name"
    serializer_class = serializers.OrganisationSerializer

    def base_queryset(self) -> QuerySet:
        return Organisation.objects.all()

    def with_related(self, queryset: QuerySet) -> QuerySet:
        return with_renditions(queryset.select_related("locale"), "logo")


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
