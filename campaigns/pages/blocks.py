"""Blocks of campaign pages: myths and facts, events."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class MythFactBlock(blocks.StructBlock):
    myth = blocks.TextBlock(label=_("Myth"), help_text=_("What people often believe."))
    fact = blocks.TextBlock(label=_("Fact"), help_text=_("What is true, in plain words."))
    source = blocks.CharBlock(label=_("Source"), required=False, max_length=250)

    class Meta:
        icon = "help"
        label = _("Myth and fact")
        template = "campaigns/blocks/myth_fact.html"


class EventBlock(blocks.StructBlock):
    title = blocks.CharBlock(label=_("Title"), max_length=150)
    starts_at = blocks.DateTimeBlock(label=_("Starts at"))
    place = blocks.CharBlock(label=_("Place"), max_length=200)
    description = blocks.TextBlock(label=_("Description"), required=False)

    class Meta:
        icon = "date"
        label = _("Event")
        template = "campaigns/blocks/event.html"
