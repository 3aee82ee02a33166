"""`{% handout_links page %}`: "Print or download PDF" in A4 and Letter, in the page's own
language (docs/handouts.md)."""

from django import template

from learning.handouts import selectors

register = template.Library()


@register.inclusion_tag("learning/handouts/links.html")
def handout_links(page) -> dict:
    return {
        "a4": selectors.handout_path(page, "a4"),
        "letter": selectors.handout_path(page, "letter"),
    }
