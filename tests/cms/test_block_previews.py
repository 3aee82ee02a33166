"""Every block editors can add to a StreamField explains itself in the block picker (the
"+" menu): an icon, a label and a description, translated, and a preview that renders
(Wagtail's block previews), also when the database has nothing a chooser could show."""

import html

import pytest
from bs4 import BeautifulSoup
from django.apps import apps
from django.urls import reverse
from django.utils.functional import Promise
from wagtail import blocks
from wagtail.embeds.blocks import EmbedValue
from wagtail.fields import StreamField
from wagtail.rich_text import RichText

from campaigns.stories.models import StoryPage
from campaigns.videos.models import Video
from learning.models import LessonPage

pytestmark = pytest.mark.django_db

PROJECT_APPS = {"cms", "learning", "campaigns"}


def offered_blocks(stream_block: blocks.StreamBlock, path: str):
    """(path, block) for every block a stream's "+" menu offers, and those of the streams
    inside them."""
    for name, child in stream_block.child_blocks.items():
        yield f"{path}.{name}", child
        yield from streams_inside(child, f"{path}.{name}")


def streams_inside(block: blocks.Block, path: str):
    if isinstance(block, blocks.StreamBlock):
        yield from offered_blocks(block, path)
    elif isinstance(block, blocks.StructBlock):
        for name, child in block.child_blocks.items():
            yield from streams_inside(child, f"{path}.{name}")
    elif isinstance(block, blocks.ListBlock):
        yield from streams_inside(block.child_block, path)


def all_offered_blocks() -> list[tuple[str, blocks.Block]]:
    """Every StreamField of every model of the project, walked: "app.Model.field.block"."""
    found = {}
    for model in apps.get_models():
        if model._meta.app_label not in PROJECT_APPS:
            continue
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                path = f"{model._meta.label}.{field.name}"
                found.update(offered_blocks(field.stream_block, path))
    return sorted(found.items())


OFFERED = all_offered_blocks()
BY_PATH = dict(OFFERED)
each_offered_block = pytest.mark.parametrize(
    ("path", "block"), OFFERED, ids=[path for path, _ in OFFERED]
)


def shown_texts(block: blocks.Block, value) -> list[str]:
    """Texts of a block's value that its rendering shows (as text or in an attribute)."""
    if value is None:
        return []
    if isinstance(block, blocks.StructBlock):
        return [
            text
            for name, child in block.child_blocks.items()
            for text in shown_texts(child, value.get(name))
        ]
    if isinstance(block, blocks.ListBlock):
        return [text for item in value for text in shown_texts(block.child_block, item)]
    if isinstance(value, RichText):
        soup = BeautifulSoup(value.source, "html.parser")
        return [text.strip() for text in soup.find_all(string=True) if text.strip()]
    if isinstance(value, EmbedValue):
        return [value.url]
    if isinstance(block, blocks.ChooserBlock):
        # A chosen page, video or poll is shown by its title (a poll by its question).
        return [str(getattr(value, "title", value))]
    if isinstance(value, str) and value.strip():
        return [value.strip()]
    return []


def preview(client, block: blocks.Block):
    return client.get(reverse("wagtailadmin_block_preview"), {"id": block.definition_prefix})


def test_every_stream_field_of_the_project_is_walked():
    streams = {path.rsplit(".", 1)[0] for path, _ in OFFERED}

    assert streams == {
        "cms.HomePage.body",
        "cms.ContentPage.body",
        "cms.DataStoryPage.body",
        "cms.DataStoryPage.sources",
        "learning.LessonPage.body",
        "learning.LessonPage.related_lessons",
        "learning.CoursePage.lessons",
        "campaigns.CampaignPage.myths_and_facts",
        "campaigns.CampaignPage.events",
        "campaigns.CampaignPage.videos",
        "campaigns.CampaignPage.statistics",
        "campaigns.CampaignPage.related_stories",
        "campaigns.StoryPage.video",
        "campaigns.StoryPage.body",
    }
    assert "cms.DataStoryPage.body.chart" in BY_PATH
    assert "learning.LessonPage.body.quiz" in BY_PATH


@each_offered_block
def test_block_has_a_translated_label_an_icon_and_a_description(path, block):
    assert isinstance(block.meta.label, Promise), "label not marked for translation"
    assert str(block.label).strip()
    assert block.meta.icon not in (None, "", "placeholder")
    description = getattr(block.meta, "description", None)
    assert isinstance(description, Promise), "no description marked for translation"
    assert str(block.get_description()).strip()
    assert block.is_previewable


@each_offered_block
def test_block_preview_shows_its_preview_value(admin_client, path, block):
    response = preview(admin_client, block)

    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").select_one("main")
    assert main is not None
    assert main.select_one(f".block-{block.name}") is not None
    # The demo content has something for every chooser to show.
    texts = shown_texts(block, block.get_preview_value())
    assert texts, "the preview value shows no text"
    page = html.unescape(response.content.decode())
    assert [text for text in texts if text not in page] == []


def no_live_lessons():
    LessonPage.objects.update(live=False)


def no_published_videos():
    Video.objects.update(published=False)


def no_live_stories():
    StoryPage.objects.update(live=False)


NOTHING_TO_CHOOSE = {
    "learning.LessonPage.related_lessons.lesson": no_live_lessons,
    "learning.CoursePage.lessons.lesson": no_live_lessons,
    "learning.LessonPage.body.library_video": no_published_videos,
    "campaigns.CampaignPage.videos.library_video": no_published_videos,
    "campaigns.CampaignPage.related_stories.story": no_live_stories,
}


@pytest.mark.parametrize("path", NOTHING_TO_CHOOSE)
def test_chooser_preview_is_empty_when_there_is_nothing_to_choose(admin_client, path):
    NOTHING_TO_CHOOSE[path]()
    block = BY_PATH[path]

    assert block.get_preview_value() is None
    response = preview(admin_client, block)
    assert response.status_code == 200
    main = BeautifulSoup(response.content, "html.parser").select_one("main")
    assert main.get_text(strip=True) == ""
