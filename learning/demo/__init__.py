"""Demo content for lessons: topics, the lesson index, eight lessons and a course.

Idempotent like the core's loader: what exists is left alone, what is missing is created,
and translations go through wagtail-localize (cms.services.translate_from_catalog)."""

from collections.abc import Callable

from django.db import transaction
from django.utils.html import escape
from wagtail.models import Locale

from cms import languages, services
from cms.demo import build_catalog
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
        _ensure_translations(topic, every_language, texts.TOPICS, log=log, label=topic.slug)
    _ensure_translations(index, every_language, texts.INDEX, log=log, label=index.title)
    for lesson in lessons.values():
        _ensure_translations(lesson, LESSON_LANGUAGES, texts.LESSONS, log=log, label=lesson.title)
    _ensure_translations(course, LESSON_LANGUAGES, texts.COURSE, log=log, label=course.title)


def _source(text: dict[str, str]) -> str:
    return text[languages.source_language().code]


@transaction.atomic
def _ensure_topic(slug: str, locale: Locale, *, log: Log) -> Topic:
    topic, created = Topic.objects.get_or_create(
        slug=slug, locale=locale, defaults={"name": _source(texts.TOPICS[slug])}
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
        title=_source(texts.INDEX["title"]),
        slug=_source(texts.INDEX["slug"]),
        intro=_source(texts.INDEX["intro"]),
    )
    home.add_child(instance=index)
    index.save_revision().publish()
    log(f"Lesson index: created (“{index.title}”)")
    return index


def _block(kind: str, data) -> dict | str:
    if kind == "easy_text":
        return "".join(f"<p>{escape(_source(paragraph))}</p>" for paragraph in data)
    if kind == "key_word":
        return {"word": _source(data["word"]), "explanation": _source(data["explanation"])}
    if kind == "step_by_step":
        return {"title": _source(data["title"]), "steps": [_source(s) for s in data["steps"]]}
    if kind == "contact":
        return {
            "name": _source(data["name"]),
            "address": _source(data["address"]) if "address" in data else "",
            "phone": data.get("phone", ""),
            "opening_hours": _source(data["opening_hours"]) if "opening_hours" in data else "",
            "map_link": data.get("map_link", ""),
            "website": data.get("website", ""),
        }
    if kind == "tip":
        return {"kind": data["kind"], "text": _source(data["text"])}
    if kind == "quiz":
        return {
            "question": _source(data["question"]),
            "options": [
                {"text": _source(text), "is_correct": correct} for text, correct in data["options"]
            ],
            "feedback_correct": _source(data["feedback_correct"]),
            "feedback_incorrect": _source(data["feedback_incorrect"]),
        }
    raise ValueError(f"Unknown demo block {kind!r}")


@transaction.atomic
def _ensure_lesson(index: LessonIndexPage, data: dict, topics: dict, *, log: Log) -> LessonPage:
    slug = _source(data["slug"])
    lesson = LessonPage.objects.child_of(index).filter(slug=slug).first()
    if lesson is not None:
        log(f"Lesson: exists (“{lesson.title}”)")
        return lesson
    lesson = LessonPage(
        title=_source(data["title"]),
        slug=slug,
        summary=_source(data["summary"]),
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
    slug = _source(texts.COURSE["slug"])
    course = CoursePage.objects.child_of(index).filter(slug=slug).first()
    if course is not None:
        log(f"Course: exists (“{course.title}”)")
        return course
    course = CoursePage(
        title=_source(texts.COURSE["title"]),
        slug=slug,
        intro=_source(texts.COURSE["intro"]),
        lessons=[("lesson", lessons[key]) for key in texts.COURSE["lessons"]],
    )
    index.add_child(instance=course)
    course.save_revision().publish()
    log(f"Course: created (“{course.title}”, {len(texts.COURSE['lessons'])} lessons)")
    return course


def _ensure_translations(instance, codes: list[str], data, *, log: Log, label: str) -> None:
    existing = set(instance.get_translations().values_list("locale__language_code", flat=True))
    missing = [code for code in codes if code not in existing]
    for code in missing:
        services.translate_from_catalog(
            instance=instance, language_code=code, catalog=build_catalog(data, code)
        )
    if missing:
        log(f"  {label} → {', '.join(missing)}: translated")
