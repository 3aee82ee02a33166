"""Videos in pages: from the library, or a link to one elsewhere."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.embeds.blocks import EmbedBlock

from cms.blocks import LibraryVideoBlock


class ExternalVideoBlock(EmbedBlock):
    """A link to a video on YouTube or Facebook, shown as a link (with its title when the
    platform knows it) rather than a player that would load megabytes."""

    class Meta:
        icon = "link-external"
        label = _("Video on another website")
        description = _("A link to a video on YouTube or Facebook.")
        template = "campaigns/blocks/external_video.html"
        # Known to the stored oEmbed data (campaigns/videos/embeds.json): no network needed.
        preview_value = "https://www.youtube.com/watch?v=PsKrlxjdJYw"


class VideoStreamBlock(blocks.StreamBlock):
    """A video from the library (captioned, with a data-saver rendition) or a link to one
    elsewhere (YouTube, Facebook)."""

    library_video = LibraryVideoBlock()
    external_video = ExternalVideoBlock()
