"""Who reads the public API: anonymous readers, or partner sites sending their key in
`X-Partner-Key` (docs/partners.md). Wired for every DRF view through REST_FRAMEWORK's
DEFAULT_AUTHENTICATION_CLASSES and DEFAULT_THROTTLE_CLASSES; the screens' endpoints set
their own.

A partner's requests have `request.user` and `request.auth` set to its PartnerKey; a
reader's have None. API messages are in English for every partner (cms.middleware)."""

from rest_framework import authentication, exceptions

from campaigns.partners import selectors, services
from campaigns.partners.models import PartnerKey
from cms.api.throttles import CountedInTheCache

HEADER = "X-Partner-Key"
# Query parameters that look like a key: refused, so that no key ends up in logs, browser
# histories or a CDN's cache keys.
KEY_PARAMETERS = frozenset(
    {"key", "api_key", "apikey", "api-key", "partner_key", "partnerkey", "x-partner-key"}
)


class KeyInAddress(exceptions.ParseError):
    default_detail = f"Send the partner key in the {HEADER} header, never in the address."
    default_code = "key_in_address"


class PartnerKeyAuthentication(authentication.BaseAuthentication):
    """`X-Partner-Key: <key>`. Without it the request is an anonymous reader's; an unknown
    or revoked key is refused (401) rather than read as anonymous, so a partner notices."""

    def authenticate(self, request):
        if any(name.lower() in KEY_PARAMETERS for name in request.query_params):
            raise KeyInAddress()
        key = request.headers.get(HEADER)
        if key is None:
            return None
        partner_key = selectors.partner_key_for(key.strip())
        if partner_key is None:
            raise exceptions.AuthenticationFailed("This partner key is not valid.")
        if partner_key.revoked_at is not None:
            raise exceptions.AuthenticationFailed("This partner key was revoked.")
        services.record_partner_key_use(partner_key=partner_key)
        return (partner_key, partner_key)

    def authenticate_header(self, request):
        # Makes DRF answer 401 (not 403) and tell the client how to authenticate.
        return f'PartnerKey realm="api", header="{HEADER}"'


def partner_of(request) -> PartnerKey | None:
    auth = getattr(request, "auth", None)
    return auth if isinstance(auth, PartnerKey) else None


class ReaderRateThrottle(CountedInTheCache):
    """Anonymous readers, per address (API_READER_RATE)."""

    scope = "api_reader"
    rate_setting = "API_READER_RATE"

    def get_cache_key(self, request, view):
        if partner_of(request) is not None:
            return None
        return super().get_cache_key(request, view)


class PartnerRateThrottle(CountedInTheCache):
    """Partner sites, per key (API_PARTNER_RATE), wherever their requests come from."""

    scope = "api_partner"
    rate_setting = "API_PARTNER_RATE"

    def get_cache_key(self, request, view):
        partner_key = partner_of(request)
        if partner_key is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": partner_key.pk}


API_PREFIX = "/api/v1/"


def cors_allows(sender, request, **kwargs) -> bool:
    """django-cors-headers' `check_request_enabled`: a browser on a partner's page (an
    origin listed by an active key) may read the API. Called for requests outside
    CORS_URLS_REGEX too, so it answers for the API's addresses only."""
    origin = request.headers.get("Origin")
    if not origin or not request.path_info.startswith(API_PREFIX):
        return False
    return origin.lower() in selectors.partner_origins()
