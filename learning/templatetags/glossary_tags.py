from django import template
from django.utils.safestring import mark_safe

from learning.glossary.marking import mark_terms
from learning.glossary.selectors import terms_for_marking

register = template.Library()


@register.simple_tag(takes_context=True)
def glossary_marked(context, html):
    """Rich text with the glossary's terms in the page's language marked (one query a page,
    kept on the request)."""
    page = context.get("page")
    request = context.get("request")
    locale = getattr(page, "locale", None)
    if locale is None or request is None:
        return html
    kept = request.__dict__.setdefault("_glossary_terms", {})
    code = locale.language_code
    if code not in kept:
        kept[code] = terms_for_marking(code)
    return mark_safe(mark_terms(str(html), kept[code]))
