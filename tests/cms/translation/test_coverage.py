"""The editors' table of translations: pages and snippets × languages, each cell a status in
words with a link to the translation or to the form that starts it."""

import re
from html import unescape
from urllib.parse import parse_qs, urlsplit

import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from cms.factories import ContentPageFactory
from cms.models import ContentPage
from cms.translation import admin_views, services
from learning.factories import TopicFactory

pytestmark = pytest.mark.django_db

URL = "/admin/translations/"


def bg_home() -> Page:
    return Page.objects.get(depth=2, locale__language_code="bg")


def new_source_page(title: str, slug: str) -> ContentPage:
    page = ContentPageFactory(parent=bg_home(), title=title, slug=slug)
    page.save_revision().publish()
    return page


def row_of(html: str, title: str) -> str:
    match = re.search(
        rf'<tr>\s*<th scope="row">(?:<a href="[^"]*">)?{re.escape(title)}(?:</a>)?</th>(.*?)</tr>',
        html,
        flags=re.S,
    )
    assert match, f"no row for {title!r}"
    return match.group(1)


def cells_of(html: str, title: str) -> list[str]:
    """The text of each language's cell, spaces collapsed, hidden context left out."""
    cells = re.findall(r"<td>(.*?)</td>", row_of(html, title), flags=re.S)
    texts = []
    for cell in cells:
        cell = re.sub(r'<span class="w-sr-only">.*?</span>', "", cell, flags=re.S)
        texts.append(" ".join(unescape(re.sub(r"<[^>]+>", " ", cell)).split()))
    return texts


@pytest.fixture
def lesson_like_pages():
    """A page translated into Arabic and English, one only in Bulgarian."""
    translated = new_source_page("Покритие преведено", "pokritie-prevedeno")
    services.translate_from_catalog(instance=translated, language_code="ar", catalog={})
    services.translate_from_catalog(instance=translated, language_code="en", catalog={})
    untranslated = new_source_page("Покритие без превод", "pokritie-bez-prevod")
    return translated, untranslated


def test_the_menu_leads_to_the_table(english_editor):
    home = english_editor.get("/admin/").content.decode()

    assert URL in home
    assert english_editor.get(URL).status_code == 200


def test_each_cell_says_its_status_in_words_and_links_to_the_translation(
    english_editor, lesson_like_pages
):
    translated, _ = lesson_like_pages
    arabic = translated.get_translation(
        Page.objects.get(depth=2, locale__language_code="ar").locale
    )

    html = english_editor.get(URL, {"kind": "cms.contentpage"}).content.decode()

    assert cells_of(html, "Покритие преведено") == [
        "Source",
        "Up to date",
        "Up to date",
        "Missing Translate",
        "Missing Translate",
        "Missing Translate",
        "Missing Translate",
    ]
    row = row_of(html, "Покритие преведено")
    assert f'href="/admin/pages/{arabic.pk}/edit/"' in row
    assert f'href="/admin/pages/{translated.pk}/edit/"' in row
    assert cells_of(html, "Покритие без превод")[:2] == ["Source", "Missing Translate"]


def test_a_missing_translation_links_to_wagtail_localizes_form_for_that_language(
    english_editor, lesson_like_pages
):
    _, untranslated = lesson_like_pages
    html = english_editor.get(URL, {"kind": "cms.contentpage", "language": "fa"}).content.decode()

    links = re.findall(
        r'<a class="coverage-translate" href="([^"]+)"', row_of(html, untranslated.title)
    )
    assert len(links) == 1
    link = urlsplit(unescape(links[0]))
    assert link.path == reverse("wagtail_localize:submit_page_translation", args=[untranslated.pk])
    query = parse_qs(link.query)
    assert query["select_locale"] == ["fa"]
    assert query["next"][0].startswith(URL)

    form = english_editor.get(unescape(links[0])).content.decode()
    assert re.search(r'value="\d+"[^>]*checked|checked[^>]*value="\d+"', form)


