"""Blocks shared by every app's pages, and the body of generic pages (ContentStreamBlock),
which the core's features (polls, figures) add to. Apps build their own StreamBlocks from
these."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

from cms.data_stories.blocks import StatisticBlock
from cms.polls.blocks import PollBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class ImageWithAltTextBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    # Required (blank or spaces only are refused): readers of every language use screen
    # readers, and wagtail-localize translates it with the page.
    alt_text = blocks.CharBlock(
        label=_("Alternative text"),
        max_length=250,
        help_text=_("What the image shows, for readers who cannot see it."),
    )
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "blocks/image_block.html"


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "blocks/quote_block.html"


class CallToActionValue(blocks.StructValue):
    def url(self) -> str:
        page = self.get("page")
        if page is not None:
            # Point at the reader's language when the target has been translated.
            return page.localized.url or ""
        return self.get("external_url") or ""


class CallToActionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    button_label = blocks.CharBlock(label=_("Button label"), max_length=60)
    page = blocks.PageChooserBlock(label=_("Link to a page"), required=False)
    external_url = blocks.URLBlock(label=_("…or to a web address"), required=False)

    class Meta:
        icon = "link"
        label = _("Call to action")
        template = "blocks/call_to_action_block.html"
        value_class = CallToActionValue

    def clean(self, value):
        value = super().clean(value)
        has_page = value.get("page") is not None
        has_url = bool(value.get("external_url"))
        if has_page == has_url:
            message = ValidationError(_("Choose a page or enter a web address, not both."))
            if not has_page:
                message = ValidationError(_("Choose a page or enter a web address."))
            raise StructBlockValidationError(block_errors={"page": message})
        return value


class ContentStreamBlock(blocks.StreamBlock):
    """The body of generic pages: the blocks any editor may need."""

    rich_text = blocks.RichTextBlock(
        label=_("Text"), features=RICH_TEXT_FEATURES, template="blocks/rich_text_block.html"
    )
    image = ImageWithAltTextBlock()
    quote = QuoteBlock()
    statistic = StatisticBlock()
    call_to_action = CallToActionBlock()
    poll = PollBlock()

    class Meta:
        label = _("Body")
