from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import patch_vary_headers

from cms.sitemaps import is_sitemap_address

API_PREFIX = "/api/"
# Addresses outside the language prefixes whose answer is the same in every language (and
# the sitemap's files).
LANGUAGE_NEUTRAL = frozenset({"/robots.txt"})


class LanguagePrefixMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware without its guess-the-prefix redirect.

    Every public URL carries its language (`/bg/`, `/ar/`…) and `/` chooses one by
    Accept-Language (cms.views.choose_language). Django would also redirect any
    unprefixed 404 to the reader's language, turning an unknown prefix such as `/xx/`
    into `/bg/xx/`; here it stays a plain 404.
    """

    def process_request(self, request):
        if request.path_info.startswith(API_PREFIX):
            # API messages are in English for every partner and screen; the content's
            # language is chosen by the endpoint (?lang=, Accept-Language), which sets its
            # own Vary and Content-Language headers.
            translation.activate("en")
            request.LANGUAGE_CODE = "en"
            return None
        return super().process_request(request)

    def process_response(self, request, response):
        path = request.path_info
        if path.startswith(API_PREFIX) or path in LANGUAGE_NEUTRAL or is_sitemap_address(path):
            return response  # no Vary: Accept-Language, so a CDN keeps one copy
        if response.status_code == 404 and not translation.get_language_from_path(
            request.path_info
        ):
            patch_vary_headers(response, ("Accept-Language",))
            response.headers.setdefault("Content-Language", translation.get_language())
            return response
        return super().process_response(request, response)
