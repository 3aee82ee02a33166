"""Links that translators send through wagtail-localize point to the web, email or phone only.

A rich-text link's address, a link block's URL and an image are "overridable segments" a
translator may replace in their language; wagtail-localize stores whatever arrives, so a
`javascript:` or `data:` address would reach readers of that translation. Wagtail's own
editor drops such links (`wagtail.whitelist.check_url`); the translation editor's save views
(cms/translation/access.py) apply the same rule and refuse the value with this message."""

from bs4 import BeautifulSoup
from django.utils.translation import gettext as _
from wagtail.whitelist import check_url

# Attributes a browser follows as an address. wagtail-localize keeps only `<a id="a1">`
# markers in strings, but a string that carries an address is refused rather than stored.
_ADDRESS_ATTRIBUTES = ("href", "src", "action", "formaction", "xlink:href", "srcset", "poster")


def is_safe_address(value: str) -> bool:
    """True for web, email and phone addresses and relative ones (`/bg/pomosht/`, `#top`)."""
    return check_url(value) is not None


def is_safe_string(html: str) -> bool:
    """True when no element in a translated string carries an unsafe address."""
    for element in BeautifulSoup(html, "html.parser").find_all(True):
        for name in _ADDRESS_ATTRIBUTES:
            value = element.attrs.get(name)
            if isinstance(value, str) and not is_safe_address(value):
                return False
    return True


def refusal() -> str:
    return _(
        "Links may point only to web addresses (http, https), email (mailto:) or phone "
        "numbers (tel:). Addresses starting with javascript: or data: are refused."
    )
