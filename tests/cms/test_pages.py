import pytest
from bs4 import BeautifulSoup
from wagtail.models import Page

from cms.demo import texts
from cms.factories import ContentPageFactory
from cms.models import ContentPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["bg", "en", "ar", "fa", "uk", "ru", "tr"]
RIGHT_TO_LEFT = {"ar", "fa"}


def soup_of(response) -> BeautifulSoup:
    return BeautifulSoup(response.content, "html.parser")


def about_page(code: str) -> ContentPage:
    return ContentPage.objects.get(locale__language_code=code, slug=texts.ABOUT_SLUG[code])


@pytest.mark.parametrize("code", LANGUAGES)
def test_every_language_has_a_home_page_with_its_lang_dir_and_alternates(client, code):
    response = client.get(f"/{code}/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.html["lang"] == code
    assert soup.html["dir"] == ("rtl" if code in RIGHT_TO_LEFT else "ltr")
    assert soup.h1.get_text(strip=True) == texts.HOME_TITLE[code]
    assert not soup.select(".fallback-notice")
    alternates = {
        link["hreflang"]: link["href"] for link in soup.select("link[rel=alternate][hreflang]")
    }
    assert alternates == {
        **{other: f"http://testserver/{other}/" for other in LANGUAGES},
        "x-default": "http://testserver/bg/",
    }


def test_page_content_is_labelled_with_its_language(client):
    soup = soup_of(client.get("/fa/about-the-platform/"))

    article = soup.select_one("article")
    assert (article["lang"], article["dir"]) == ("fa", "rtl")


def test_language_switcher_links_to_the_same_page_in_every_language(client):
    soup = soup_of(client.get("/en/about-the-platform/"))

    links = {a["hreflang"]: a for a in soup.select(".language-switcher a")}
    assert {code: a["href"] for code, a in links.items()} == {
        code: f"/{code}/{texts.ABOUT_SLUG[code]}/" for code in LANGUAGES
    }
    assert links["en"].get("aria-current") == "true"
    assert [code for code, a in links.items() if a.get("aria-current")] == ["en"]
    assert links["ar"]["dir"] == "rtl" and links["ar"]["lang"] == "ar"
    for code, link in links.items():
        target = soup_of(client.get(link["href"]))
        assert target.h1.get_text(strip=True) == texts.ABOUT_TITLE[code]


def test_missing_translation_falls_back_along_the_chain_and_is_marked(client):
    # Farsi falls back to English (settings.PLATFORM_LANGUAGES), then Bulgarian.
    about_page("fa").delete()

    response = client.get("/fa/about-the-platform/")

    assert response.status_code == 200
    soup = soup_of(response)
    assert (soup.html["lang"], soup.html["dir"]) == ("fa", "rtl")  # the reader's interface
    article = soup.select_one("article")
    assert (article["lang"], article["dir"]) == ("en", "ltr")  # the text really shown
    assert soup.h1.get_text(strip=True) == texts.ABOUT_TITLE["en"]
    notice = soup.select_one(".fallback-notice").get_text(" ", strip=True)
    assert "فارسی" in notice and "English" in notice
    assert soup.select_one("link[rel=canonical]")["href"].endswith("/en/about-the-platform/")
    hreflangs = {link["hreflang"] for link in soup.select("link[rel=alternate]")}
    assert "fa" not in hreflangs  # a fallback is not a translation


def test_fallback_reaches_the_source_language_when_the_chain_is_empty(client):
    for code in ("fa", "en"):
        about_page(code).delete()

    soup = soup_of(client.get("/bg/za-platformata/"))
    farsi_link = soup.select_one('.language-switcher a[hreflang="fa"]')["href"]
    assert farsi_link == "/fa/za-platformata/"

    response = client.get(farsi_link)
    assert response.status_code == 200
    soup = soup_of(response)
    assert soup.select_one("article")["lang"] == "bg"
    assert soup.h1.get_text(strip=True) == texts.ABOUT_TITLE["bg"]
    assert soup.select(".fallback-notice")


def test_unpublished_translation_is_not_shown_and_falls_back(client):
    about_page("ar").unpublish()

    soup = soup_of(client.get("/ar/about-the-platform/"))

    assert soup.select_one("article")["lang"] == "en"
    assert soup.select(".fallback-notice")


def test_draft_page_without_published_version_anywhere_is_not_found(client):
    home = Page.objects.get(depth=2, locale__language_code="bg")
    ContentPageFactory(parent=home, slug="chernova", live=False)

    assert client.get("/bg/chernova/").status_code == 404
    assert client.get("/ar/chernova/").status_code == 404


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("ar-EG,ar;q=0.9,en;q=0.5", "/ar/"),
        ("fa-IR", "/fa/"),
        ("uk,ru;q=0.8", "/uk/"),
        ("en-GB,en;q=0.9", "/en/"),
        ("tr", "/tr/"),
        ("de-DE,fr;q=0.8", "/bg/"),  # none of ours: the source language
        ("", "/bg/"),
    ],
)
def test_root_redirects_by_accept_language(client, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)

    assert response.status_code == 302
    assert response["Location"] == expected
    assert "Accept-Language" in response["Vary"]


@pytest.mark.parametrize("path", ["/xx/", "/xx/za-platformata/", "/de/", "/bg-xx/", "/pages/"])
def test_unknown_language_prefix_is_not_found(client, path):
    assert client.get(path, HTTP_ACCEPT_LANGUAGE="ar").status_code == 404


def test_not_found_page_speaks_the_readers_language(client):
    response = client.get("/xx/", HTTP_ACCEPT_LANGUAGE="ar")

    soup = soup_of(response)
    assert (soup.html["lang"], soup.html["dir"]) == ("ar", "rtl")
    assert soup.select_one('a.button[href="/ar/"]')


def test_unknown_page_in_a_language_is_a_translated_404(client):
    response = client.get("/uk/no-such-page/")

    assert response.status_code == 404
    soup = soup_of(response)
    assert soup.html["lang"] == "uk"
    assert soup.h1.get_text(strip=True) == "Сторінку не знайдено"


def test_skip_link_targets_the_main_content(client):
    soup = soup_of(client.get("/bg/"))

    skip = soup.select_one("body > a.skip-link")
    assert skip is soup.body.find("a")  # the first link on the page
    assert skip["href"] == "#main"
    assert soup.select_one("main#main")
    assert skip.get_text(strip=True) == "Към основното съдържание"


def test_stylesheet_and_icon_are_local(client):
    soup = soup_of(client.get("/bg/"))

    for tag in soup.select("link[href], script[src], img[src]"):
        url = tag.get("href") or tag.get("src")
        if tag.get("rel") == ["alternate"] or tag.get("rel") == ["canonical"]:
            continue
        assert url.startswith("/"), f"{tag} loads from another host"
    assert client.get(soup.select_one("link[rel=stylesheet]")["href"]).status_code == 200


def test_admin_is_served_and_asks_for_login(client, admin_user):
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")

    client.force_login(admin_user)
    assert client.get("/admin/").status_code == 200
