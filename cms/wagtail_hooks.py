"""Wagtail finds each app's `wagtail_hooks`; the core's features register theirs here."""

from wagtail import hooks

from cms.accounts import wagtail_hooks as accounts
from cms.dashboard import AttentionPanel
from cms.narration import wagtail_hooks as narration
from cms.polls import wagtail_hooks as polls
from cms.search import wagtail_hooks as search
from cms.translation import wagtail_hooks as translation

__all__ = ["accounts", "narration", "polls", "search", "translation"]


@hooks.register("construct_homepage_panels")
def add_attention_panel(request, panels):
    """What needs this editor first, above Wagtail's own panels."""
    panels.insert(0, AttentionPanel(request))
