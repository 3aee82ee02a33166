"""Read aloud: narration made on publish by the task worker in each language, remade only
when the text changes, sentence timings in page order, a person's recording in its place,
and taken down with the page."""

import subprocess
from io import StringIO

import imageio_ffmpeg
import pytest
from bs4 import BeautifulSoup
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage, storages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django_tasks_db.management.commands import db_worker
from django_tasks_db.models import DBTaskResult

from campaigns.stories import services as stories
from campaigns.stories.models import ConsentRecord, StoryPage
from cms.narration import services, speech, text
from cms.narration.models import Narration, NarrationSource, NarrationStatus
from learning.easy_language.text import sentences as lesson_sentences
from learning.factories import LessonPageFactory, easy_text
from learning.models import LessonIndexPage, LessonPage

pytestmark = pytest.mark.django_db

TEXTS = {
    "bg": (
        "При личния лекар",
        "Личният лекар помага, когато сте болни.",
        ["Запишете се при лекар. Вземете личната си карта.", "Лекарят работи в кабинет."],
    ),
    "ar": (
        "عند الطبيب",
        "الطبيب يساعدك عندما تمرض.",
        ["سجل عند طبيب. خذ بطاقتك الشخصية.", "الطبيب يعمل في عيادة."],
    ),
    "fa": (
        "نزد پزشک",
        "پزشک به شما کمک می‌کند وقتی بیمار هستید.",
        ["نزد یک پزشک ثبت نام کنید. کارت شناسایی خود را ببرید.", "پزشک در مطب کار می‌کند."],
    ),
}


@pytest.fixture(autouse=True)
def no_queued_narration():
    """The demo content queued narration for its pages; these tests run their own only."""
    DBTaskResult.objects.filter(backend_name="narration").delete()


@pytest.fixture
def run_narration_worker(django_capture_on_commit_callbacks, monkeypatch):
    """The task worker, as `manage.py db_worker --backend narration` runs it (what it does
    once committed, such as deleting replaced files, happens too).

    The test runs inside one transaction (rolled back after it); between tasks the worker
    closes a connection that is not in autocommit mode, which would end the test's own on
    PostgreSQL, so here it keeps it (tests/campaigns/videos runs its worker in a
    transactional test instead)."""
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    def run() -> None:
        with django_capture_on_commit_callbacks(execute=True):
            call_command(
                "db_worker",
                "--batch",
                "--backend",
                "narration",
                "--no-startup-delay",
                stdout=StringIO(),
            )

    return run


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()
    page.refresh_from_db()
    return page


def lesson_in(language: str, django_capture_on_commit_callbacks) -> LessonPage:
    title, summary, paragraphs = TEXTS[language]
    index = LessonIndexPage.objects.get(locale__language_code=language)
    lesson = LessonPageFactory(
        parent=index, title=title, summary=summary, body=easy_text(*paragraphs)
    )
    return publish(lesson, django_capture_on_commit_callbacks)


def expected_sentences(language: str) -> list[str]:
    title, summary, paragraphs = TEXTS[language]
    found = [title]
    for paragraph in [summary, *paragraphs]:
        found += lesson_sentences(paragraph, language)
    return found


def seconds_of(audio: bytes) -> float:
    return speech.duration_of(audio)


@pytest.mark.parametrize("language", ["bg", "ar", "fa"])
def test_publishing_a_lesson_makes_its_narration_with_timings_for_every_sentence(
    run_narration_worker, language, django_capture_on_commit_callbacks
):
    lesson = lesson_in(language, django_capture_on_commit_callbacks)
    assert Narration.objects.get(page=lesson).status == NarrationStatus.PENDING
    assert DBTaskResult.objects.filter(backend_name="narration").count() == 1

    run_narration_worker()

    narration = Narration.objects.get(page=lesson)
    assert narration.status == NarrationStatus.READY, narration.error
    assert narration.source == NarrationSource.MACHINE
    assert narration.voice == language
    audio = narration.audio.read()
    assert audio[:4] == b"OggS" and b"OpusHead" in audio[:100]
    assert narration.size_bytes == len(audio)
    # Every sentence, in page order, each after the one before, inside the audio.
    assert [s["text"] for s in narration.sentences] == expected_sentences(language)
    starts = [s["start"] for s in narration.sentences]
    assert starts == sorted(starts) and len(set(starts)) == len(starts)
    assert all(s["end"] > s["start"] for s in narration.sentences)
    pairs = zip(narration.sentences, narration.sentences[1:], strict=False)
    assert all(a["end"] <= b["start"] for a, b in pairs)
    assert narration.sentences[-1]["end"] <= narration.duration_seconds
    assert seconds_of(audio) == pytest.approx(narration.duration_seconds, abs=0.2)
    timings = narration.timings.read().decode()
    assert expected_sentences(language)[-1] in timings


