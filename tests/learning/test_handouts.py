"""Printable handouts: a lesson's and a course's PDF in Bulgarian, Arabic and Farsi, read
back with poppler-utils (pdftotext, pdffonts, pdfinfo): the sentences in logical order,
fonts that cover the script embedded, key words in their box, questions with room to
write, the way back to the page; cached until the page changes; never for a draft."""

import re
import subprocess
import sys

import pytest
from django.core.cache import cache

from learning.factories import CoursePageFactory, LessonPageFactory, easy_text
from learning.handouts import pdf, selectors
from learning.models import LessonIndexPage, LessonPage
from tests.campaigns.partners.test_webhooks import Receiver, cdn_at, purged

pytestmark = pytest.mark.django_db

TEXTS = {
    "bg": {
        "title": "При личния лекар",
        "summary": "Личният лекар помага, когато сте болни.",
        "paragraphs": [
            "Запишете се при лекар. Вземете личната си карта.",
            "Лекарят работи в кабинет.",
        ],
        "key_word": ("направление", "Бележка от лекаря за друг лекар."),
        "question": "Какво носите при лекаря?",
        "options": ["Лична карта", "Ключове"],
        "font": "Noto-Sans",
    },
    "ar": {
        "title": "عند الطبيب",
        "summary": "الطبيب يساعدك عندما تمرض.",
        "paragraphs": ["سجل عند طبيب. خذ بطاقتك الشخصية.", "الطبيب يعمل في عيادة."],
        "key_word": ("إحالة", "ورقة من الطبيب إلى طبيب آخر."),
        "question": "ماذا تأخذ إلى الطبيب؟",
        "options": ["بطاقة الهوية", "المفاتيح"],
        "font": "Noto-Naskh-Arabic",
    },
    "fa": {
        "title": "نزد پزشک",
        "summary": "پزشک به شما کمک می‌کند وقتی بیمار هستید.",
        "paragraphs": [
            "نزد یک پزشک ثبت نام کنید. کارت شناسایی خود را ببرید.",
            "پزشک در مطب کار می‌کند.",
        ],
        "key_word": ("ارجاع", "برگه‌ای از پزشک برای پزشک دیگر."),
        "question": "چه چیزی نزد پزشک می‌برید؟",
        "options": ["کارت شناسایی", "کلید"],
        "font": "Noto-Naskh-Arabic",
    },
}

# What pdftotext adds around right-to-left runs, and marks that carry no letters.
_INVISIBLE = re.compile(r"[\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069\s]")


def flat(text: str) -> str:
    return _INVISIBLE.sub("", text)


def lesson_in(language: str, **overrides) -> LessonPage:
    text = {**TEXTS[language], **overrides}
    word, explanation = text["key_word"]
    body = [
        *easy_text(*text["paragraphs"]),
        ("key_word", {"word": word, "explanation": explanation}),
        (
            "quiz",
            {
                "question": text["question"],
                "options": [
                    {"text": option, "is_correct": index == 0}
                    for index, option in enumerate(text["options"])
                ],
                "feedback_correct": "✓",
                "feedback_incorrect": "✗",
            },
        ),
    ]
    index = LessonIndexPage.objects.get(locale__language_code=language)
    lesson = LessonPageFactory(
        parent=index, title=text["title"], summary=text["summary"], body=body
    )
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    return lesson


