"""Glossary terms marked in lessons, and the readers' glossary page."""

import pytest
from wagtail.models import Locale

from learning.factories import easy_text
from learning.glossary.marking import MarkedTerm, mark_terms
from learning.glossary.models import GlossaryTerm
from learning.models import LessonPage

PERMIT = MarkedTerm(
    "residence permit", "A card that says you may live here.", "/en/glossary/#term-1"
)
PERMIT_SHORT = MarkedTerm("permit", "Allowed <officially>.", "/en/glossary/#term-2")


def test_the_first_appearance_of_each_term_is_marked_longest_first():
    html = "<p>Get a Residence permit. A residence permit costs 10 leva. A permit is paper.</p>"

    marked = mark_terms(html, [PERMIT_SHORT, PERMIT])

    assert marked.count('class="glossary-term"') == 2
    assert (
        '<a class="glossary-term" href="/en/glossary/#term-1" '
        'data-explanation="A card that says you may live here.">Residence permit</a>'
    ) in marked
    # "permit" is marked where it stands alone, and its explanation is escaped.
    assert 'data-explanation="Allowed &lt;officially&gt;.">permit</a> is paper' in marked


def test_terms_inside_links_or_words_are_not_marked():
    html = '<p><a href="/x">residence permit</a> and permits and apermit.</p>'

    assert mark_terms(html, [PERMIT, PERMIT_SHORT]) == html
    assert mark_terms("<p>Nothing.</p>", []) == "<p>Nothing.</p>"


def test_cyrillic_and_arabic_terms_match_whole_words():
    term = MarkedTerm("лекар", "Човек, който лекува.", "/bg/glossary/#term-3")
    assert 'href="/bg/glossary/#term-3"' in mark_terms("<p>Отидете при Лекар.</p>", [term])
    assert mark_terms("<p>Лекарят идва.</p>", [term]) == "<p>Лекарят идва.</p>"
    arabic = MarkedTerm("طبيب", "شخص يعالج المرضى.", "/ar/glossary/#term-4")
    assert "glossary-term" in mark_terms("<p>اذهب إلى طبيب العائلة.</p>", [arabic])


@pytest.mark.django_db
def test_lessons_mark_terms_of_their_language_and_the_glossary_page_explains_them(client):
    bulgarian = Locale.objects.get(language_code="bg")
    term = GlossaryTerm.objects.create(
        locale=bulgarian, term="спешен", explanation="Когато има опасност и трябва помощ."
    )
    lesson = LessonPage.objects.get(locale=bulgarian, slug="speshen-nomer-112")
    lesson.body = easy_text("Спешен случай е пожар. Обадете се на 112.")
    lesson.save_revision().publish()

    page = client.get(lesson.url).content.decode()
    assert f'<a class="glossary-term" href="/bg/glossary/#term-{term.pk}"' in page
    assert page.count('class="glossary-term"') == 1

    glossary = client.get("/bg/glossary/")
    assert glossary.status_code == 200
    html = glossary.content.decode()
    assert f'id="term-{term.pk}"' in html and "Когато има опасност" in html

    # An Arabic reader gets the Bulgarian entry, marked as in Bulgarian.
    arabic = client.get("/ar/glossary/").content.decode()
    assert f'id="term-{term.pk}" lang="bg"' in arabic
    assert "fallback-tag" in arabic
