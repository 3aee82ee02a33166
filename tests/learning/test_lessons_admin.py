"""Lessons in the admin: the score is kept on every save, editors see why a text is hard,
publishing a hard lesson warns (or, by setting, is refused without losing the draft)."""

from io import StringIO

import pytest
from django.contrib.messages import get_messages
from django.core.management import call_command
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield
from wagtail.users.models import UserProfile
from wagtail_factories import DocumentFactory

from learning import easy_language
from learning.blocks import AudioBlock, QuizQuestionBlock
from learning.factories import LessonPageFactory, easy_text
from learning.models import LessonIndexPage, LessonPage
from tests.learning.test_easy_language import HARD

pytestmark = pytest.mark.django_db

EASY_BG = "Носете документ. Пазете копие у дома."


def bg_index() -> LessonIndexPage:
    return LessonIndexPage.objects.get(locale__language_code="bg")


@pytest.fixture
def lesson() -> LessonPage:
    page = LessonPageFactory(parent=bg_index(), body=easy_text(EASY_BG))
    page.save_revision().publish()
    return page


def editor(client, user, language: str):
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    return client


def edit_form(lesson: LessonPage, body_html: str, *, action: str = "") -> dict:
    data = {
        "title": lesson.title,
        "slug": lesson.slug,
        "summary": lesson.summary,
        "level": lesson.level,
        "body": streamfield([("easy_text", rich_text(body_html))]),
        "related_lessons": streamfield([]),
    }
    if action:
        data[action] = action
    return nested_form_data(data)


def test_score_grade_and_reading_time_are_stored_on_save(lesson):
    assert (lesson.easy_language_grade, lesson.easy_language_score) == (easy_language.EASY, 100)
    assert lesson.reading_time_minutes == 1

    lesson.body = easy_text(HARD["bg"])
    lesson.save_revision().publish()

    lesson.refresh_from_db()
    assert lesson.easy_language_grade == easy_language.HARD
    assert lesson.easy_language_score < 60


def test_a_draft_revision_keeps_its_own_score_until_published(lesson):
    lesson.body = easy_text(HARD["bg"])
    revision = lesson.save_revision()

    lesson.refresh_from_db()
    assert lesson.easy_language_grade == easy_language.EASY  # the live text
    assert revision.content["easy_language_grade"] == easy_language.HARD  # the draft's


def test_reading_time_follows_the_length_of_the_text():
    long_text = " ".join(["Това е кратко изречение за урока."] * 60)  # 360 words

    page = LessonPageFactory(parent=bg_index(), body=easy_text(long_text))

    assert page.reading_time_minutes == 4  # 360 words at 100 words a minute


def test_every_text_block_is_scored(lesson):
    lesson.body = [
        ("key_word", {"word": "жалба", "explanation": HARD["bg"]}),
        ("tip", {"kind": "tip", "text": "Кратък съвет."}),
    ]
    report = lesson.easy_language_report()

    assert report.sentences[0].text == lesson.summary.split(". ")[0] + "."
    assert any(sentence.text == HARD["bg"] for sentence in report.sentences)
    assert "Кратък съвет." in [sentence.text for sentence in report.sentences]


def test_publishing_a_hard_lesson_warns_the_editor(english_editor, lesson):
    response = english_editor.post(
        f"/admin/pages/{lesson.pk}/edit/",
        edit_form(lesson, f"<p>{HARD['bg']}</p>", action="action-publish"),
    )

    assert response.status_code == 302
    lesson.refresh_from_db()
    assert lesson.live and lesson.easy_language_grade == easy_language.HARD
    warnings = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]
    assert any("is hard to read for language learners" in message for message in warnings)


def test_publishing_an_easy_lesson_does_not_warn(english_editor, lesson):
    response = english_editor.post(
        f"/admin/pages/{lesson.pk}/edit/",
        edit_form(lesson, "<p>Кратко изречение. Още едно.</p>", action="action-publish"),
    )

    assert response.status_code == 302
    assert not [m for m in get_messages(response.wsgi_request) if m.level_tag == "warning"]