def test_narration_is_remade_when_the_text_changes_and_not_when_nothing_changed(
    run_narration_worker,
    django_capture_on_commit_callbacks,
):
    lesson = lesson_in("bg", django_capture_on_commit_callbacks)
    run_narration_worker()
    first = Narration.objects.get(page=lesson)
    first_audio = first.audio.name

    publish(lesson, django_capture_on_commit_callbacks)  # the same text again
    assert DBTaskResult.objects.filter(backend_name="narration").count() == 1
    assert Narration.objects.get(page=lesson).audio.name == first_audio

    lesson.summary = "Личният лекар е вашият първи лекар."
    publish(lesson, django_capture_on_commit_callbacks)
    assert DBTaskResult.objects.filter(backend_name="narration").count() == 2
    run_narration_worker()
    second = Narration.objects.get(page=lesson)
    assert second.status == NarrationStatus.READY
    assert second.audio.name != first_audio
    assert second.sentences[1]["text"] == "Личният лекар е вашият първи лекар."
    assert not default_storage.exists(first_audio)  # the old file is gone


def test_a_newer_publish_supersedes_a_queued_narration(
    run_narration_worker, django_capture_on_commit_callbacks
):
    lesson = lesson_in("bg", django_capture_on_commit_callbacks)
    old_hash = Narration.objects.get(page=lesson).text_hash
    lesson.summary = "Друго резюме."
    publish(lesson, django_capture_on_commit_callbacks)
    assert services.make_narration(page_id=lesson.pk, text_hash=old_hash) is None
    run_narration_worker()
    assert Narration.objects.get(page=lesson).sentences[1]["text"] == "Друго резюме."


def spoken_wav() -> bytes:
    done = subprocess.run(
        [
            imageio_ffmpeg.get_ffmpeg_exe(),
            "-hide_banner",
            "-f",
            "lavfi",
            "-i",
            "sine=frequency=220:duration=3",
            "-f",
            "wav",
            "pipe:1",
        ],
        capture_output=True,
        check=True,
    )
    return done.stdout


def test_a_persons_recording_replaces_the_machine_voice_and_is_labelled(
    run_narration_worker, client, django_capture_on_commit_callbacks
):
    lesson = lesson_in("bg", django_capture_on_commit_callbacks)
    run_narration_worker()
    with django_capture_on_commit_callbacks(execute=True):
        services.attach_recording(
            narration=Narration.objects.get(page=lesson),
            upload=ContentFile(spoken_wav(), name="reading.wav"),
        )
    run_narration_worker()
    narration = Narration.objects.get(page=lesson)
    assert narration.status == NarrationStatus.READY
    assert narration.source == NarrationSource.HUMAN
    assert narration.sentences == []
    assert narration.duration_seconds == pytest.approx(3, abs=0.2)
    assert narration.audio.read()[:4] == b"OggS"
    # The upload itself stays private: no URL reaches it.
    assert storages["private"].exists(narration.recording.name)
    page = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    assert "Чете човек." in page.select_one(".narration").get_text()  # "Read by a person."

    with django_capture_on_commit_callbacks(execute=True):
        services.remove_recording(narration=narration)
    run_narration_worker()
    narration.refresh_from_db()
    assert narration.source == NarrationSource.MACHINE and narration.sentences


def test_the_lesson_page_plays_narration_on_demand(
    run_narration_worker, client, django_capture_on_commit_callbacks
):
    lesson = lesson_in("bg", django_capture_on_commit_callbacks)
    assert not BeautifulSoup(client.get(lesson.url).content, "html.parser").select("audio")
    run_narration_worker()
    narration = Narration.objects.get(page=lesson)
    page = BeautifulSoup(client.get(lesson.url).content, "html.parser")
    audio = page.select_one(".narration audio")
    assert audio["src"] == narration.audio.url
    assert audio["preload"] == "none"  # nothing is downloaded before the reader asks
    assert page.select_one("[data-narration]")["data-timings"] == narration.timings.url
    assert "Машинен глас" in page.select_one(".narration").get_text()  # "Machine voice"


def test_a_language_without_a_voice_gets_no_player_and_the_admin_says_so(
    run_narration_worker, client, settings, django_capture_on_commit_callbacks
):
    settings.NARRATION_VOICES = {"bg": "bg"}
    lesson = lesson_in("fa", django_capture_on_commit_callbacks)
    run_narration_worker()
    narration = Narration.objects.get(page=lesson)
    assert narration.status == NarrationStatus.NO_VOICE
    assert narration.error == "NARRATION_VOICES has no voice for fa"
    assert not BeautifulSoup(client.get(lesson.url).content, "html.parser").select(".narration")


def test_espeak_failing_is_recorded_and_the_page_still_works(
    run_narration_worker, client, settings, django_capture_on_commit_callbacks
):
    settings.NARRATION_ESPEAK = "false"  # a program that runs and fails
    lesson = lesson_in("bg", django_capture_on_commit_callbacks)
    run_narration_worker()
    narration = Narration.objects.get(page=lesson)
    assert narration.status == NarrationStatus.FAILED
    assert "espeak-ng failed" in narration.error
    response = client.get(lesson.url)
    assert response.status_code == 200
    page = BeautifulSoup(response.content, "html.parser")
    assert not page.select(".narration") and not page.select("audio")


