"""The editors' home page tells them what needs them (docs/development.md, "The admin's
home page"): each app registers, with the hook `register_attention_counts`, a function of
the user that returns counts with links; the platform shows those that are not zero in one
panel. A function returns nothing for a user who may not act on what it counts, so nobody
sees a count they cannot do anything about."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.ui.components import Component

HOOK = "register_attention_counts"


@dataclass(frozen=True)
class Attention:
    label: str
    count: int
    url: str
    # "critical" (an alert in force, a screen down), "warning" or "info": its colour.
    level: str = "warning"


def attention_for(user) -> list[Attention]:
    found: list[Attention] = []
    counters: Iterable[Callable] = hooks.get_hooks(HOOK)
    for counter in counters:
        found += [item for item in counter(user) if item.count]
    order = {"critical": 0, "warning": 1, "info": 2}
    return sorted(found, key=lambda item: order.get(item.level, 3))


class AttentionPanel(Component):
    name = "attention"
    order = 50
    template_name = "cms/admin/attention_panel.html"

    def __init__(self, request):
        self.items = attention_for(request.user)

    def get_context_data(self, parent_context=None):
        return {"items": self.items, "heading": _("Needs you")}

    def render_html(self, parent_context=None):
        # No panel at all when nothing needs this editor.
        return super().render_html(parent_context) if self.items else ""
