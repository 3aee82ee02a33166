from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class AllLanguagesSitemap(Sitemap):
    """Every live, public page in every language.

    Wagtail's own sitemap walks the descendants of the site's root page, which with
    translations is only the source language's tree; each language's home page is a
    sibling of it."""

    def items(self):
        site = self.get_wagtail_site()
        language_roots = site.root_page.get_translations(inclusive=True)
        pages = Page.objects.none()
        for root in language_roots:
            pages |= Page.objects.descendant_of(root, inclusive=True)
        return pages.live().public().order_by("path").defer_streamfields().specific()