def pdf_text(content: bytes, tmp_path, *, name: str = "handout.pdf") -> str:
    path = tmp_path / name
    path.write_bytes(content)
    return subprocess.run(
        ["pdftotext", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def pdf_tool(tool: str, content: bytes, tmp_path) -> str:
    path = tmp_path / "tool.pdf"
    path.write_bytes(content)
    return subprocess.run([tool, str(path)], capture_output=True, text=True, check=True).stdout


def handout(client, page, paper: str = "a4"):
    return client.get(f"/{page.locale.language_code}/handouts/{page.pk}/{paper}.pdf")


def in_order(text: str, parts: list[str]) -> bool:
    at, found = 0, flat(text)
    for part in parts:
        at = found.find(flat(part), at)
        if at < 0:
            return False
        at += len(flat(part))
    return True


@pytest.mark.parametrize("language", ["bg", "ar", "fa"])
def test_a_lessons_handout_has_its_sentences_in_order_and_fonts_for_its_script(
    client, tmp_path, language
):
    lesson = lesson_in(language)
    response = handout(client, lesson)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    text = pdf_text(response.content, tmp_path)
    expected = TEXTS[language]
    sentences = [expected["title"], expected["summary"], *expected["paragraphs"]]
    assert in_order(text, sentences), text
    # The key word in its box before the text, the question and its answers after it.
    assert in_order(text, [expected["key_word"][0], expected["key_word"][1]])
    assert in_order(text, [expected["paragraphs"][-1], expected["question"], *expected["options"]])
    # The way back: the page's address under its QR code.
    assert flat(lesson.full_url) in flat(text)
    fonts = pdf_tool("pdffonts", response.content, tmp_path)
    embedded = [line.split()[0] for line in fonts.splitlines()[2:] if " yes yes " in line]
    assert any(name.split("+")[1] == expected["font"] for name in embedded), fonts


def test_a4_and_letter(client, tmp_path):
    lesson = lesson_in("bg")
    assert "(A4)" in pdf_tool("pdfinfo", handout(client, lesson, "a4").content, tmp_path)
    assert "612 x 792 pts (letter)" in pdf_tool(
        "pdfinfo", handout(client, lesson, "letter").content, tmp_path
    )
    assert handout(client, lesson, "a5").status_code == 404


@pytest.mark.parametrize("language", ["bg", "ar", "fa"])
def test_a_courses_handout_has_every_lesson_in_course_order(client, tmp_path, language):
    first = lesson_in(language)
    second = lesson_in(
        language,
        title=TEXTS[language]["title"] + " 2",
        paragraphs=[TEXTS[language]["paragraphs"][1]],
    )
    index = LessonIndexPage.objects.get(locale__language_code=language)
    course = CoursePageFactory(
        parent=index,
        title="Курс" if language == "bg" else TEXTS[language]["title"] + " ✓",
        lessons=[("lesson", second), ("lesson", first)],
    )
    course.save_revision().publish()
    response = handout(client, course)
    assert response.status_code == 200
    text = pdf_text(response.content, tmp_path)
    assert in_order(
        text,
        [
            course.title,
            second.title,  # the list of lessons on the cover
            first.title,
            second.title,  # then each lesson, in the course's order
            TEXTS[language]["paragraphs"][1],
            first.title,
            *TEXTS[language]["paragraphs"],
        ],
    ), text
    assert "(A4)" in pdf_tool("pdfinfo", response.content, tmp_path)


def test_the_handout_is_kept_until_the_lesson_changes(client, tmp_path):
    lesson = lesson_in("bg")
    cache.clear()
    first = handout(client, lesson).content
    assert handout(client, lesson).content == first  # from the cache: the very same bytes
    lesson.summary = "Ново резюме на урока."
    lesson.save_revision().publish()
    changed = handout(client, lesson).content
    assert "Ново резюме на урока." in pdf_text(changed, tmp_path)


def test_drafts_unpublished_and_other_pages_have_no_handout(client):
    lesson = lesson_in("bg")
    draft = LessonPageFactory(parent=lesson.get_parent(), live=False)
    assert handout(client, draft).status_code == 404
    lesson.unpublish()
    assert handout(client, lesson).status_code == 404
    home = lesson.get_parent().get_parent()
    assert client.get(f"/bg/handouts/{home.pk}/a4.pdf").status_code == 404
    assert client.get("/bg/handouts/999999/a4.pdf").status_code == 404


def test_another_languages_address_leads_to_the_pages_own(client):
    lesson = lesson_in("ar")
    response = client.get(f"/en/handouts/{lesson.pk}/a4.pdf")
    assert response.status_code == 301
    assert response["Location"] == f"/ar/handouts/{lesson.pk}/a4.pdf"


def test_without_weasyprint_the_handout_says_so_and_the_lesson_still_works(
    client, monkeypatch, caplog
):
    lesson = lesson_in("bg")
    cache.clear()
    monkeypatch.setattr(pdf, "_weasyprint", None)
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # as if it were not installed
    response = handout(client, lesson)
    assert response.status_code == 503
    # "The PDF cannot be made right now", in the page's language.
    assert "PDF файлът не може да бъде направен в момента" in response.content.decode()
    assert "WeasyPrint cannot start" in caplog.text
    assert client.get(lesson.url).status_code == 200


def test_the_lesson_page_and_the_api_link_the_handouts(client):
    lesson = lesson_in("fa")
    page = client.get(lesson.url).content.decode()
    assert f"/fa/handouts/{lesson.pk}/a4.pdf" in page
    assert f"/fa/handouts/{lesson.pk}/letter.pdf" in page
    given = client.get(f"/api/v1/lessons/{lesson.pk}/").json()["handouts"]
    assert given == selectors.handout_urls(lesson)
    assert given["a4"].endswith(f"/fa/handouts/{lesson.pk}/a4.pdf")


def test_publishing_a_lesson_purges_its_handouts_and_its_courses_from_the_cdn(
    settings, django_capture_on_commit_callbacks
):
    receiver = Receiver()
    settings.WAGTAILFRONTENDCACHE = cdn_at(receiver)
    try:
        lesson = lesson_in("bg")
        course = CoursePageFactory(parent=lesson.get_parent(), lessons=[("lesson", lesson)])
        course.save_revision().publish()
        with django_capture_on_commit_callbacks(execute=True):
            lesson.save_revision().publish()
        addresses = purged(receiver)
        for page in (lesson, course):
            for paper in ("a4", "letter"):
                assert f"/bg/handouts/{page.pk}/{paper}.pdf" in addresses
        receiver.requests.clear()
        with django_capture_on_commit_callbacks(execute=True):
            lesson.unpublish()
        assert f"/bg/handouts/{lesson.pk}/a4.pdf" in purged(receiver)
    finally:
        receiver.stop()
