"""The core's pages (home, generic content) and, so that Django registers them, the models of
the core's features: data stories, polls, the scale data marker and the version of each page
each language is shown and the translations table's rows (import those from their own
folders)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import ContentStreamBlock
from cms.data_stories.models import DataStoryPage
from cms.narration.models import Narration
from cms.polls.models import Poll, PollOption, PollVote
from cms.readability import EasyLanguageCheckPanel
from cms.scale.models import GeneratedContent
from cms.search.models import SearchEntry, SearchQueryDay, SearchTerm
from cms.shown_versions.models import ShownVersion
from cms.translatable import LocalizedRoutingMixin
from cms.translation.models import TranslationCoverage, UntranslatedText

__all__ = [
    "ContentPage",
    "DataStoryPage",
    "GeneratedContent",
    "HomePage",
    "Narration",
    "Poll",
    "PollOption",
    "PollVote",
    "SearchEntry",
    "SearchQueryDay",
    "SearchTerm",
    "ShownVersion",
    "TranslationCoverage",
    "UntranslatedText",
]


class HomePage(LocalizedRoutingMixin, Page):
    """The start page of each language."""

    intro = models.TextField(
        _("introduction"),
        blank=True,
        help_text=_("One or two short sentences under the title."),
    )
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        EasyLanguageCheckPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    # Each language's home page is a sibling under the tree root.
    parent_page_types = ["wagtailcore.Page"]
    template = "cms/home_page.html"

    class Meta:
        verbose_name = _("home page")


class ContentPage(LocalizedRoutingMixin, Page):
    """A generic page: about, contacts, help, the integration lab…"""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(ContentStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *Page.content_panels,
        EasyLanguageCheckPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage"]
    template = "cms/content_page.html"

    class Meta:
        verbose_name = _("content page")
