"""Blocks of data story pages (cms.models.DataStoryPage): text, figures and charts with
their sources, such as Sofia's city integration audit."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from cms.blocks import ContentStreamBlock
from cms.charts.blocks import ChartBlock


class SourceBlock(blocks.StructBlock):
    """Where the story's figures come from, listed at the end of the page."""

    title = blocks.CharBlock(
        label=_("Source"),
        max_length=250,
        help_text=_("Author, title and year, e.g. “Open Society Institute, annual report 2016”."),
    )
    url = blocks.URLBlock(label=_("Address"), required=False)

    class Meta:
        icon = "link-external"
        label = _("Source")
        template = "blocks/source_block.html"


class DataStoryStreamBlock(ContentStreamBlock):
    """Every generic page block, and charts."""

    chart = ChartBlock()
