"""GET /api/v1/lessons/, /courses/, /topics/ and their details (docs/api.md)."""

from django.db.models import QuerySet
from django_filters import rest_framework as filters
from drf_spectacular.utils import extend_schema, extend_schema_view

from cms.api.content import TranslatedContentViewSet, UpdatedSinceFilterSet, live_pages
from cms.api.schema_fields import (
    detail_parameters,
    detail_responses,
    list_parameters,
    list_responses,
)
from learning.api import serializers
from learning.models import LEVELS, CoursePage, LessonPage, Topic


class LessonFilterSet(UpdatedSinceFilterSet):
    topic = filters.CharFilter(
        field_name="topics__slug", label="A topic's slug (the same in every language)."
    )
    level = filters.ChoiceFilter(choices=LEVELS, label="Language level: A1, A2 or B1.")

    class Meta:
        model = LessonPage
        fields = ["topic", "level", "updated_since"]


class CourseFilterSet(UpdatedSinceFilterSet):
    class Meta:
        model = CoursePage
        fields = ["updated_since"]


def topic_names(lessons: list[LessonPage], chain: list[str]) -> dict:
    """Each linked topic in the reader's language (or its fallback): one query."""
    from cms.selectors import in_reader_language

    keys = {topic.translation_key for lesson in lessons for topic in lesson.topics.all()}
    topics = Topic.objects.filter(translation_key__in=keys, locale__language_code__in=chain)
    return in_reader_language(topics.select_related("locale"), language_code=chain[0])


@extend_schema_view(
    list=extend_schema(
        parameters=list_parameters(
            filterset=LessonFilterSet, ordering=["title", "updated", "level"]
        ),
        responses=list_responses(serializers.LessonSerializer),
    ),
    retrieve=extend_schema(
        parameters=detail_parameters(),
        responses=detail_responses(serializers.LessonDetailSerializer),
    ),
)
class LessonViewSet(TranslatedContentViewSet):
    """Easy-language lessons. Lists leave out the body; the detail has it as typed blocks."""

    filterset_class = LessonFilterSet
    ordering_fields = {"title": "title", "updated": "last_published_at", "level": "level"}

    def base_queryset(self) -> QuerySet:
        return live_pages(LessonPage)

    def with_related(self, queryset: QuerySet) -> QuerySet:
        queryset = queryset.select_related("locale").prefetch_related("topics")
        return queryset if self.action == "retrieve" else queryset.defer_streamfields()

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.LessonDetailSerializer
        return serializers.LessonSerializer

    def extra_context(self, objects, language) -> dict:
        return {"topic_names": topic_names(objects, language.chain)}


@extend_schema_view(
    list=extend_schema(
        parameters=list_parameters(filterset=CourseFilterSet, ordering=["title", "updated"]),
        responses=list_responses(serializers.CourseSerializer),
    ),
    retrieve=extend_schema(
        parameters=detail_parameters(),
        responses=detail_responses(serializers.CourseDetailSerializer),
    ),
)
class CourseViewSet(TranslatedContentViewSet):
    """Courses: lessons in the order a learner should take them."""

    filterset_class = CourseFilterSet

    def base_queryset(self) -> QuerySet:
        return live_pages(CoursePage)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.CourseDetailSerializer
        return serializers.CourseSerializer


@extend_schema_view(
    list=extend_schema(
        parameters=list_parameters(search=False, ordering=["name"]),
        responses=list_responses(serializers.TopicSerializer),
    ),
    retrieve=extend_schema(
        parameters=detail_parameters(), responses=detail_responses(serializers.TopicSerializer)
    ),
)
class TopicViewSet(TranslatedContentViewSet):
    """Topics lessons are filed under, in the reader's language."""

    search_enabled = False
    ordering_fields = {"name": "name"}
    default_ordering = "name"
    serializer_class = serializers.TopicSerializer

    def base_queryset(self) -> QuerySet:
        return Topic.objects.all()
