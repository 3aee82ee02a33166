"""`{% narration_player page %}`: the page's read-aloud player, or nothing."""

from django import template
from django.templatetags.static import static

from cms.narration import selectors
from cms.narration.models import NarrationSource

register = template.Library()


@register.inclusion_tag("cms/narration/player.html")
def narration_player(page) -> dict:
    narration = selectors.playable_narration(page) if page is not None and page.pk else None
    if narration is None:
        return {"narration": None}
    return {
        "narration": narration,
        "by_a_person": narration.source == NarrationSource.HUMAN,
        "minutes": max(1, round(narration.duration_seconds / 60)),
        "script": static("cms/narration.js"),
    }
