"""Forms on pages every reader shares (a poll, the lesson quiz, the photovoice form).

Public pages may be kept by a CDN, so they carry no CSRF cookie or per-reader token. The
views these forms post to are exempt from Django's CSRF check and ask the browser instead:
a post whose `Origin` is another site, or whose `Sec-Fetch-Site` says "cross-site", is
refused. Every current browser sends these on a form post; this is what stops another site
from making its visitors post.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.http import HttpRequest
from django.utils.http import url_has_allowed_host_and_scheme


def is_cross_site(request: HttpRequest) -> bool:
    """True when the browser says the post comes from another site."""
    if request.headers.get("Sec-Fetch-Site", "").lower() == "cross-site":
        return True
    origin = request.headers.get("Origin")
    if origin is None:
        return False  # not a browser, or a very old one: not a cross-site forgery vector
    trusted = {urlsplit(entry).netloc for entry in settings.CSRF_TRUSTED_ORIGINS}
    # The host alone: behind a load balancer that ends TLS the scheme may differ.
    try:
        host = urlsplit(origin).netloc
    except ValueError:  # not a URL ("http://["): no browser sends that from this site
        return True
    return origin == "null" or (host != request.get_host() and host not in trusted)


def return_address(request: HttpRequest, value: str | None) -> str | None:
    """The page a form was posted from (a hidden field), if it is one of this site's."""
    if (
        value
        and value.startswith("/")
        and url_has_allowed_host_and_scheme(value, allowed_hosts={request.get_host()})
    ):
        return value
    return None
