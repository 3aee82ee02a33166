"""Read aloud and saved for offline, in a real headless Chromium: narration highlights the
sentence being read in Arabic (right to left), a tapped sentence is read again, the voice
slows down; a course saved for offline opens lesson by lesson with the server stopped,
narration included; the lesson page with its player has no serious accessibility issue."""

import pytest

from cms.narration import services
from cms.narration.models import Narration
from learning.models import LessonPage
from tests.browser.conftest import PHONE, serious_accessibility_violations, wait_until

ARABIC_LESSON = "/ar/lessons/keep-your-documents-safe/"
COURSE = "/en/lessons/your-first-weeks-in-sofia/"
LATER_SENTENCE = """(first) => {
    const span = document.querySelector('.narration-sentence.is-reading');
    return Boolean(span) && Number(span.dataset.sentence) > first;
}"""
READING_SENTENCE = """(number) => Boolean(document.querySelector(
    `.narration-sentence.is-reading[data-sentence="${number}"]`))"""


def narrate(path: str) -> Narration:
    lesson = LessonPage.objects.get(
        url_path__endswith=path.split("/")[-2] + "/", locale__language_code=path.split("/")[1]
    )
    narration = services.request_narration(page=lesson)
    return services.make_narration(page_id=lesson.pk, text_hash=narration.text_hash) or narration


def play(page) -> None:
    page.evaluate("document.querySelector('[data-narration-audio]').play()")


def reading(page) -> int:
    """The number of the sentence highlighted now, -1 for none."""
    return page.evaluate(
        """() => {
            const span = document.querySelector('.narration-sentence.is-reading');
            return span ? Number(span.dataset.sentence) : -1;
        }"""
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_narration_highlights_each_sentence_in_arabic_and_replays_a_tapped_one(site, phone):
    narration = narrate(ARABIC_LESSON)
    assert narration.status == "ready", narration.error
    phone.goto(site + ARABIC_LESSON)
    assert phone.evaluate("getComputedStyle(document.body).direction") == "rtl"
    assert phone.locator(".narration").is_visible()
    assert narration.source == "machine"
    assert "صوت آلي" in phone.locator(".narration-about").inner_text()  # labelled, in Arabic

    play(phone)
    wait_until(phone, "document.querySelectorAll('.narration-sentence').length > 0")
    # Every sentence of the timings was found in the page, in order.
    numbers = phone.evaluate(
        "[...new Set([...document.querySelectorAll('.narration-sentence')]"
        ".map((span) => Number(span.dataset.sentence)))]"
    )
    assert numbers == list(range(len(narration.sentences)))
    wait_until(phone, "document.querySelector('.narration-sentence.is-reading')")
    first = reading(phone)
    assert first in (0, 1)
    heard = phone.locator(f'.narration-sentence[data-sentence="{first}"]').first.inner_text()
    assert heard.replace(" ", "") in narration.sentences[first]["text"].replace(" ", "")
    wait_until(phone, LATER_SENTENCE, arg=first)

    # Tapped, a sentence further down is read again from its start (a sentence of the
    # text: one inside a quiz answer's label chooses that answer instead).
    target = phone.evaluate(
        """() => Math.max(...[...document.querySelectorAll('.narration-sentence')]
            .filter((span) => !span.closest('a, button, input, label, summary'))
            .map((span) => Number(span.dataset.sentence)))"""
    )
    assert target > first + 2
    phone.locator(f'.narration-sentence[data-sentence="{target}"]').first.click()
    wait_until(phone, READING_SENTENCE, arg=target)
    at = phone.evaluate("document.querySelector('[data-narration-audio]').currentTime")
    assert narration.sentences[target]["start"] <= at <= narration.sentences[target]["end"] + 0.5

    phone.locator("[data-narration-speed]").click()
    assert phone.evaluate("document.querySelector('[data-narration-audio]').playbackRate") == 0.75
    assert phone.locator("[data-narration-speed]").get_attribute("aria-pressed") == "true"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_lesson_page_with_its_player_has_no_serious_accessibility_violations(site, phone):
    narrate(ARABIC_LESSON)
    phone.goto(site + ARABIC_LESSON)
    play(phone)
    wait_until(phone, "document.querySelector('.narration-sentence.is-reading')")
    assert serious_accessibility_violations(phone) == []


@pytest.mark.browser
@pytest.mark.slow
def test_a_course_saved_offline_opens_every_lesson_and_its_narration_without_the_server(
    narrated_server, browser
):
    server = narrated_server
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + COURSE)
    wait_until(page, "navigator.serviceWorker && navigator.serviceWorker.controller")
    lessons = page.evaluate(
        "[...document.querySelectorAll('.course-lessons a')]"
        ".map((a) => [a.pathname, a.textContent])"
    )
    assert len(lessons) == 6

    page.get_by_role("button", name="Save the whole course for offline use").click()
    size = page.locator("[data-offline-size]")
    size.wait_for(state="visible")
    assert ("audio" in size.inner_text() and "KB" in size.inner_text()) or "MB" in size.inner_text()
    page.locator("[data-offline-confirm-button]").click()
    wait_until(
        page,
        "document.querySelector('[data-offline-status]').textContent.startsWith('Saved.')",
        timeout=60_000,
    )
    assert page.locator("[data-offline-button]").get_attribute("aria-pressed") == "true"

    server.stop()

    for path, title in lessons:
        page.goto(server.url + path)
        assert page.locator("h1").inner_text() == title.strip()
        play(page)
        wait_until(page, "document.querySelector('[data-narration-audio]').currentTime > 0.5")
        wait_until(page, "document.querySelector('.narration-sentence.is-reading')")
    page.goto(server.url + "/en/saved/")
    assert "Your first weeks in Sofia" in page.locator("[data-saved-items]").inner_text()
    context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_saving_with_no_space_left_says_so_and_keeps_what_was_saved(narrated_server, browser):
    server = narrated_server
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + "/en/lessons/emergency-number-112/")
    wait_until(page, "navigator.serviceWorker && navigator.serviceWorker.controller")
    page.get_by_role("button", name="Save this lesson for offline use").click()
    page.locator("[data-offline-confirm-button]").click()
    wait_until(
        page, "document.querySelector('[data-offline-status]').textContent.startsWith('Saved.')"
    )
    lesson_cache = page.evaluate(
        "(async () => (await caches.keys()).filter((n) => n.startsWith('saved:')))()"
    )
    assert len(lesson_cache) == 1

    # The phone is nearly full: room for a few more kilobytes, not for a whole course.
    used = page.evaluate("(async () => (await navigator.storage.estimate()).usage)()")
    cdp = context.new_cdp_session(page)
    cdp.send(
        "Storage.overrideQuotaForOrigin",
        {"origin": server.url, "quotaSize": used + 40 * 1024},
    )
    page.goto(server.url + COURSE)
    page.get_by_role("button", name="Save the whole course for offline use").click()
    page.locator("[data-offline-confirm-button]").click()
    wait_until(
        page, "document.querySelector('[data-offline-status]').textContent.includes('space')"
    )
    assert "not enough space" in page.locator("[data-offline-status]").inner_text()
    caches_now = page.evaluate(
        "(async () => (await caches.keys()).filter((n) => n.startsWith('saved:')))()"
    )
    assert caches_now == lesson_cache  # the lesson saved before is still there, nothing half-saved
    assert page.locator("[data-offline-button]").get_attribute("aria-pressed") == "false"
    context.close()
