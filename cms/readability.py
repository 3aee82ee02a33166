"""The easy-language check on every page readers read, not only lessons: stories, campaigns,
generic pages and data stories show their score, grade and estimated level to editors.

The checker belongs to the lessons (learning/easy_language/); the shared apps import no
app, so learning registers it here as it starts (learning/apps.py), and any page type adds
`EasyLanguageCheckPanel()` to its panels. A page's text is what its translators translate:
every translatable string (wagtail-localize's segments) except addresses and metadata.
"""

from collections.abc import Callable
from typing import Any

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel
from wagtail.models import Page

from cms.translation.wrong_language import readable_segments

# Not prose: the address, search metadata, and the title (checked as part of the page's
# own text would count its capital letters as names).
SKIPPED_FIELDS = frozenset({"slug", "seo_title", "search_description", "title"})

_describe: Callable[[str, str], Any] | None = None


def register(describe: Callable[[str, str], Any]) -> None:
    """`describe(text, language)` gives the described report the panel shows."""
    global _describe
    _describe = describe


def readable_text(page: Page) -> str:
    """The page's prose, one paragraph per translatable string; a page type leaves out more
    fields by naming them in `easy_language_skipped_fields` (a person's name, say)."""
    skipped = SKIPPED_FIELDS | set(getattr(page, "easy_language_skipped_fields", ()))
    return "\n\n".join(text for field, text in readable_segments(page) if field not in skipped)


def describe(page: Page) -> Any | None:
    if _describe is None or not page.pk:
        return None
    return _describe(readable_text(page), page.locale.language_code)


class EasyLanguageCheckPanel(Panel):
    """Score, grade, estimated level and rare words of the version last saved, in the
    editor's language."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Easy-language check"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "cms/admin/easy_language_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            context["report"] = describe(self.instance)
            return context
