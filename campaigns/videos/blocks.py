"""Videos in pages: from the library, or a link to one elsewhere."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class VideoStreamBlock(blocks.StreamBlock):
    """A video from the library (captioned, with a data-saver rendition) or a link to one
    elsewhere (YouTube, Facebook)."""

    library_video = SnippetChooserBlock(
        "campaigns.Video", label=_("Video from the library"), template="campaigns/blocks/video.html"
    )
    external_video = EmbedBlock(
        label=_("Video on another website"), template="campaigns/blocks/external_video.html"
    )
