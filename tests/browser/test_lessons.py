"""Lessons in a real headless Chromium: the quiz with and without JavaScript, progress
kept in the browser, the data budget of a lesson page and offline reading."""

import secrets

import pytest

from tests.browser.conftest import PHONE, serious_accessibility_violations, wait_until

LESSON = "/en/lessons/keep-your-documents-safe/"
COURSE = "/en/lessons/your-first-weeks-in-sofia/"
KIB = 1024


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_quiz_answers_inline_and_a_lesson_marked_done_stays_done(site, phone):
    posts = []
    phone.on(
        "request", lambda request: posts.append(request.url) if request.method == "POST" else None
    )
    phone.goto(site + LESSON)

    quiz = phone.locator("form[data-quiz]")
    quiz.get_by_label("Leave them in the car.").check()
    quiz.get_by_role("button", name="Check my answer").click()
    feedback = quiz.locator(".quiz-feedback")
    assert "Not quite" in feedback.inner_text()
    quiz.get_by_label("Make copies and photos.").check()
    quiz.get_by_role("button", name="Check my answer").click()
    assert "That is right!" in feedback.inner_text()
    assert posts == []  # answered in the page, without a round trip

    done = phone.get_by_role("button", name="Mark this lesson as done")
    done.click()
    assert phone.locator("[data-mark-done]").get_attribute("aria-pressed") == "true"
    phone.reload()
    assert phone.locator("[data-mark-done]").get_attribute("aria-pressed") == "true"
    assert "Done ✓" in phone.locator("[data-mark-done]").inner_text()

    phone.goto(site + COURSE)
    progress = phone.locator("[data-course-progress]")
    assert progress.inner_text() == "You have done 1 of 6 lessons."
    first = phone.locator(".course-lessons li").first
    assert "is-done" in first.get_attribute("class")
    # Progress belongs to the lesson, not to one language of it.
    phone.goto(site + "/uk/uroky/pershi-tyzhni-u-sofii/")
    assert progress.inner_text() == "Ви пройшли 1 з 6 уроків."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_quiz_works_without_javascript(site, browser):
    context = browser.new_context(java_script_enabled=False, viewport=PHONE)
    page = context.new_page()
    page.goto(site + LESSON)
    assert page.locator(".lesson-done").is_hidden()  # needs the script: not offered

    page.get_by_label("Make copies and photos.").check()
    page.get_by_role("button", name="Check my answer").click()

    page.wait_for_load_state()
    assert "/en/quiz/" in page.url
    assert "That is right!" in page.locator(".quiz-feedback").inner_text()
    context.close()


def transferred(page) -> dict[str, int]:
    """Bytes the browser transferred for the page and each resource it loaded."""
    return page.evaluate(
        """() => Object.fromEntries([
            ...performance.getEntriesByType("navigation"),
            ...performance.getEntriesByType("resource"),
        ].map((entry) => [entry.name, entry.transferSize]))"""
    )


def production_server(gunicorn, **extra):
    return gunicorn(
        {
            "SECRET_KEY": secrets.token_urlsafe(50),
            # Served to the browser over plain HTTP on 127.0.0.1, a secure context.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_HSTS_SECONDS": "0",
            **extra,
        }
    )


@pytest.mark.browser
@pytest.mark.slow
def test_a_lesson_page_fits_the_data_budget_on_first_and_repeat_visits(narrated_server, browser):
    # With its narration player, whose audio and timings load only when the reader asks.
    server = narrated_server
    # Measure HTTP caching itself, not the service worker's copies.
    context = browser.new_context(service_workers="block", viewport=PHONE)
    page = context.new_page()

    page.goto(server.url + LESSON, wait_until="networkidle")
    first = transferred(page)
    page.goto(server.url + LESSON, wait_until="networkidle")
    repeat = transferred(page)
    context.close()

    assert any(name.endswith(".css") for name in first)  # CSS and scripts were counted
    assert any(name.endswith(".js") for name in first)
    assert any("/cms/narration." in name and name.endswith(".js") for name in first)
    assert not any("/media/narration/" in name for name in first)
    assert sum(first.values()) <= 50 * KIB, first
    assert sum(repeat.values()) <= 10 * KIB, repeat
    static_again = {name: size for name, size in repeat.items() if "/static/" in name}
    assert set(static_again.values()) <= {0}, static_again  # served from the browser's cache


@pytest.mark.browser
@pytest.mark.slow
def test_a_private_answer_is_shown_but_never_kept_offline(gunicorn, browser):
    server = production_server(gunicorn)
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + LESSON)
    wait_until(page, "navigator.serviceWorker && navigator.serviceWorker.controller")
    page.goto(server.url + "/en/")
    poll_path = page.locator("form[action*='/polls/']").first.get_attribute("action")
    poll = poll_path.removesuffix("vote/")  # the poll's own page: one reader's answer

    answer = page.goto(server.url + poll)
    assert answer.status == 200 and "no-store" in answer.headers["cache-control"]
    page.goto(server.url + "/en/lessons/emergency-number-112/")  # kept: a public page
    wait_until(
        page,
        """async (path) => Boolean(
            await (await caches.open("pages-v1")).match(location.origin + path))""",
        arg="/en/lessons/emergency-number-112/",
    )

    kept = page.evaluate(
        """async () => (await (await caches.open("pages-v1")).keys())
            .map((request) => new URL(request.url).pathname)"""
    )
    assert "/en/lessons/emergency-number-112/" in kept and poll not in kept
    context.close()


@pytest.mark.browser
@pytest.mark.slow
def test_an_opened_lesson_stays_readable_with_the_server_stopped(gunicorn, browser):
    server = production_server(gunicorn, OFFLINE_PAGES_KEPT="2")
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(server.url + LESSON)

    def kept_pages() -> list[str]:
        return page.evaluate(
            """async () => {
                const cache = await caches.open("pages-v1");
                return (await cache.keys()).map((request) => new URL(request.url).pathname);
            }"""
        )

    wait_until(page, "navigator.serviceWorker && navigator.serviceWorker.controller")
    wait_until(
        page,
        """async (path) => {
            const cache = await caches.open("pages-v1");
            return Boolean(await cache.match(location.origin + path));
        }""",
        arg=LESSON,
    )
    # The cache is bounded: reading two more pages drops the oldest kept page.
    page.goto(server.url + "/en/lessons/emergency-number-112/")
    page.goto(server.url + LESSON)
    page.goto(server.url + "/en/lessons/going-to-the-doctor/")
    wait_until(
        page,
        """async () => (await (await caches.open("pages-v1")).keys()).length == 2
            && Boolean(await (await caches.open("pages-v1")).match(location.href))""",
    )
    assert kept_pages() == [LESSON, "/en/lessons/going-to-the-doctor/"]

    server.stop()
    page.goto(server.url + LESSON)

    assert page.locator("h1").inner_text() == "Keep your documents safe"
    # The stylesheet came from the cache too.
    assert (
        page.evaluate("getComputedStyle(document.querySelector('.quiz')).borderTopWidth") == "2px"
    )
    page.goto(server.url + "/en/lessons/emergency-number-112/")  # dropped from the cache
    assert "You are offline" in page.locator("body").inner_text()
    context.close()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("path", ["/ar/lessons/keep-your-documents-safe/", "/bg/uroci/"])
def test_lesson_pages_have_no_serious_accessibility_violations(site, phone, path):
    phone.goto(site + path)

    assert serious_accessibility_violations(phone) == []
