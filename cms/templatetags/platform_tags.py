from django import template

from cms import selectors

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to this page in every language; computed once per page by the base template."""
    return selectors.language_links(page=context.get("page"), request=context["request"])
