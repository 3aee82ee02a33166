from django import template
from django.utils.html import format_html

from cms import languages, selectors
from cms.data_stories.svg import format_number

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in every language; computed once per page by the base template."""
    return selectors.language_links(
        page=context.get("page"),
        request=context["request"],
        keep_path=bool(context.get("same_in_every_language")),
    )


@register.simple_tag
def text_language(item) -> str:
    """` lang="…" dir="…"` for an item (a lesson, a story…) that is not in the reader's
    language, as when a listing mixes in fallbacks; nothing otherwise."""
    code = item.locale.language_code
    if code == languages.current().code:
        return ""
    language = languages.get(code)
    return format_html(' lang="{}" dir="{}"', language.code, language.direction)


@register.filter
def figure(value) -> str:
    """A statistic's number as readers of the active language write it: no trailing zeros
    (1.3, not 1.30), the language's decimal mark and, where it has one, digit grouping."""
    return format_number(value)