def test_publishing_the_source_again_shows_its_translations_outdated(
    english_editor, lesson_like_pages
):
    translated, _ = lesson_like_pages
    translated.refresh_from_db()
    translated.intro = "Ново въведение."
    translated.save_revision().publish()

    html = english_editor.get(URL, {"kind": "cms.contentpage"}).content.decode()

    assert cells_of(html, "Покритие преведено")[1:3] == ["Outdated", "Outdated"]


def test_snippets_are_rows_too(english_editor):
    topic = TopicFactory(name="Покритие тема", slug="pokritie-tema")
    services.translate_from_catalog(instance=topic, language_code="uk", catalog={})

    html = english_editor.get(URL, {"kind": "learning.topic"}).content.decode()

    cells = cells_of(html, "Покритие тема")
    assert cells[0] == "Source"
    assert cells[4] == "Up to date"  # Ukrainian, the fifth language
    assert f"/admin/snippets/learning/topic/edit/{topic.pk}/" in row_of(html, "Покритие тема")
    assert 'scope="rowgroup"' in html and ">Topics<" in html
    assert "Покритие преведено" not in html


def test_filters_by_language_and_status(english_editor, lesson_like_pages):
    html = english_editor.get(
        URL, {"kind": "cms.contentpage", "language": "ar", "status": "missing"}
    ).content.decode()

    assert "Покритие без превод" in html
    assert "Покритие преведено" not in html  # translated into Arabic
    assert cells_of(html, "Покритие без превод") == ["Missing Translate"]
    table = html.split("Translation status of")[1]
    assert '<span lang="ar"' in table and '<span lang="en"' not in table


def test_the_table_is_accessible_markup(english_editor, lesson_like_pages):
    html = english_editor.get(URL).content.decode()

    assert html.count("<caption>") == 2
    assert '<th scope="col"><span lang="ar" dir="rtl">العربية</span></th>' in html
    assert '<th scope="row">' in html
    # Icons are decoration: the word carries the status.
    assert re.search(r'<svg[^>]*aria-hidden="true"', html)


def test_counts_per_language_at_the_top(english_editor, lesson_like_pages):
    html = english_editor.get(URL, {"kind": "cms.contentpage"}).content.decode()
    summary = html.split("<caption>")[1].split("</table>")[0]
    pages = ContentPage.objects.filter(locale__language_code="bg").count()

    assert f"of {pages} pages and snippets" in summary
    arabic = re.search(r'<th scope="row"><span lang="ar".*?</tr>', summary, flags=re.S).group(0)
    counts = [int(value) for value in re.findall(r"<td>(\d+)</td>", arabic)]
    in_arabic = ContentPage.objects.filter(locale__language_code="ar").values("translation_key")
    without_arabic = (
        ContentPage.objects.filter(locale__language_code="bg")
        .exclude(translation_key__in=in_arabic)
        .count()
    )
    source, up_to_date, outdated, machine, untranslated, missing = counts
    assert (source, outdated, machine, untranslated, missing) == (0, 0, 0, 0, without_arabic)
    assert up_to_date == pages - without_arabic


@pytest.mark.parametrize(
    "query",
    [
        {"kind": "auth.user"},
        {"language": "xx"},
        {"status": "finished"},
        {"p": "many"},
        {"kind": "cms.contentpage", "p": "999"},
    ],
)
def test_bad_filters_give_a_message_not_an_error(english_editor, query):
    response = english_editor.get(URL, query)

    assert response.status_code == 200
    if "p" not in query:
        messages = [str(message) for message in get_messages(response.wsgi_request)]
        assert any("not understood" in message for message in messages)


def test_pages_of_the_table(english_editor, monkeypatch):
    for number in range(3):
        new_source_page(f"Покритие {number}", f"pokritie-{number}")
    monkeypatch.setattr(admin_views, "ROWS_PER_PAGE", 2)

    first = english_editor.get(URL, {"kind": "cms.contentpage"}).content.decode()
    second = english_editor.get(URL, {"kind": "cms.contentpage", "p": "2"}).content.decode()

    assert "Page 1 of" in first and "Page 2 of" in second
    assert "kind=cms.contentpage" in first.split('class="next"')[1].split("</a>")[0]


