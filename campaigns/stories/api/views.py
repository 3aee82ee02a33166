"""GET /api/v1/stories/ and /organisations/ and their details. Stories reach partners only
with consent for partner websites."""

from django.db.models import QuerySet
from django_filters import rest_framework as filters

from campaigns.stories.api import serializers
from campaigns.stories.models import PARTNERS, Organisation, StoryPage
from campaigns.stories.selectors import public_stories
from cms.api.blocks import with_renditions
from cms.api.content import TranslatedContentViewSet, in_language_by_key
from cms.api.parameters import UpdatedSinceFilterSet
from cms.api.schema_fields import content_schema


class StoryFilterSet(UpdatedSinceFilterSet):
    theme = filters.CharFilter(
        field_name="themes__slug", label="A theme's slug (the same in every language)."
    )

    class Meta:
        model = StoryPage
        fields = ["theme", "updated_since"]


@content_schema(serializers.StorySerializer, serializers.StoryDetailSerializer)
class StoryViewSet(TranslatedContentViewSet):
    """Migrants' stories told with consent for partner websites."""

    filterset_class = StoryFilterSet

    def base_queryset(self) -> QuerySet:
        return public_stories(PARTNERS)

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
