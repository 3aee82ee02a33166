"""Data story pages: facts and figures told as a story, such as Sofia's city integration
audit (docs/data-stories.md)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from cms.blocks import ContentStreamBlock
from cms.data_stories.blocks import ChartBlock, SourceBlock
from cms.readability import EasyLanguageCheckPanel
from cms.translatable import LocalizedRoutingMixin


class DataStoryStreamBlock(ContentStreamBlock):
    """Every generic page block, and charts."""

    chart = ChartBlock()


class DataStoryPage(LocalizedRoutingMixin, Page):
    """Facts and figures told as a story: statistics and charts, each with its source, such
    as Sofia's city integration audit. The sources are listed again at the end of the page,
    and a publication paid for by the EU must say that the Commission is not responsible."""

    intro = models.TextField(
        _("introduction"), blank=True, help_text=_("One or two short sentences: the main finding.")
    )
    body = StreamField(DataStoryStreamBlock(), blank=True, verbose_name=_("body"))
    sources = StreamField(
        [("source", SourceBlock())],
        blank=True,
        verbose_name=_("sources"),
        help_text=_("Everything the figures on this page come from."),
    )
    funding_disclaimer = models.TextField(
        _("funding disclaimer"),
        blank=True,
        help_text=_(
            "For work paid for by the EU: a sentence saying that the European Commission is "
            "not responsible for how the information is used."
        ),
    )

    content_panels = [
        *Page.content_panels,
        EasyLanguageCheckPanel(),
        FieldPanel("intro"),
        FieldPanel("body"),
        FieldPanel("sources"),
        FieldPanel("funding_disclaimer"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    parent_page_types = ["cms.HomePage", "cms.ContentPage", "cms.DataStoryPage"]
    subpage_types = ["cms.DataStoryPage"]
    template = "cms/data_story_page.html"

    class Meta:
        verbose_name = _("data story page")
