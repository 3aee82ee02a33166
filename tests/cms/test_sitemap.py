import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from cms.demo import texts
from cms.factories import ContentPageFactory
from cms.models import ContentPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["bg", "en", "ar", "fa", "uk", "ru", "tr"]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(client, address: str, kind: str) -> list[str]:
    response = client.get(address)
    assert response.status_code == 200, address
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall(f"s:{kind}/s:loc", NS)]


def sitemap_files(client) -> list[str]:
    """The files the index at /sitemap.xml lists, as paths."""
    return [
        url.removeprefix("http://testserver")
        for url in locations(client, "/sitemap.xml", "sitemap")
    ]


def sitemap_urls(client) -> set[str]:
    """Every address in every file the index lists."""
    urls = [url for file in sitemap_files(client) for url in locations(client, file, "url")]
    assert len(urls) == len(set(urls)), "an address is in two files"
    return set(urls)


def test_sitemap_lists_every_live_page_in_every_language(client):
    urls = sitemap_urls(client)

    core_pages = {f"http://testserver/{code}/" for code in LANGUAGES} | {
        f"http://testserver/{code}/{texts.ABOUT_SLUG[code]}/" for code in LANGUAGES
    }
    assert core_pages <= urls
    assert "http://testserver/ar/lessons/emergency-number-112/" in urls
    assert "http://testserver/uk/uroky/ekstrenyi-nomer-112/" in urls
    live_pages = Page.objects.live().public().filter(depth__gte=2).count()
    assert len(urls) == live_pages


def test_sitemap_leaves_out_drafts_and_unpublished_translations(client):
    ContentPage.objects.get(locale__language_code="ar", slug="about-the-platform").unpublish()
    home = ContentPage.objects.get(locale__language_code="bg").get_parent()
    ContentPageFactory(parent=home, slug="chernova", live=False)

    urls = sitemap_urls(client)

    assert "http://testserver/ar/about-the-platform/" not in urls
    assert not any("chernova" in url for url in urls)
    assert "http://testserver/en/about-the-platform/" in urls


def test_robots_txt_points_to_the_sitemap_and_keeps_out_of_the_admin(client):
    response = client.get("/robots.txt")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "Sitemap: http://testserver/sitemap.xml" in lines
    assert "Disallow: /admin/" in lines
    assert "Disallow: /ar/search/" in lines  # endless, and counted for editors


def test_the_sitemap_is_an_index_of_one_file_per_language(client):
    files = sitemap_files(client)

    assert files == [f"/sitemap-pages-{code}.xml" for code in LANGUAGES]
    arabic = locations(client, "/sitemap-pages-ar.xml", "url")
    assert arabic and all(url.startswith("http://testserver/ar/") for url in arabic)


def test_a_language_with_more_pages_than_a_file_holds_gets_several_files(client, settings):
    settings.SITEMAP_URLS_PER_FILE = 5
    bulgarian = Page.objects.live().public().filter(locale__language_code="bg", depth__gte=2)

    files = sitemap_files(client)

    pages_of_bulgarian = [file for file in files if file.startswith("/sitemap-pages-bg.xml")]
    assert len(pages_of_bulgarian) == -(-bulgarian.count() // 5)
    assert pages_of_bulgarian[1] == "/sitemap-pages-bg.xml?p=2"
    assert len(locations(client, "/sitemap-pages-bg.xml?p=2", "url")) == 5
    assert len(sitemap_urls(client)) == Page.objects.live().public().filter(depth__gte=2).count()


@pytest.mark.parametrize(
    "address", ["/sitemap-pages-xx.xml", "/sitemap-pages-bg.xml?p=999", "/sitemap-pages-bg.xml?p=x"]
)
def test_an_unknown_sitemap_file_is_a_404(client, address):
    assert client.get(address).status_code == 404


def test_sitemap_files_are_public_and_the_same_in_every_language(client):
    response = client.get("/sitemap-pages-en.xml", headers={"Accept-Language": "ar"})

    assert response["Cache-Control"].startswith("public")
    assert "Accept-Language" not in response.get("Vary", "")
