"""Glossary terms in a lesson, in Chromium: tapped, the explanation opens in place; without
JavaScript the term leads to its entry on the glossary page. Bulgarian and Arabic."""

import pytest
from wagtail.models import Locale

from learning.factories import easy_text
from learning.glossary.models import GlossaryTerm
from learning.models import LessonPage
from tests.browser.conftest import serious_accessibility_violations

TEXTS = {
    "bg": ("спешен", "Когато има опасност и трябва помощ.", "Спешен случай е пожар."),
    "ar": ("حالة طارئة", "عندما يكون هناك خطر وتحتاج إلى مساعدة.", "الحريق حالة طارئة."),
}


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.parametrize("code", ["bg", "ar"])
def test_a_glossary_term_explains_itself_in_place_or_on_the_glossary_page(
    site, phone, browser, code
):
    word, explanation, sentence = TEXTS[code]
    source = LessonPage.objects.get(locale__language_code="bg", slug="speshen-nomer-112")
    lesson = source.get_translation(Locale.objects.get(language_code=code))
    term = GlossaryTerm.objects.create(locale=lesson.locale, term=word, explanation=explanation)
    lesson.body = easy_text(sentence)
    lesson.save_revision().publish()

    phone.goto(site + lesson.url)
    marked = phone.locator("a.glossary-term")
    assert marked.count() == 1
    assert marked.get_attribute("aria-expanded") == "false"
    marked.click()
    note = phone.locator(".glossary-explanation")
    assert note.inner_text() == explanation
    assert marked.get_attribute("aria-expanded") == "true"
    assert serious_accessibility_violations(phone) == []
    marked.click()
    assert phone.locator(".glossary-explanation").count() == 0

    # Without JavaScript the term is a link to its entry.
    context = browser.new_context(java_script_enabled=False)
    plain = context.new_page()
    plain.goto(site + lesson.url)
    plain.locator("a.glossary-term").click()
    plain.wait_for_url(f"**/{code}/glossary/#term-{term.pk}")
    assert plain.locator(f"#term-{term.pk} dd").inner_text().startswith(explanation)
    context.close()
    phone.goto(site + f"/{code}/glossary/")
    assert phone.locator(f"#term-{term.pk} dt").inner_text() == word
    assert serious_accessibility_violations(phone) == []
