"""GET /api/v1/lessons/, /courses/, /topics/ and their details (docs/api.md)."""

from django.db.models import QuerySet
from django_filters import rest_framework as filters

from cms.api.content import TranslatedContentViewSet, in_language_by_key, live_pages
from cms.api.parameters import UpdatedSinceFilterSet
from cms.api.schema_fields import content_schema
from learning.api import serializers
from learning.glossary.models import GlossaryTerm
from learning.models import ESTIMATED_LEVELS, LEVELS, CoursePage, LessonPage, Topic


class LessonFilterSet(UpdatedSinceFilterSet):
    topic = filters.CharFilter(
        field_name="topics__slug", label="A topic's slug (the same in every language)."
    )
    level = filters.ChoiceFilter(choices=LEVELS, label="Language level: A1, A2 or B1.")
    estimated_level = filters.ChoiceFilter(
        field_name="easy_language_cefr",
        choices=ESTIMATED_LEVELS,
        label="The level the text reads at, by the easy-language check: A1 to C1.",
    )

    class Meta:
        model = LessonPage
        fields = ["topic", "level", "estimated_level", "updated_since"]


class CourseFilterSet(UpdatedSinceFilterSet):
    class Meta:
        model = CoursePage
        fields = ["updated_since"]


@content_schema(serializers.LessonSerializer, serializers.LessonDetailSerializer)
class LessonViewSet(TranslatedContentViewSet):
    """Easy-language lessons. Lists leave out the body; the detail has it as typed blocks."""

    filterset_class = LessonFilterSet
    ordering_fields = {"title": "title", "updated": "last_published_at", "level": "level"}

    lists_every_live_page = True

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
        topics = [topic for lesson in objects for topic in lesson.topics.all()]
        return {"topic_names": in_language_by_key(topics, language.chain)}


@content_schema(serializers.CourseSerializer, serializers.CourseDetailSerializer)
class CourseViewSet(TranslatedContentViewSet):
    """Courses: lessons in the order a learner should take them."""

    filterset_class = CourseFilterSet

    lists_every_live_page = True

    def base_queryset(self) -> QuerySet:
        return live_pages(CoursePage)

    def get_serializer_class(self):
        if self.action == "retrieve":
            return serializers.CourseDetailSerializer
        return serializers.CourseSerializer


@content_schema(serializers.TopicSerializer)
class TopicViewSet(TranslatedContentViewSet):
    """Topics lessons are filed under, in the reader's language."""

    search_enabled = False
    ordering_fields = {"name": "name"}
    default_ordering = "name"
    serializer_class = serializers.TopicSerializer

    def base_queryset(self) -> QuerySet:
        return Topic.objects.all()


@content_schema(serializers.GlossaryTermSerializer)
class GlossaryViewSet(TranslatedContentViewSet):
    """The shared glossary: words of the lessons and stories, explained simply."""

    search_enabled = False
    ordering_fields = {"term": "term"}
    default_ordering = "term"
    serializer_class = serializers.GlossaryTermSerializer

    def base_queryset(self) -> QuerySet:
        return GlossaryTerm.objects.select_related("image", "audio")
