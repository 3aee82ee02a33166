import math

from django import forms
from django.conf import settings
from django.db import models
from django.template.response import TemplateResponse
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtail.users.models import UserProfile
from wagtail_localize.fields import SynchronizedField

from cms.narration.panels import NarrationPanel
from cms.querysets import TranslatedPageManager
from cms.translatable import LocalizedRoutingMixin, TranslatableTerm, in_source_language
from learning import easy_language
from learning.admin_messages import describe_report
from learning.blocks import LessonChooserBlock, LessonStreamBlock
from learning.glossary.models import GlossaryTerm
from learning.panels import EasyLanguagePanel

LEVELS = [("A1", "A1"), ("A2", "A2"), ("B1", "B1")]
ESTIMATED_LEVELS = [(level, level) for level in easy_language.CEFR_LEVELS]
GRADE_CHOICES = [
    (easy_language.EASY, _("Easy")),
    (easy_language.NEEDS_WORK, _("Needs work")),
    (easy_language.HARD, _("Hard")),
]


class Topic(TranslatableTerm):
    """A subject readers browse lessons by: documents and residence, work, health…"""

    class Meta(TranslatableTerm.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug_per_locale")
        ]


class LessonIndexPage(LocalizedRoutingMixin, Page):
    """All lessons of one language, filterable by topic and level, with search."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["learning.LessonPage", "learning.CoursePage"]
    template = "learning/lesson_index_page.html"

    class Meta:
        verbose_name = _("lesson index")

    # Served by learning.views.lesson_index (an `on_serve_page` hook in
    # learning/wagtail_hooks.py): the filters, the search and the pages of the list.


class LessonPage(LocalizedRoutingMixin, Page):
    summary = models.TextField(_("summary"), help_text=_("Two or three short sentences."))
    level = models.CharField(_("level"), max_length=2, choices=LEVELS, default="A1")
    topics = ParentalManyToManyField(
        Topic, blank=True, related_name="lessons", limit_choices_to=in_source_language
    )
    body = StreamField(LessonStreamBlock(), verbose_name=_("body"))
    related_lessons = StreamField(
        [("lesson", LessonChooserBlock())],
        blank=True,
        max_num=4,
        verbose_name=_("related lessons"),
    )
    # Derived from the text on every save (see clean()), stored for lists and filters.
    reading_time_minutes = models.PositiveSmallIntegerField(
        _("reading time (minutes)"), default=1, editable=False
    )
    easy_language_score = models.PositiveSmallIntegerField(
        _("easy-language score"), null=True, editable=False, db_index=True
    )
    easy_language_grade = models.CharField(
        _("easy-language grade"),
        max_length=12,
        choices=GRADE_CHOICES,
        blank=True,
        editable=False,
        db_index=True,
    )
    easy_language_cefr = models.CharField(
        _("estimated level"),
        max_length=2,
        choices=ESTIMATED_LEVELS,
        blank=True,
        editable=False,
        db_index=True,
    )

    content_panels = [
        *Page.content_panels,
        EasyLanguagePanel(),
        NarrationPanel(),
        FieldPanel("summary"),
        MultiFieldPanel(
            [FieldPanel("level"), FieldPanel("topics", widget=forms.CheckboxSelectMultiple)],
            heading=_("Level and topics"),
        ),
        FieldPanel("body"),
        FieldPanel("related_lessons"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("level"),
    ]
    override_translatable_fields = [SynchronizedField("level")]
    # Lists of lessons go by level, then title (cms.shown_versions keeps this order indexed).
    listing_order = ("level",)
    parent_page_types = ["learning.LessonIndexPage"]
    template = "learning/lesson_page.html"
    preview_modes = [("", _("Lesson")), ("easy-language", _("Easy-language check"))]

    objects = TranslatedPageManager()

    class Meta:
        verbose_name = _("lesson")

    def readable_paragraphs(self) -> list[str]:
        """Every paragraph a reader reads as prose: the summary and each text block."""
        paragraphs = [self.summary] if self.summary else []
        for child in self.body:
            readable_text = getattr(child.block, "readable_text", None)
            if readable_text:
                paragraphs.extend(text for text in readable_text(child.value) if text)
        return paragraphs

    def narrated_paragraphs(self) -> list[str]:
        """What the narration reads, in page order: the title, the summary and each block
        a reader sees (cms/narration/)."""
        paragraphs = [self.title, self.summary]
        for child in self.body:
            block = child.block
            read = getattr(block, "narrated_text", None) or getattr(block, "readable_text", None)
            if read:
                paragraphs.extend(text for text in read(child.value) if text)
        return [paragraph for paragraph in paragraphs if paragraph]

    def explained_terms(self) -> list[str]:
        """The key words the lesson explains itself, and the glossary's terms in its
        language: the check never counts them as rare."""
        own = [
            child.value["word"]
            for child in self.body
            if child.block_type == "key_word" and child.value.get("word")
        ]
        glossary = GlossaryTerm.objects.filter(locale_id=self.locale_id)
        return [*own, *glossary.values_list("term", flat=True)]

    def easy_language_report(self) -> easy_language.Report:
        return easy_language.check(
            "\n\n".join(self.readable_paragraphs()),
            self.locale.language_code,
            thresholds=easy_language.thresholds_for(
                self.locale.language_code, settings.EASY_LANGUAGE_THRESHOLDS
            ),
            explained=self.explained_terms(),
        )

    def set_derived_fields(self) -> easy_language.Report:
        """Score, grade and reading time from the text as it is now (in memory)."""
        report = self.easy_language_report()
        self.easy_language_score = report.score
        self.easy_language_grade = report.grade
        self.easy_language_cefr = report.cefr
        self.reading_time_minutes = max(
            1, math.ceil(report.word_count / settings.LESSON_READING_WORDS_PER_MINUTE)
        )
        return report

    def clean(self):
        super().clean()
        # Wagtail cleans a page before every save and revision, so the stored score always
        # describes the text it is saved with.
        self.set_derived_fields()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        by_key = {topic.translation_key: topic for topic in Topic.objects.in_reader_language()}
        context["display_topics"] = [
            by_key[topic.translation_key]
            for topic in self.topics.all()
            if topic.translation_key in by_key
        ]
        context["related"] = self.related_in_reader_language()
        return context

    def related_in_reader_language(self) -> list["LessonPage"]:
        keys = [child.value.translation_key for child in self.related_lessons if child.value]
        return LessonPage.objects.live().public().ordered_in_reader_language(keys)

    def serve_preview(self, request, mode_name):
        if mode_name == "easy-language":
            # The editor's live check: score and offending sentences of the text being
            # edited, worded in the editor's own admin language.
            editor_language = UserProfile.get_for_user(request.user).get_preferred_language()
            with translation.override(editor_language):
                return TemplateResponse(
                    request,
                    "learning/admin/easy_language_preview.html",
                    {
                        "lesson": self,
                        "report": describe_report(
                            self.easy_language_report(), chosen_level=self.level
                        ),
                    },
                ).render()
        return super().serve_preview(request, mode_name)


class CoursePage(LocalizedRoutingMixin, Page):
    """Lessons in the order a learner should take them; progress stays in the browser."""

    intro = models.TextField(_("introduction"), blank=True)
    lessons = StreamField(
        [("lesson", LessonChooserBlock())],
        verbose_name=_("lessons in order"),
    )

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("lessons")]
    search_fields = [*Page.search_fields, index.SearchField("intro")]
    parent_page_types = ["learning.LessonIndexPage"]
    subpage_types = []
    template = "learning/course_page.html"

    class Meta:
        verbose_name = _("course")

    def ordered_lessons(self) -> list[LessonPage]:
        """The course's live lessons in order, each in the reader's language or the nearest
        one of its fallback chain (two queries, whatever the number of lessons)."""
        keys = [child.value.translation_key for child in self.lessons if child.value]
        return LessonPage.objects.live().public().ordered_in_reader_language(keys)
