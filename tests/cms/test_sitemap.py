import xml.etree.ElementTree as ET

import pytest
from wagtail.models import Page

from cms.demo import texts
from cms.factories import ContentPageFactory
from cms.models import ContentPage

pytestmark = pytest.mark.django_db

LANGUAGES = ["bg", "en", "ar", "fa", "uk", "ru", "tr"]
NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def sitemap_urls(client) -> set[str]:
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/xml")
    root = ET.fromstring(response.content)
    return {loc.text for loc in root.findall("s:url/s:loc", NS)}


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
