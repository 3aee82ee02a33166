"""The sitemap: an index at /sitemap.xml and one section per language, split into files of
at most SITEMAP_URLS_PER_FILE addresses (the protocol allows 50,000 per file), so that a
national platform's tens of thousands of pages per language stay within it."""

from django.conf import settings
from django.db.models import Max
from django.db.models.functions import Coalesce
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Locale, Page

from cms import languages


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

    def get_latest_lastmod(self):
        """The index's date for this section from one aggregate query; Django's default
        loads every page of the language to take the newest."""
        changed = Coalesce("last_published_at", "latest_revision_created_at")
        return self.items().order_by().aggregate(latest=Max(changed))["latest"]


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