def test_a_setting_keeps_hard_lessons_from_being_published_without_losing_the_draft(
    english_editor, lesson, settings
):
    settings.EASY_LANGUAGE_BLOCK_HARD_LESSONS = True

    response = english_editor.post(
        f"/admin/pages/{lesson.pk}/edit/",
        edit_form(lesson, f"<p>{HARD['bg']}</p>", action="action-publish"),
    )

    assert response.status_code == 302
    assert response["Location"] == f"/admin/pages/{lesson.pk}/edit/"
    lesson.refresh_from_db()
    assert lesson.easy_language_grade == easy_language.EASY  # the live text did not change
    draft = lesson.get_latest_revision()
    assert HARD["bg"] in draft.as_object().readable_paragraphs()  # the editor's text is kept
    assert draft.content["easy_language_grade"] == easy_language.HARD
    errors = [m.message for m in get_messages(response.wsgi_request) if m.level_tag == "error"]
    assert any("was saved as a draft but not published" in message for message in errors)


def test_the_editor_panel_shows_score_and_offending_sentences_in_the_editors_language(
    client, admin_user, lesson
):
    lesson.body = easy_text(HARD["bg"])
    lesson.save_revision()

    english = editor(client, admin_user, "en").get(f"/admin/pages/{lesson.pk}/edit/")
    assert english.status_code == 200
    html = english.content.decode()
    assert "Easy-language check" in html
    assert HARD["bg"][:40] in html
    assert "words; keep sentences to 15 words or fewer" in html

    bulgarian = editor(client, admin_user, "bg").get(f"/admin/pages/{lesson.pk}/edit/")
    assert "думи; изреченията да са до 15 думи" in bulgarian.content.decode()


def test_the_live_preview_checks_the_text_being_typed(english_editor, lesson):
    preview_url = f"/admin/pages/{lesson.pk}/edit/preview/"
    unsaved = edit_form(lesson, f"<p>{HARD['bg']}</p>")

    stored = english_editor.post(preview_url, unsaved)
    assert stored.json()["is_valid"] is True
    response = english_editor.get(preview_url, {"mode": "easy-language"})

    assert response.status_code == 200
    html = response.content.decode()
    assert "Hard:" in html and "of 100" in html
    assert HARD["bg"][:40] in html
    lesson.refresh_from_db()
    assert lesson.easy_language_grade == easy_language.EASY  # nothing was saved


def test_lessons_are_listed_in_the_admin_with_their_scores(english_editor, lesson):
    lesson.body = easy_text(HARD["bg"])
    lesson.save_revision().publish()

    everything = english_editor.get("/admin/lessons/")
    assert everything.status_code == 200
    assert lesson.title in everything.content.decode()

    hard_only = english_editor.get("/admin/lessons/", {"easy_language_grade": "hard"})
    html = hard_only.content.decode()
    assert lesson.title in html
    assert "Keep your documents safe" not in html

    hardest_first = english_editor.get("/admin/lessons/", {"ordering": "easy_language_score"})
    html = hardest_first.content.decode()
    assert html.index(lesson.title) < html.index("Keep your documents safe")


def test_score_lessons_rescores_after_the_thresholds_change(settings):
    settings.EASY_LANGUAGE_THRESHOLDS = {
        "bg": {"max_words_per_sentence": 3, "target_average_words": 2.0}
    }
    out, err = StringIO(), StringIO()

    call_command("score_lessons", "--language", "bg", stdout=out, stderr=err)

    bulgarian = LessonPage.objects.filter(locale__language_code="bg")
    assert not bulgarian.filter(easy_language_grade=easy_language.EASY).exists()
    assert LessonPage.objects.filter(locale__language_code="en", easy_language_grade="easy")
    assert f"Scored {bulgarian.count()} lessons" in out.getvalue()
    assert f"{bulgarian.count()} changed" in out.getvalue()
    assert "100%" in err.getvalue()  # the progress bar


def test_score_lessons_refuses_an_unknown_language():
    with pytest.raises(Exception, match="'xx' is not one of the platform's languages"):
        call_command("score_lessons", "--language", "xx", stdout=StringIO(), stderr=StringIO())


def test_translations_keep_level_and_topics_and_are_scored_in_their_own_language():
    source = LessonPage.objects.get(locale__language_code="bg", slug="speshen-nomer-112")
    arabic = LessonPage.objects.get(
        locale__language_code="ar", translation_key=source.translation_key
    )

    assert arabic.level == source.level
    assert set(arabic.topics.values_list("slug", flat=True)) == {"health", "rights"}
    report = arabic.easy_language_report()
    assert report.language == "ar"
    assert any("اتصل بالرقم 112" in sentence.text for sentence in report.sentences)


