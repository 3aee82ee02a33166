"""StreamField bodies as typed JSON blocks: `{"type", "id", "value"}`, with absolute URLs,
images as renditions, links to other content as API references, and rich text as HTML that
is sanitised again on the way out (a partner inserts it into their own pages)."""

import datetime

import nh3
from django.db.models import Model, Prefetch, QuerySet
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page
from wagtail.rich_text import RichText, expand_db_html
from wagtail.snippets.blocks import SnippetChooserBlock

from cms.api.addresses import absolute, api_url

ALLOWED_TAGS = {"p", "br", "b", "strong", "i", "em", "a", "ul", "ol", "li", "h2", "h3", "h4"}
ALLOWED_TAGS |= {"blockquote", "sub", "sup", "span"}
IMAGE_RENDITION = "max-1200x1200|format-webp"


def sanitised_html(html: str) -> str:
    """Editor rich text with internal links expanded, made absolute and cleaned."""

    def absolute_link(element, attribute, value):
        if attribute in ("href", "src"):
            return absolute(value)
        return value

    return nh3.clean(
        expand_db_html(html),
        tags=ALLOWED_TAGS,
        attributes={"a": {"href", "title", "lang", "dir"}, "span": {"lang", "dir"}},
        url_schemes={"http", "https", "mailto", "tel"},
        attribute_filter=absolute_link,
        link_rel="noopener",
    )


def with_renditions(queryset: QuerySet, *image_fields: str) -> QuerySet:
    """`queryset` with the images in `image_fields` and their API rendition fetched in two
    queries per field, so image_json() asks nothing more per object."""
    images = get_image_model().objects.prefetch_renditions(IMAGE_RENDITION)
    return queryset.prefetch_related(*(Prefetch(field, queryset=images) for field in image_fields))


def image_json(image) -> dict | None:
    if image is None:
        return None
    rendition = image.get_rendition(IMAGE_RENDITION)
    return {
        "id": image.pk,
        "url": absolute(rendition.url),
        "width": rendition.width,
        "height": rendition.height,
        "original_url": absolute(image.file.url),
    }


def reference_json(instance: Model | None) -> dict | None:
    """A link to another piece of content: enough to show it, and where to fetch it."""
    if instance is None:
        return None
    if isinstance(instance, Page):
        if not instance.live:
            return None  # a draft never leaves the admin, not even as a title
        instance = instance.specific_deferred
    if getattr(instance, "is_public", True) is False:
        return None  # e.g. an unpublished video
    label = instance._meta.label_lower
    return {
        "id": instance.pk,
        "type": label.split(".")[-1],
        "title": str(getattr(instance, "title", instance)),
        "api_url": api_url(label, instance.pk),
    }


def block_json(block: blocks.Block, value):
    """The JSON form of one block's value (recursive for structs, lists and streams)."""
    if value is None:
        return None
    if isinstance(block, blocks.StreamBlock):
        return stream_json(value)
    if isinstance(block, blocks.ListBlock):
        return [block_json(block.child_block, item) for item in value]
    if isinstance(block, blocks.StructBlock):
        return {
            name: block_json(child, value.get(name)) for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.RichTextBlock) or isinstance(value, RichText):
        return sanitised_html(value.source if isinstance(value, RichText) else str(value))
    if isinstance(block, ImageChooserBlock):
        return image_json(value)
    if isinstance(block, DocumentChooserBlock):
        return {"id": value.pk, "title": value.title, "url": absolute(value.url)}
    if isinstance(block, (blocks.PageChooserBlock, SnippetChooserBlock)):
        return reference_json(value)
    if isinstance(block, EmbedBlock) or isinstance(value, EmbedValue):
        return {"url": value.url}
    if isinstance(value, (datetime.date, datetime.time, datetime.datetime)):
        return value.isoformat()
    return block.get_api_representation(value)


def stream_json(stream) -> list[dict]:
    return [
        {"type": child.block_type, "id": child.id, "value": block_json(child.block, child.value)}
        for child in stream
    ]


def term_json(term, names: dict) -> dict:
    """A topic or theme, named in the asked language (`names`: translation key → copy)."""
    shown = names.get(term.translation_key, term)
    return {"slug": term.slug, "name": shown.name, "locale": shown.locale.language_code}
