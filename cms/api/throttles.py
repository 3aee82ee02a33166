"""Rate limits counted in the shared cache, so that every app process sees the same count.
With the cache down, requests are let through: an outage must not take the API, a poll or a
form down. Used by the API (readers, partners, screens), polls and photovoice."""

import logging

from django.conf import settings
from rest_framework import throttling

from cms.network import client_address

logger = logging.getLogger(__name__)


class CountedInTheCache(throttling.SimpleRateThrottle):
    """A rate from a setting (`rate_setting`, e.g. "60/minute"), per client address unless
    `get_cache_key` says otherwise. The address is the client's as the proxies in front
    report it (REST_FRAMEWORK's NUM_PROXIES), when the request came through one of them;
    a request sent straight to gunicorn is counted by its connection's address, whatever
    X-Forwarded-For it forges."""

    rate_setting: str

    def get_rate(self):
        return getattr(settings, self.rate_setting)

    def get_ident(self, request):
        return client_address(request)

    def get_cache_key(self, request, view):
        return self.cache_format % {"scope": self.scope, "ident": self.get_ident(request)}

    def allow_request(self, request, view=None):
        try:
            return super().allow_request(request, view)
        except Exception:
            logger.warning("Rate limit %s not checked: the cache is unavailable", self.scope)
            return True