def test_a_quiz_needs_a_correct_answer():
    block = QuizQuestionBlock()
    value = block.to_python(
        {
            "question": "Кога?",
            "options": [
                {"text": "Сега", "is_correct": False},
                {"text": "Утре", "is_correct": False},
            ],
            "feedback_correct": "Да.",
            "feedback_incorrect": "Не.",
        }
    )

    with pytest.raises(Exception) as error:
        block.clean(value)
    assert "options" in error.value.block_errors


def test_audio_must_be_an_audio_file():
    block = AudioBlock()
    document = DocumentFactory(file__filename="notes.pdf")

    with pytest.raises(Exception) as error:
        block.clean(block.to_python({"audio": document.pk, "title": "Урок", "transcript": ""}))
    assert "audio" in error.value.block_errors

    sound = DocumentFactory(file__filename="lesson.mp3")
    assert block.clean(block.to_python({"audio": sound.pk, "title": "Урок", "transcript": ""}))


# Three demo lessons read above A2 by vocabulary: Bulgarian greetings written in Arabic or
# Ukrainian letters, and "metro" and "tram" in Arabic, are rare in wordfreq's lists.
# Measured and open in docs/easy-language.md.
DEMO_MISSES = {
    ("ar", "public-transport-in-sofia"),
    ("ar", "first-words-in-bulgarian"),
    ("uk", "pershi-slova-bolharskoiu"),
}


def test_every_demo_lesson_stays_easy_in_every_language():
    lessons = LessonPage.objects.select_related("locale")

    assert lessons.count() >= 7
    missed = set()
    for lesson in lessons:
        if lesson.easy_language_grade != easy_language.EASY:
            missed.add((lesson.locale.language_code, lesson.slug))
            continue
        assert lesson.easy_language_cefr in ("A1", "A2"), lesson
    assert missed <= DEMO_MISSES, missed


def test_the_estimated_level_is_stored_shown_beside_the_chosen_one_and_warned_about(
    client, admin_user, lesson
):
    assert lesson.easy_language_cefr == "A1"
    legal = "Сезирайте компетентния съд. Искът е преклузивен. Липсва процесуална легитимация."
    lesson.body = easy_text(legal)
    lesson.save_revision().publish()
    lesson.refresh_from_db()
    assert lesson.easy_language_cefr == "C1"
    assert lesson.easy_language_grade != easy_language.EASY  # short sentences, rare words

    html = editor(client, admin_user, "en").get(f"/admin/pages/{lesson.pk}/edit/").content
    html = html.decode()
    assert "Reads at level C1. Chosen level: A1." in html
    assert "two levels or more above the level chosen for it (A1)" in html
    assert "Rare words" in html and '<span lang="bg">преклузивен</span>' in html
    assert "This sentence has 2 rare words (процесуална, легитимация)" in html

    bulgarian = editor(client, admin_user, "bg").get(f"/admin/pages/{lesson.pk}/edit/")
    assert "Редки думи" in bulgarian.content.decode()


def test_key_words_the_lesson_explains_are_not_rare(lesson):
    lesson.body = [
        *easy_text("Срокът е преклузивен."),
        ("key_word", {"word": "преклузивен", "explanation": "След този ден е късно."}),
    ]
    lesson.save_revision().publish()

    assert lesson.easy_language_report().rare_words == ()
    lesson.body = easy_text("Срокът е преклузивен.")
    assert [r.word for r in lesson.easy_language_report().rare_words] == ["преклузивен"]


def test_the_api_exposes_and_filters_by_the_estimated_level(client, lesson):
    lesson.body = easy_text(HARD["bg"])
    lesson.save_revision().publish()

    listed = client.get("/api/v1/lessons/", {"lang": "bg", "estimated_level": "B2"}).json()
    assert [item["id"] for item in listed["results"]] == [lesson.pk]
    assert listed["results"][0]["estimated_level"] == "B2"
    easy = client.get("/api/v1/lessons/", {"lang": "bg", "estimated_level": "A1"}).json()
    assert lesson.pk not in [item["id"] for item in easy["results"]]
    wrong = client.get("/api/v1/lessons/", {"lang": "bg", "estimated_level": "Z9"})
    assert wrong.status_code == 400 and "estimated_level" in str(wrong.json())


def test_admin_lessons_filter_by_the_estimated_level(english_editor, lesson):
    lesson.body = easy_text(HARD["bg"])
    lesson.save_revision().publish()

    html = english_editor.get("/admin/lessons/", {"easy_language_cefr": "B2"}).content.decode()
    assert lesson.title in html
    assert "Keep your documents safe" not in html
