from django import template
from wagtail.embeds.embeds import get_embed
from wagtail.embeds.exceptions import EmbedException

from cms import languages

register = template.Library()


@register.inclusion_tag("campaigns/includes/video_player.html", takes_context=True)
def video_player(context, video):
    """A captioned player that loads nothing until the reader presses play."""
    preferred = languages.reader_languages()
    captions = video.captions_for(preferred)
    tracks = [
        {
            "caption": caption,
            "language": languages.get(caption.language),
            # On by default in the reader's language, or the nearest one they read.
            "is_default": position == 0 and caption.language in preferred,
        }
        for position, caption in enumerate(captions)
    ]
    return {"video": video, "tracks": tracks, "request": context.get("request")}


@register.simple_tag
def embed_for(url: str):
    """The stored (or cached) oEmbed data of an external video; None when unknown, so the
    page shows the plain link instead of failing."""
    try:
        return get_embed(url)
    except EmbedException:
        return None