def test_unpublishing_takes_the_audio_down(
    run_narration_worker, django_capture_on_commit_callbacks
):
    lesson = lesson_in("bg", django_capture_on_commit_callbacks)
    run_narration_worker()
    narration = Narration.objects.get(page=lesson)
    files = [narration.audio.name, narration.timings.name]
    with django_capture_on_commit_callbacks(execute=True):
        lesson.unpublish()
    assert not any(default_storage.exists(name) for name in files)
    assert not Narration.objects.get(page=lesson).audio


def test_a_withdrawn_story_leaves_no_narration_behind(
    run_narration_worker, django_capture_on_commit_callbacks
):
    story = StoryPage.objects.get(locale__language_code="bg", slug="olimpiyska-mechta")
    publish(story, django_capture_on_commit_callbacks)
    run_narration_worker()
    narration = Narration.objects.get(page=story)
    assert narration.status == NarrationStatus.READY
    assert narration.sentences[0]["text"] == story.title
    files = [narration.audio.name, narration.timings.name]
    with django_capture_on_commit_callbacks(execute=True):
        stories.withdraw_consent(record=ConsentRecord.objects.get(story=story))
    assert not any(default_storage.exists(name) for name in files)
    assert not Narration.objects.filter(page_id=story.pk, status=NarrationStatus.READY).exists()


def test_a_very_long_sentence_is_read_in_pieces():
    sentence = ", ".join(["дълга част от изречението"] * 40) + "."
    pieces = text.sentences([sentence], "bg")
    assert len(pieces) > 1
    assert all(len(piece) <= text.MAX_SENTENCE_CHARACTERS for piece in pieces)
    assert " ".join(pieces).replace(" ", "") == sentence.replace(" ", "")


def test_the_audio_is_small(run_narration_worker, django_capture_on_commit_callbacks):
    lesson = lesson_in("bg", django_capture_on_commit_callbacks)
    run_narration_worker()
    narration = Narration.objects.get(page=lesson)
    bytes_per_minute = narration.size_bytes / (narration.duration_seconds / 60)
    assert bytes_per_minute < 55_000  # 6 kbit/s Opus is about 43 KB a minute


# --- The admin -------------------------------------------------------------------------


def test_the_admin_lists_each_narrations_state_and_why_it_failed(
    run_narration_worker, english_editor, settings, django_capture_on_commit_callbacks
):
    settings.NARRATION_VOICES = {"bg": "bg"}
    lesson_in("fa", django_capture_on_commit_callbacks)
    run_narration_worker()
    listing = english_editor.get("/admin/narration/?status=no_voice")
    assert listing.status_code == 200
    text = BeautifulSoup(listing.content, "html.parser").get_text()
    assert "نزد پزشک" in text and "There is no machine voice for" in text
    assert b"/admin/narration/new/" not in listing.content  # made by publishing, not here


def test_an_editor_uploads_a_recording_and_bad_files_are_refused(
    run_narration_worker, english_editor, django_capture_on_commit_callbacks
):
    lesson = lesson_in("bg", django_capture_on_commit_callbacks)
    run_narration_worker()
    narration = Narration.objects.get(page=lesson)
    url = f"/admin/narration/edit/{narration.pk}/"
    refused = english_editor.post(
        url, {"recording": SimpleUploadedFile("reading.mp3", b"not sound at all")}
    )
    assert refused.status_code == 200
    assert "no sound we can read" in refused.content.decode()
    assert not Narration.objects.get(pk=narration.pk).recording

    with django_capture_on_commit_callbacks(execute=True):
        saved = english_editor.post(
            url, {"recording": SimpleUploadedFile("reading.wav", spoken_wav())}
        )
    assert saved.status_code == 302
    run_narration_worker()
    assert Narration.objects.get(pk=narration.pk).source == NarrationSource.HUMAN


def test_the_lesson_api_gives_the_narration_with_its_timings(
    run_narration_worker, client, django_capture_on_commit_callbacks
):
    lesson = lesson_in("ar", django_capture_on_commit_callbacks)
    assert client.get(f"/api/v1/lessons/{lesson.pk}/").json()["narration"] is None
    run_narration_worker()
    narration = Narration.objects.get(page=lesson)
    given = client.get(f"/api/v1/lessons/{lesson.pk}/").json()["narration"]
    assert given["url"].endswith(narration.audio.url)
    assert given["timings_url"].endswith(narration.timings.url)
    assert given["read_by"] == "machine"
    assert given["bytes"] == narration.size_bytes
    assert [s["text"] for s in given["sentences"]] == expected_sentences("ar")


def test_the_lesson_edit_page_shows_the_narration_state(
    run_narration_worker, english_editor, settings, django_capture_on_commit_callbacks
):
    settings.NARRATION_ESPEAK = "false"
    lesson = lesson_in("bg", django_capture_on_commit_callbacks)
    edit = english_editor.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert "The narration is being made" in edit
    run_narration_worker()
    edit = english_editor.get(f"/admin/pages/{lesson.pk}/edit/").content.decode()
    assert "espeak-ng failed" in edit
    assert f"/admin/narration/edit/{Narration.objects.get(page=lesson).pk}/" in edit