def test_a_constant_number_of_queries_whatever_the_number_of_rows(
    english_editor, django_assert_max_num_queries
):
    def build(count: int) -> None:
        for number in range(count):
            page = new_source_page(f"Брой {count} {number}", f"broi-{count}-{number}")
            services.translate_from_catalog(instance=page, language_code="ar", catalog={})

    english_editor.get(URL)  # caches warmed (content types, the session's user)
    build(5)
    with CaptureQueriesContext(connection) as few:
        assert english_editor.get(URL).status_code == 200
    build(20)
    with django_assert_max_num_queries(len(few)):
        response = english_editor.get(URL)
    assert "Брой 25 19" in response.content.decode() or response.context["total"] >= 25


def test_a_translator_gets_links_only_for_their_language(client, lesson_like_pages):
    _, untranslated = lesson_like_pages
    groups = services.ensure_translator_groups()
    translator = get_user_model().objects.create_user("translator-fa", password="x")
    translator.groups.add(groups["fa"])
    client.force_login(translator)

    html = client.get(URL, {"kind": "cms.contentpage"}).content.decode()

    row = row_of(html, untranslated.title)
    links = re.findall(r'<a class="coverage-translate" href="([^"]+)"', row)
    assert len(links) == 1 and "select_locale=fa" in unescape(links[0])
    assert f"/admin/pages/{untranslated.pk}/edit/" not in row  # Bulgarian is not theirs


# --- Only what each editor may see ----------------------------------------------------------


@pytest.fixture
def draft_and_live():
    live = new_source_page("Покритие публикувано", "pokritie-publikuvano")
    draft = ContentPageFactory(
        parent=bg_home(), title="Покритие чернова тайна", slug="pokritie-chernova", live=False
    )
    draft.save_revision()
    return live, draft


def admin_only_user(client, name: str):
    """May use the admin, nothing else: a photovoice moderator, say."""
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user(name, password="x")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    return user


def test_a_user_with_no_page_or_snippet_permission_sees_no_titles(client, draft_and_live):
    admin_only_user(client, "admin-only")

    response = client.get(URL)

    html = response.content.decode()
    assert response.status_code == 200
    assert "Покритие чернова тайна" not in html and "Покритие публикувано" not in html
    assert response.context["total"] == 0 and response.context["counted"] == 0
    topic_type = "learning.topic"
    assert topic_type not in html  # not even the snippet types as a filter


def test_a_translator_sees_live_pages_to_translate_but_no_drafts(client, draft_and_live):
    live, draft = draft_and_live
    groups = services.ensure_translator_groups()
    translator = get_user_model().objects.create_user("translator-ar", password="x")
    translator.groups.add(groups["ar"])
    client.force_login(translator)

    html = client.get(URL, {"kind": "cms.contentpage"}).content.decode()

    assert live.title in html
    assert draft.title not in html
    snippets = client.get(URL, {"kind": "learning.topic"})
    assert snippets.context["total"] > 0  # the group may change topics


def test_an_editor_of_the_pages_sees_their_drafts(english_editor, draft_and_live):
    _, draft = draft_and_live

    html = english_editor.get(URL, {"kind": "cms.contentpage"}).content.decode()

    assert draft.title in html


def test_the_counts_cover_only_the_rows_shown(client, english_editor, draft_and_live):
    everything = english_editor.get(URL, {"kind": "cms.contentpage"}).context
    groups = services.ensure_translator_groups()
    translator = get_user_model().objects.create_user("translator-tr", password="x")
    translator.groups.add(groups["tr"])
    client.force_login(translator)

    limited = client.get(URL, {"kind": "cms.contentpage"}).context

    assert limited["counted"] == limited["total"] < everything["counted"]
