"""Demo content for lessons: topics, the lesson index, eight lessons and a course.

Idempotent like the core's loader: what exists is left alone, what is missing is created,
and translations go through wagtail-localize (cms.translation.services.translate_from_catalog)."""

from collections.abc import Callable

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale

from cms import languages
from cms.demo.helpers import ensure_translations, source_text
from cms.models import HomePage
from learning.demo import texts
from learning.models import CoursePage, LessonIndexPage, LessonPage, Topic

Log = Callable[[str], None]

ORDER = 10  # after the core: lessons live under its home page
LESSON_LANGUAGES = ["en", "ar", "uk"]  # the others read the marked English fallback


def load_demo(*, log: Log) -> None:
    source = languages.source_language().code
    locale = Locale.objects.get(language_code=source)
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        log("No home page: load the core's demo content first.")
        return
    topics = {slug: _ensure_topic(slug, locale, log=log) for slug in texts.TOPICS}
    index = _ensure_index(home, log=log)
    lessons = {
        lesson["key"]: _ensure_lesson(index, lesson, topics, log=log) for lesson in texts.LESSONS
    }
    course = _ensure_course(index, lessons, log=log)

    every_language = [language.code for language in languages.all_languages()[1:]]
    for topic in topics.values():
        ensure_translations(topic, every_language, texts.TOPICS, log=log, label=topic.slug)
    ensure_translations(index, every_language, texts.INDEX, log=log, label=index.title)
    for lesson in lessons.values():
        ensure_translations(lesson, LESSON_LANGUAGES, texts.LESSONS, log=log, label=lesson.title)
    ensure_translations(course, LESSON_LANGUAGES, texts.COURSE, log=log, label=course.title)


@transaction.atomic
def _ensure_topic(slug: str, locale: Locale, *, log: Log) -> Topic:
    topic, created = Topic.objects.get_or_create(
        slug=slug, locale=locale, defaults={"name": source_text(texts.TOPICS[slug])}
    )
    if created:
        log(f"Topic: created “{topic.name}”")
    return topic


@transaction.atomic
def _ensure_index(home: HomePage, *, log: Log) -> LessonIndexPage:
    index = LessonIndexPage.objects.child_of(home).first()
    if index is not None:
        log(f"Lesson index: exists (“{index.title}”)")
        return index
    index = LessonIndexPage(
        title=source_text(texts.INDEX["title"]),
        slug=source_text(texts.INDEX["slug"]),
        intro=source_text(texts.INDEX["intro"]),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    log(f"Lesson index: created (“{index.title}”)")
    return index


def _block(kind: str, data) -> dict | str:
    if kind == "easy_text":
        return "".join(f"<p>{escape(source_text(paragraph))}</p>" for paragraph in data)
    if kind == "key_word":
        return {"word": source_text(data["word"]), "explanation": source_text(data["explanation"])}
    if kind == "step_by_step":
        return {
            "title": source_text(data["title"]),
            "steps": [source_text(s) for s in data["steps"]],
        }
    if kind == "contact":
        return {
            "name": source_text(data["name"]),
            "address": source_text(data["address"]) if "address" in data else "",
            "phone": data.get("phone", ""),
            "opening_hours": source_text(data["opening_hours"]) if "opening_hours" in data else "",
            "map_link": data.get("map_link", ""),
            "website": data.get("website", ""),
        }
    if kind == "tip":
        return {"kind": data["kind"], "text": source_text(data["text"])}
    if kind == "quiz":
        return {
            "question": source_text(data["question"]),
            "options": [
                {"text": source_text(text), "is_correct": correct}
                for text, correct in data["options"]
            ],
            "feedback_correct": source_text(data["feedback_correct"]),
            "feedback_incorrect": source_text(data["feedback_incorrect"]),
        }
    raise ValueError(f"Unknown demo block {kind!r}")


@transaction.atomic
def _ensure_lesson(index: LessonIndexPage, data: dict, topics: dict, *, log: Log) -> LessonPage:
    slug = source_text(data["slug"])
    lesson = LessonPage.objects.child_of(index).filter(slug=slug).first()
    if lesson is not None:
        log(f"Lesson: exists (“{lesson.title}”)")
        return lesson
    lesson = LessonPage(
        title=source_text(data["title"]),
        slug=slug,
        summary=source_text(data["summary"]),
        level=data["level"],
        body=[(kind, _block(kind, value)) for kind, value in data["body"]],
    )
    index.add_child(instance=lesson)
    lesson.topics.set([topics[slug] for slug in data["topics"]])
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    log(
        f"Lesson: created (“{lesson.title}”, {lesson.level}, easy-language score "
        f"{lesson.easy_language_score}: {lesson.easy_language_grade})"
    )
    return lesson


@transaction.atomic
def _ensure_course(index: LessonIndexPage, lessons: dict, *, log: Log) -> CoursePage:
    slug = source_text(texts.COURSE["slug"])
    course = CoursePage.objects.child_of(index).filter(slug=slug).first()
    if course is not None:
        log(f"Course: exists (“{course.title}”)")
        return course
    course = CoursePage(
        title=source_text(texts.COURSE["title"]),
        slug=slug,
        intro=source_text(texts.COURSE["intro"]),
        lessons=[("lesson", lessons[key]) for key in texts.COURSE["lessons"]],
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    log(f"Course: created (“{course.title}”, {len(texts.COURSE['lessons'])} lessons)")
    return course
