"""GET /api/v1/campaigns/ and their details. A campaign lists only the stories whose tellers
agreed to partner websites."""

from django.db.models import QuerySet
from django_filters import rest_framework as filters

from campaigns.pages.api import serializers
from campaigns.pages.models import CampaignPage
from campaigns.stories.models import PARTNERS
from campaigns.stories.selectors import public_stories
from cms.api.content import TranslatedContentViewSet, in_language_by_key, live_pages
from cms.api.parameters import UpdatedSinceFilterSet
from cms.api.schema_fields import content_schema


class CampaignFilterSet(UpdatedSinceFilterSet):
    running_on = filters.DateFilter(
        method="filter_running_on", label="Only campaigns running on this date (YYYY-MM-DD)."
    )

    class Meta:
        model = CampaignPage
        fields = ["running_on", "updated_since"]

    def filter_running_on(self, queryset, name, value):
        return queryset.filter(starts_on__lte=value, ends_on__gte=value)


@content_schema(serializers.CampaignSerializer, serializers.CampaignDetailSerializer)
class CampaignViewSet(TranslatedContentViewSet):
    """Awareness campaigns with their myths and facts, events, videos, figures and stories."""

    filterset_class = CampaignFilterSet
    ordering_fields = {"title": "title", "updated": "last_published_at", "starts": "starts_on"}

    lists_every_live_page = True

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
            stories = public_stories(PARTNERS)
            context["stories"] = stories.ordered_in_reader_language(keys, language.code)
        return context
