"""Blocks shared by every app's pages, and the body of generic pages (ContentStreamBlock),
which the core's features (polls, figures) add to. Apps build their own StreamBlocks from
these."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.data_stories.blocks import StatisticBlock
from cms.polls.blocks import PollBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


class BodyTextBlock(blocks.RichTextBlock):
    """Text with headings, lists and links: the prose of generic pages and stories."""

    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        label = _("Text")
        description = _("Paragraphs of text, with headings, lists and links.")
        template = "blocks/rich_text_block.html"
        preview_value = (
            "<h2>Your first weeks in Sofia</h2>"
            "<p>Always carry an <b>identity document</b>. Keep copies of all your documents.</p>"
            "<ul><li>Register your address.</li><li>Find a family doctor.</li></ul>"
        )


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
        description = _(
            "A picture from the image library, described for readers who cannot see it."
        )
        template = "blocks/image_block.html"

    def get_preview_value(self):
        """The oldest image of the library with its own description, or no image."""
        image = get_image_model().objects.order_by("pk").first()
        return self.normalize(
            {
                "image": image,
                "alt_text": image.default_alt_text if image else "",
                "caption": image.title if image else "",
            }
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=200)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        description = _("Words someone said or wrote, and who said them.")
        template = "blocks/quote_block.html"
        preview_value = {
            "text": "All human beings are born free and equal in dignity and rights.",
            "attribution": "Universal Declaration of Human Rights, article 1",
        }


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
        description = _("A heading, a short text and a button to a page or a website.")
        template = "blocks/call_to_action_block.html"
        value_class = CallToActionValue
        preview_value = {
            "heading": "Questions about your rights?",
            "text": "The UN Refugee Agency explains them and says where to get free advice.",
            "button_label": "Find help",
            "page": None,
            "external_url": "https://help.unhcr.org/bulgaria/",
        }

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


class LibraryVideoBlock(SnippetChooserBlock):
    """A captioned video with a data-saver version from the platform's video library, chosen
    by the library's model label and drawn by its template: any app's pages may offer it
    without importing the campaigns app (docs/videos.md)."""

    def __init__(self, **kwargs):
        super().__init__("campaigns.Video", **kwargs)

    def bulk_to_python(self, values):
        """The page's videos with their posters and captions in three queries, not two more
        per video."""
        found = (
            self.model_class.objects.select_related("poster")
            .prefetch_related("captions")
            .in_bulk([value for value in values if value is not None])
        )
        return [found.get(value) for value in values]

    def get_preview_value(self):
        """The newest published, processed video of the library, or none."""
        return self.target_model.objects.filter(published=True, processing_status="ready").first()

    class Meta:
        icon = "media"
        label = _("Video from the library")
        description = _("A video from the video library, with captions and a data-saver version.")
        template = "campaigns/blocks/video.html"


class ContentStreamBlock(blocks.StreamBlock):
    """The body of generic pages: the blocks any editor may need."""

    rich_text = BodyTextBlock()
    image = ImageWithAltTextBlock()
    quote = QuoteBlock()
    statistic = StatisticBlock()
    call_to_action = CallToActionBlock()
    poll = PollBlock()

    class Meta:
        label = _("Body")
