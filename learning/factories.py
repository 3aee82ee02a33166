"""Test data for lessons (factory_boy via wagtail-factories; development only)."""

import factory
import wagtail_factories
from wagtail.models import Locale

from learning.models import CoursePage, LessonIndexPage, LessonPage, Topic


def easy_text(*paragraphs: str) -> list[tuple[str, str]]:
    """A lesson body of one easy-text block with these paragraphs."""
    return [("easy_text", "".join(f"<p>{paragraph}</p>" for paragraph in paragraphs))]


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Тема {n}")
    slug = factory.Sequence(lambda n: f"topic-{n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Topic


class LessonIndexPageFactory(wagtail_factories.PageFactory):
    title = "Уроци"
    slug = factory.Sequence(lambda n: f"uroci-{n}")

    class Meta:
        model = LessonIndexPage


class LessonPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Урок {n}")
    slug = factory.Sequence(lambda n: f"urok-{n}")
    summary = "Кратък урок. Лесен е."
    level = "A1"
    body = factory.LazyFunction(lambda: easy_text("Това е лесен текст. Изреченията са кратки."))

    class Meta:
        model = LessonPage


class CoursePageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Курс {n}")
    slug = factory.Sequence(lambda n: f"kurs-{n}")

    class Meta:
        model = CoursePage
