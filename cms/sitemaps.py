"""The sitemap: an index at /sitemap.xml and one section per language, split into files of
at most SITEMAP_URLS_PER_FILE addresses (the protocol allows 50,000 per file), so that a
national platform's tens of thousands of pages per language stay within it."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Max
from django.utils.functional import cached_property
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from cms import languages
from cms.shown_versions.models import ShownVersion


class LanguageSitemap(Sitemap):
    """Every live, public page of one language's tree.

    Wagtail's own sitemap walks the descendants of the site's root page, which with
    translations is only the source language's tree; each language's home page is a
    sibling of it. Readers of a language without a translation get another language's copy
    at their own prefix; those addresses are left out (the same text at another address)."""

    def __init__(self, request=None, *, language_code: str):
        super().__init__(request)
        self.language_code = language_code
        self.limit = settings.SITEMAP_URLS_PER_FILE

    def items(self):
        site = self.get_wagtail_site()
        locale = Locale.objects.filter(language_code=self.language_code).first()
        root = site.root_page.get_translation_or_none(locale) if locale else None
        if root is None:
            return Page.objects.none()
        return (
            Page.objects.descendant_of(root, inclusive=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )

    def own_versions(self):
        """The shown versions of this language's own live, public pages (cms.shown_versions):
        the same pages as `items()`, counted and dated on that table's index."""
        return ShownVersion.objects.filter(reader_language=self.language_code, language_rank=0)

    @cached_property
    def paginator(self):
        # Django counts the pages of every section for the index; counting the language's
        # pages through the tree cost tens of milliseconds per language at 20,000 lessons.
        pages = Paginator(self._items(), self.limit)
        pages.count = self.own_versions().count()
        return pages

    def get_latest_lastmod(self):
        """The index's date for this section: the newest publication among the language's
        pages, read off an index (Django's default loads every page to take the newest)."""
        return self.own_versions().aggregate(latest=Max("last_published_at"))["latest"]


def is_sitemap_address(path: str) -> bool:
    return path == "/sitemap.xml" or (path.startswith("/sitemap-") and path.endswith(".xml"))


def section_name(language_code: str) -> str:
    return f"pages-{language_code}"


def sitemaps_for(request) -> dict[str, LanguageSitemap]:
    return {
        section_name(code): LanguageSitemap(request, language_code=code)
        for code in languages.codes()
    }


def sitemap_paths() -> list[str]:
    """The index and every section, as a CDN keeps them (a purge of a path purges each of
    its pages, `?p=2`…)."""
    return ["/sitemap.xml", *(f"/sitemap-{section_name(code)}.xml" for code in languages.codes())]
