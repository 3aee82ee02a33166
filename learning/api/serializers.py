"""Lessons, courses and topics as partners receive them (docs/api.md)."""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from cms.api.addresses import absolute, api_url
from cms.api.blocks import reference_json, stream_json
from cms.api.schema_fields import BLOCKS_SCHEMA, REFERENCE_SCHEMA
from cms.api.serializers import PageSerializer, TranslatedSerializer
from cms.narration.api import NarrationSerializer, narration_json
from learning.handouts.selectors import handout_urls


class TopicSerializer(TranslatedSerializer):
    name = serializers.CharField()
    slug = serializers.SlugField(help_text="The same in every language; filter lessons by it.")
    description = serializers.CharField()
    api_url = serializers.SerializerMethodField()

    def get_api_url(self, topic) -> str:
        return api_url("learning.topic", topic.pk)


class GlossaryTermSerializer(TranslatedSerializer):
    term = serializers.CharField()
    explanation = serializers.CharField()
    image_url = serializers.SerializerMethodField()
    audio_url = serializers.SerializerMethodField()
    api_url = serializers.SerializerMethodField()

    def get_image_url(self, term) -> str | None:
        return absolute(term.image.get_rendition("max-800x800").url) if term.image else None

    def get_audio_url(self, term) -> str | None:
        return absolute(term.audio.url) if term.audio else None

    def get_api_url(self, term) -> str:
        return api_url("learning.glossaryterm", term.pk)


class TopicNameSerializer(serializers.Serializer):
    slug = serializers.SlugField()
    name = serializers.CharField()
    locale = serializers.CharField()


class HandoutsSerializer(serializers.Serializer):
    a4 = serializers.URLField()
    letter = serializers.URLField()


class LessonSerializer(PageSerializer):
    summary = serializers.CharField()
    level = serializers.ChoiceField(choices=["A1", "A2", "B1"])
    topics = serializers.SerializerMethodField()
    reading_time_minutes = serializers.IntegerField()
    easy_language_score = serializers.IntegerField(allow_null=True)
    easy_language_grade = serializers.CharField()
    estimated_level = serializers.CharField(
        source="easy_language_cefr",
        help_text="The CEFR level (A1–C1) the text reads at, by the easy-language check; "
        "empty until the lesson is next saved or scored.",
    )

    @extend_schema_field(TopicNameSerializer(many=True))
    def get_topics(self, lesson) -> list[dict]:
        names = self.context.get("topic_names", {})
        return [
            {
                "slug": topic.slug,
                "name": names.get(topic.translation_key, topic).name,
                "locale": names.get(topic.translation_key, topic).locale.language_code,
            }
            for topic in lesson.topics.all()
        ]


class LessonDetailSerializer(LessonSerializer):
    body = serializers.SerializerMethodField()
    related_lessons = serializers.SerializerMethodField()
    narration = serializers.SerializerMethodField(
        help_text="The lesson read aloud in its language; null while it is being made or "
        "where the language has no voice."
    )

    handouts = serializers.SerializerMethodField(
        help_text="The printable PDF of the lesson in its language, per paper size."
    )

    @extend_schema_field(NarrationSerializer(allow_null=True))
    def get_narration(self, lesson) -> dict | None:
        return narration_json(lesson)

    @extend_schema_field(HandoutsSerializer())
    def get_handouts(self, lesson) -> dict:
        return handout_urls(lesson)

    @extend_schema_field(BLOCKS_SCHEMA)
    def get_body(self, lesson) -> list[dict]:
        return stream_json(lesson.body)

    @extend_schema_field(REFERENCE_SCHEMA)
    def get_related_lessons(self, lesson) -> list[dict]:
        return [reference_json(page) for page in lesson.related_in_reader_language()]


class CourseSerializer(PageSerializer):
    intro = serializers.CharField()


class CourseDetailSerializer(CourseSerializer):
    lessons = serializers.SerializerMethodField(help_text="In the order a learner takes them.")
    handouts = serializers.SerializerMethodField(
        help_text="The whole course as one printable PDF, per paper size."
    )

    @extend_schema_field(HandoutsSerializer())
    def get_handouts(self, course) -> dict:
        return handout_urls(course)

    @extend_schema_field(REFERENCE_SCHEMA)
    def get_lessons(self, course) -> list[dict]:
        return [reference_json(page) for page in course.ordered_lessons()]
