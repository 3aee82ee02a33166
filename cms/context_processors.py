from django.conf import settings
from django.utils.translation import gettext, gettext_noop

from cms import languages

# The default site name, listed for translation; a custom SITE_NAME shows as written.
gettext_noop("Open Doors")


def language(request):
    """The reader's language (with its direction) and the site name for every template."""
    return {
        "current_language": languages.current(),
        "source_language_code": languages.source_language().code,
        "site_name": gettext(settings.WAGTAIL_SITE_NAME),
    }
