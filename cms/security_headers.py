"""The browser's rules for every answer: a Content-Security-Policy and a Permissions-Policy
(docs/security.md).

One policy for the site (`SECURITY_POLICY`): scripts, styles, fonts and frames from our own
origin only, no inline script (public pages have none, so they need no nonce: a nonce would
be replayed by the CDN and the page cache), images and video from our origin and the media
origin, `object-src 'none'`, `base-uri 'self'`, `form-action 'self'` and `frame-ancestors
'none'`. Paths listed in `SECURITY_POLICY_BY_PATH` replace some directives: the Wagtail
admin, whose widgets write inline scripts, and the API's documentation page. Paths in
`EMBEDDABLE_PATHS` name who may frame them (a partner widget); they lose X-Frame-Options.
With `SECURITY_POLICY_REPORT_ONLY` browsers only report what the policy would block.

The playlist's WSGI fast path answers without Django: `fast_path_headers` gives it the same
headers Django's middleware gives the same address."""

from functools import cache
from io import BytesIO

from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.core.handlers.wsgi import WSGIRequest
from django.http import HttpResponse
from django.urls import reverse
from django.utils.module_loading import import_string


def _matching(path: str, table) -> dict | None:
    for prefix, value in table:
        if path.startswith(prefix):
            return value
    return None


class SitePolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the site's policy by path in either mode."""

    def get_policy_parts(self, request, response, report_only: bool = False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only=report_only)
        path = request.path_info
        if getattr(request, "is_dummy", False):
            # Wagtail's preview runs the page's own address through the middleware inside
            # the admin's answer (the preview panel's frame): the admin's rules apply.
            path = reverse("wagtailadmin_home")
        replace = dict(_matching(path, settings.SECURITY_POLICY_BY_PATH) or {})
        ancestors = _matching(path, settings.EMBEDDABLE_PATHS.items())
        if ancestors is not None:
            replace["frame-ancestors"] = list(ancestors)
        if replace:
            parts.replace = {**replace, **(parts.replace or {})}
        return parts

    def process_response(self, request, response):
        response = super().process_response(request, response)
        if _matching(request.path_info, settings.EMBEDDABLE_PATHS.items()) is not None:
            del response["X-Frame-Options"]  # frame-ancestors names who may frame it
        return response


# What Django's middleware adds to every answer, in MIDDLEWARE's order.
HEADER_MIDDLEWARE = (
    "django.middleware.security.SecurityMiddleware",
    "cms.security_headers.SitePolicyMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
)


@cache
def fast_path_headers(path: str, *, secure: bool) -> tuple[tuple[str, str], ...]:
    """The security headers Django's middleware adds to an answer for `path`, worked out
    once per process by running an empty answer through those middleware."""
    scheme = "https" if secure else "http"
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "SERVER_NAME": "localhost",
        "SERVER_PORT": "443" if secure else "80",
        "wsgi.url_scheme": scheme,
        "wsgi.input": BytesIO(),
    }
    if secure and settings.SECURE_PROXY_SSL_HEADER:
        name, value = settings.SECURE_PROXY_SSL_HEADER
        environ[name] = value
    request = WSGIRequest(environ)

    def empty(_request):
        return HttpResponse(content_type="application/json")

    handler = empty
    for dotted in reversed([name for name in settings.MIDDLEWARE if name in HEADER_MIDDLEWARE]):
        handler = import_string(dotted)(handler)
    response = handler(request)
    return tuple(
        (name, value)
        for name, value in response.items()
        if name.lower() not in ("content-type", "content-length")
    )
