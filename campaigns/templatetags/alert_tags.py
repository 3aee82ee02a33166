"""`{% alert_banner %}`: the alerts in force, at the top of every public page, in the
reader's language (or the nearest of its fallback chain). No cache keeps the page past the
moment an alert starts or ends; publishing one purges every page (campaigns.alerts)."""

from django import template

from campaigns.alerts import selectors
from cms import languages
from cms.cdn import changes_by_itself_at

register = template.Library()


@register.inclusion_tag("campaigns/alerts/banner.html", takes_context=True)
def alert_banner(context):
    request = context.get("request")
    language = context.get("current_language") or languages.current()
    shown, next_change = selectors.cached_banner(language.code)
    if next_change is not None:
        changes_by_itself_at(request, next_change)
    return {"alerts": shown, "reader_language": language.code}
