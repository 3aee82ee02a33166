"""The editor sees, in Chromium, how a lesson reads: the estimated level beside the chosen
one, the rare words, and the sentences that hold them; the live preview follows typing."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.users.models import UserProfile

from learning.factories import easy_text
from learning.models import LessonPage

LEGAL = "Сезирайте компетентния съд. Искът е преклузивен. Липсва процесуална легитимация."


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_editor_panel_shows_the_estimated_level_and_the_rare_words(site, browser):
    editor = get_user_model().objects.create_superuser(
        "words", "words@example.org", "Correct-horse-9"
    )
    # The preview is worded in the profile's language (Wagtail's preview request does not
    # carry the browser's Accept-Language).
    UserProfile.objects.update_or_create(user=editor, defaults={"preferred_language": "en"})
    lesson = LessonPage.objects.get(locale__language_code="bg", slug="speshen-nomer-112")
    lesson.body = easy_text(LEGAL)
    lesson.save_revision().publish()
    context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="en-GB")
    page = context.new_page()
    page.goto(site + "/admin/login/")
    page.fill("input[name=username]", "words")
    page.fill("input[name=password]", "Correct-horse-9")
    page.click("button[type=submit]")
    page.wait_for_url(site + "/admin/", wait_until="domcontentloaded")

    page.goto(site + f"/admin/pages/{lesson.pk}/edit/")

    panel = page.locator(".easy-language-panel")
    panel.scroll_into_view_if_needed()
    assert panel.locator(".easy-language-cefr").inner_text() == (
        f"Reads at level C1. Chosen level: {lesson.level}."
    )
    assert panel.locator(".easy-language-level-warning").is_visible()
    rare = panel.locator(".easy-language-rare-words li > span").all_inner_texts()
    legal = ["Сезирайте", "компетентния", "преклузивен", "процесуална", "легитимация"]
    assert [word for word in rare if word in legal] == legal  # the summary has its own
    assert panel.locator(".easy-language-rare-words li > span").first.get_attribute("lang") == "bg"
    assert "2 rare words (процесуална, легитимация)" in panel.inner_text()

    # The live check: the preview mode of the same name reads the text as it is typed.
    page.get_by_role("button", name="Toggle preview").click()
    page.frame_locator("#w-preview-iframe").last.locator("h1").first.wait_for()
    page.locator("#id_preview_mode").select_option(label="Easy-language check")
    frame = page.frame_locator("#w-preview-iframe").last
    frame.locator(".easy-language-cefr", has_text="Reads at level C1").wait_for()

    context.close()
