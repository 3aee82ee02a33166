"""What readers get: the lesson index with filters and search, lessons, the quiz without
JavaScript, courses, and the offline-reading service worker."""

import pytest
from bs4 import BeautifulSoup
from django.db import connection
from django.test.utils import CaptureQueriesContext

from learning.factories import LessonPageFactory
from learning.models import LessonIndexPage, LessonPage
from tests.learning.test_easy_language import HARD

pytestmark = pytest.mark.django_db


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def titles(response) -> list[str]:
    return [a.get_text(strip=True) for a in soup_of(response).select(".lesson-list h3 a")]


def lesson(code: str, key_slug: str) -> LessonPage:
    source = LessonPage.objects.get(locale__language_code="bg", slug=key_slug)
    return LessonPage.objects.get(
        translation_key=source.translation_key, locale__language_code=code
    )


# --- The index ------------------------------------------------------------------------


def test_index_lists_every_lesson_in_the_readers_language_with_topics_in_it(client):
    response = client.get("/ar/lessons/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert len(titles(response)) == 8
    assert "رقم الطوارئ 112" in titles(response)
    card = next(c for c in soup.select(".card") if "رقم الطوارئ 112" in c.get_text())
    assert {t.get_text() for t in card.select(".topic")} == {"الصحة", "الحقوق والحماية"}
    assert not soup.select(".fallback-tag")


def test_index_falls_back_lesson_by_lesson_and_marks_each_fallback(client):
    response = client.get("/fa/lessons/")  # no Farsi lessons: Farsi falls back to English

    soup = soup_of(response)
    assert soup.html["dir"] == "rtl"
    assert "Emergency number 112" in titles(response)
    link = soup.select_one(".lesson-list h3 a")
    assert (link["lang"], link["dir"]) == ("en", "ltr")
    assert len(soup.select(".fallback-tag")) == 8
    assert soup.select_one(".fallback-tag").get_text() == "به English"


def test_index_mixes_translated_lessons_with_fallbacks(client):
    lesson("uk", "speshen-nomer-112").delete()

    response = client.get("/uk/uroky/")

    assert "Екстрений номер 112" not in titles(response)
    assert "Emergency number 112" in titles(response)  # uk → en
    assert "Бережіть свої документи" in titles(response)
    assert len(soup_of(response).select(".fallback-tag")) == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"level": "B1"}, ["If you face discrimination"]),
        ({"topic": "health"}, ["Emergency number 112", "Going to the doctor"]),
        ({"topic": "health", "level": "A2"}, ["Going to the doctor"]),
        ({"topic": "housing"}, []),
        ({"reads_at": "B2"}, []),
        ({"reads_at": "A1", "level": "B1"}, []),
    ],
)
def test_index_filters_by_topic_and_level(client, query, expected):
    response = client.get("/en/lessons/", query)

    assert response.status_code == 200
    assert titles(response) == expected


@pytest.mark.parametrize(
    "query",
    [
        {"level": "Z"},
        {"level": "A1' OR 1=1"},
        {"topic": "no-such-topic"},
        {"page": "abc"},
        {"page": "0"},
        {"page": "-3"},
        {"q": "x" * 101},
        {"reads_at": "C2"},
        {"topic": ["health", "work"], "level": ["A1", "<script>"]},
    ],
)
def test_bad_filter_values_answer_400_with_a_message_and_all_lessons(client, query):
    response = client.get("/en/lessons/", query)

    assert response.status_code == 400
    soup = soup_of(response)
    assert "not valid" in soup.select_one(".form-errors").get_text()
    assert len(titles(response)) == 8
    assert "<script>" not in response.content.decode().split("</form>")[1]


def test_a_page_number_past_the_end_shows_the_last_page(client, settings):
    settings.LESSONS_PER_PAGE = 3

    response = client.get("/en/lessons/", {"page": "99"})

    assert response.status_code == 200
    assert len(titles(response)) == 2  # 8 lessons: pages of 3, 3 and 2
    assert "Page 3 of 3" in response.content.decode()


def test_pagination_links_keep_the_filters(client, settings):
    settings.LESSONS_PER_PAGE = 1

    soup = soup_of(client.get("/en/lessons/", {"topic": "health"}))

    assert soup.select_one('a[rel="next"]')["href"] == "?topic=health&page=2"


def test_the_index_runs_the_same_queries_for_8_or_40_lessons(client):
    def queries_for_index() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert client.get("/en/lessons/", {"topic": "health"}).status_code == 200
        return len(captured)

    client.get("/en/lessons/")  # warm Wagtail's site and locale caches
    with_demo_lessons = queries_for_index()
    index = LessonIndexPage.objects.get(locale__language_code="en")
    health = LessonPage.objects.get(locale__language_code="en", slug="going-to-the-doctor")
    for _ in range(32):
        extra = LessonPageFactory(parent=index, summary="More.")
        extra.topics.set(health.topics.all())

    assert queries_for_index() == with_demo_lessons


