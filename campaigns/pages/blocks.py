"""Blocks of campaign pages: myths and facts, events, stories."""

import datetime

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from campaigns.stories.models import WEB, StoryPage


class MythFactBlock(blocks.StructBlock):
    myth = blocks.TextBlock(label=_("Myth"), help_text=_("What people often believe."))
    fact = blocks.TextBlock(label=_("Fact"), help_text=_("What is true, in plain words."))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=250)

    class Meta:
        icon = "help"
        label = _("Myth and fact")
        description = _("A common false belief, and the facts that answer it.")
        template = "campaigns/blocks/myth_fact.html"
        preview_value = {
            "myth": "Refugees are economic migrants.",
            "fact": "Refugees flee war or persecution. "
            "International law gives them the right to protection.",
            "source": "UN Refugee Convention (1951)",
        }


class EventBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    starts_at = blocks.DateTimeBlock(label=_("Starts at"))
    place = blocks.CharBlock(label=_("Place"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "date"
        label = _("Event")
        description = _("Something that happens during the campaign: what, when and where.")
        template = "campaigns/blocks/event.html"
        preview_value = {
            "title": "Cleaning up hateful graffiti",
            "starts_at": datetime.datetime(2019, 6, 15, 7, 0, tzinfo=datetime.UTC),
            "place": "Streets in central Sofia",
            "description": "Volunteers and residents clean off graffiti with messages of hate.",
        }


class StoryChooserBlock(blocks.PageChooserBlock):
    """A story the campaign told; pages show it only while its consent covers the web."""

    def __init__(self, **kwargs):
        super().__init__(page_type="campaigns.StoryPage", **kwargs)

    def get_preview_value(self):
        """The oldest story readers may see on the web, or none."""
        return StoryPage.objects.live().public().with_consent(WEB).order_by("pk").first()

    class Meta:
        icon = "user"
        label = _("Story")
        description = _(
            "A migrant’s story, shown only while the person’s consent covers the website."
        )