def test_search_finds_a_lesson_by_a_word_in_its_body_in_bulgarian_and_english(client):
    # "катастрофа" and "crash" appear only in the body of the emergency lesson.
    bulgarian = client.get("/bg/uroci/", {"q": "катастрофа"})
    english = client.get("/en/lessons/", {"q": "crash"})

    assert titles(bulgarian) == ["Спешен номер 112"]
    assert titles(english) == ["Emergency number 112"]


def test_search_stays_in_the_readers_language(client):
    assert titles(client.get("/en/lessons/", {"q": "катастрофа"})) == []


def test_search_combines_with_filters(client):
    response = client.get("/en/lessons/", {"q": "doctor", "level": "B1"})

    assert titles(response) == []


# --- A lesson -------------------------------------------------------------------------


def test_lesson_page_shows_its_blocks(client):
    response = client.get("/en/lessons/emergency-number-112/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one(".key-word dfn").get_text() == "emergency"
    assert soup.select_one(".contact a[href='tel:112']")
    assert soup.select_one(".steps li").get_text() == "Say what happened."
    assert soup.select_one(".tip-warning")
    assert {t.get_text() for t in soup.select(".lesson-meta .topic")} == {
        "Health",
        "Rights and protection",
    }
    assert soup.select_one(".lesson-meta").get_text(" ", strip=True).count("2 minutes") == 1
    done = soup.select_one(".lesson-done")
    assert done.has_attr("hidden")  # shown by the script only
    assert done["data-lesson-key"] == str(lesson("en", "speshen-nomer-112").translation_key)


def test_a_lesson_missing_in_the_readers_language_is_marked_with_a_translate_hint(client):
    response = client.get("/ru/lessons/emergency-number-112/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == "ru"
    assert soup.select_one("article.lesson")["lang"] == "en"
    assert "Перевести" in soup.select_one(".fallback-notice .translate-hint").get_text()


def quiz_post(client, code: str, slug: str, **data):
    page = lesson(code, slug)
    question = next(child for child in page.body if child.block_type == "quiz")
    return client.post(f"/{code}/quiz/{page.pk}/", {"question": question.id, **data})


def test_quiz_without_javascript_shows_feedback_for_a_right_answer(client):
    response = quiz_post(client, "en", "pazete-dokumentite-si", answer=["0"])

    assert response.status_code == 200
    feedback = soup_of(response).select_one(".quiz-feedback")
    assert "is-right" in feedback["class"]
    assert "Copies help if you lose a document" in feedback.get_text()
    assert soup_of(response).select_one("input[name=answer][value='0']").has_attr("checked")


def test_quiz_without_javascript_shows_feedback_for_a_wrong_answer(client):
    response = quiz_post(client, "uk", "pazete-dokumentite-si", answer=["2"])

    feedback = soup_of(response).select_one(".quiz-feedback")
    assert "is-wrong" in feedback["class"]
    assert "Зберігайте документи самі" in feedback.get_text()


def test_quiz_with_several_right_answers_needs_all_of_them(client):
    partly = quiz_post(client, "en", "speshen-nomer-112", answer=["0"])
    fully = quiz_post(client, "en", "speshen-nomer-112", answer=["0", "2"])

    assert "is-wrong" in soup_of(partly).select_one(".quiz-feedback")["class"]
    assert "is-right" in soup_of(fully).select_one(".quiz-feedback")["class"]


def test_quiz_without_an_answer_asks_for_one(client):
    response = quiz_post(client, "bg", "pazete-dokumentite-si")

    assert response.status_code == 400
    assert "Първо изберете отговор." in soup_of(response).select_one(".quiz-feedback").get_text()


@pytest.mark.parametrize("answer", ["7", "-1", "one"])
def test_quiz_refuses_answers_that_are_not_options(client, answer):
    response = quiz_post(client, "en", "pazete-dokumentite-si", answer=[answer])

    assert response.status_code == 400


def test_quiz_refuses_an_unknown_question_and_a_get(client):
    page = lesson("en", "pazete-dokumentite-si")

    unknown = client.post(f"/en/quiz/{page.pk}/", {"question": "nope", "answer": ["0"]})
    assert unknown.status_code == 400
    assert soup_of(unknown).select_one(".form-errors")
    assert client.get(f"/en/quiz/{page.pk}/").status_code == 405
    assert client.post("/en/quiz/999999/", {"question": "x"}).status_code == 404


def test_quiz_of_an_unpublished_lesson_is_not_found(client):
    page = lesson("en", "pazete-dokumentite-si")
    page.unpublish()

    assert quiz_post(client, "en", "pazete-dokumentite-si", answer=["0"]).status_code == 404


def test_quiz_forms_need_no_csrf_token_so_pages_stay_cacheable(client):
    response = client.get("/en/lessons/keep-your-documents-safe/")

    assert "csrfmiddlewaretoken" not in response.content.decode()
    assert "csrftoken" not in response.cookies
    assert "Cookie" not in response.get("Vary", "")


# --- Courses --------------------------------------------------------------------------


def test_course_lists_its_lessons_in_order_in_the_readers_language(client):
    response = client.get("/uk/uroky/pershi-tyzhni-u-sofii/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert [a.get_text() for a in soup.select(".course-lessons a")] == [
        "Бережіть свої документи",
        "Екстрений номер 112",
        "Перші слова болгарською",
        "Міський транспорт у Софії",
        "У сімейного лікаря",
        "Трудовий договір",
    ]
    progress = soup.select_one("[data-course-progress]")
    assert progress["data-total"] == "6"
    assert "%(done)s" in progress["data-template"] and "%%" not in progress["data-template"]


def test_course_falls_back_for_readers_of_other_languages(client):
    soup = soup_of(client.get("/tr/lessons/your-first-weeks-in-sofia/"))

    first = soup.select_one(".course-lessons a")
    assert first.get_text() == "Keep your documents safe"
    assert first["lang"] == "en"


# --- Offline reading ------------------------------------------------------------------


def test_service_worker_is_served_from_the_root_and_never_cached_stale(client):
    response = client.get("/sw.js")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    assert "no-cache" in response["Cache-Control"]
    script = response.content.decode()
    assert '"/static/learning/lesson.js"' in script
    assert "const MAX_PAGES = 30;" in script


def test_every_public_page_registers_the_service_worker(client):
    soup = soup_of(client.get("/bg/"))

    assert soup.select_one('script[src$="cms/site.js"][defer]')


def test_audio_loads_nothing_until_played_and_video_is_a_link(client):
    from wagtail_factories import DocumentFactory

    from learning.factories import LessonPageFactory

    sound = DocumentFactory(file__filename="greetings.mp3")
    index = LessonIndexPage.objects.get(locale__language_code="en")
    page = LessonPageFactory(
        parent=index,
        slug="listen",
        body=[
            ("audio", {"audio": sound, "title": "Listen", "transcript": "Hello. Thank you."}),
            (
                "video",
                {
                    "video": "https://www.youtube.com/watch?v=PsKrlxjdJYw",
                    "title": "We, the Others",
                    "description": "Four people talk about life in Bulgaria.",
                },
            ),
        ],
    )

    soup = soup_of(client.get(page.url))

    audio = soup.select_one("figure.audio audio")
    assert audio["preload"] == "none" and audio["src"].endswith("greetings.mp3")
    assert (
        soup.select_one("figure.audio details")
        .get_text(" ", strip=True)
        .endswith("Hello. Thank you.")
    )
    link = soup.select_one(".video-link a")
    assert link["href"] == "https://www.youtube.com/watch?v=PsKrlxjdJYw"
    assert not soup.select("iframe")  # nothing heavy loads before the reader chooses to


def test_a_lesson_can_show_a_captioned_video_from_the_library(client):
    from campaigns.videos.models import Video

    clip = Video.objects.filter(processing_status="ready").first()
    index = LessonIndexPage.objects.get(locale__language_code="uk")
    page = LessonPageFactory(parent=index, slug="video", body=[("library_video", clip)])

    soup = soup_of(client.get(page.url))

    video = soup.select_one(".video-player video")
    assert video["preload"] == "none"
    assert [t["srclang"] for t in video.select("track")] == ["en", "bg"]  # uk → en → bg


def test_index_filters_by_the_level_each_translation_reads_at(client):
    english = lesson("en", "speshen-nomer-112")
    english.body = [("easy_text", f"<p>{HARD['en']}</p>")]
    english.save_revision().publish()
    english.refresh_from_db()
    assert english.easy_language_cefr == "B2"

    response = client.get("/en/lessons/", {"reads_at": "B2"})

    assert response.status_code == 200
    assert titles(response) == [english.title]
    # The Bulgarian original still reads at A1 or A2: its index does not list it at B2.
    assert client.get("/bg/uroci/", {"reads_at": "B2"}).status_code == 200
    assert titles(client.get("/bg/uroci/", {"reads_at": "B2"})) == []
    easy_english = titles(client.get("/en/lessons/", {"reads_at": "A1"}))
    assert english.title not in easy_english and easy_english
