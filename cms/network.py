"""Addresses: which ones outgoing requests (partners' webhooks) may reach, and which one a
request comes from."""

import functools
import ipaddress
from urllib.parse import urlsplit

from django.conf import settings

# IPv6 forms that carry an IPv4 address a gateway may forward to, whichever it is: NAT64
# (well-known and local-use prefixes), IPv4-compatible (deprecated) and 6to4. Python calls
# them global even when the IPv4 address inside is private; no partner needs them.
IPV4_CARRIERS = [
    ipaddress.ip_network("64:ff9b::/96"),
    ipaddress.ip_network("64:ff9b:1::/48"),
    ipaddress.ip_network("::/96"),
    ipaddress.ip_network("2002::/16"),
]


def is_public_address(text: str) -> bool:
    """An internet address: not loopback, private, link-local (cloud metadata), shared
    (carrier-grade NAT), reserved, multicast or unspecified, also when written as IPv4 in
    IPv6; and not an IPv6 form that carries an IPv4 address (NAT64, IPv4-compatible,
    6to4)."""
    address = ipaddress.ip_address(text)
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped:
            address = address.ipv4_mapped
        elif any(address in network for network in IPV4_CARRIERS):
            return False
    return address.is_global and not address.is_multicast


def names_own_network(url: str) -> bool:
    """Whether a URL's host is plainly not on the internet: `localhost` or an address that is
    not public. Names are resolved only when connecting (the connection checks again)."""
    host = (urlsplit(url).hostname or "").rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return not is_public_address(host)
    except ValueError:
        return False  # a name, not an address


@functools.cache
def _networks(proxies: tuple[str, ...]) -> tuple:
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def from_trusted_proxy(address: str) -> bool:
    """Whether the connection comes from one of settings.TRUSTED_PROXIES (addresses or
    networks): only then does X-Forwarded-For say who the client is."""
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request) -> str:
    """The client's address, the same for every rate limit and the login lockout: the one
    the last of API_PROXY_COUNT proxies added to X-Forwarded-For when the request came
    through a trusted proxy, else the connection's own (a forged header counts for
    nothing)."""
    remote = request.META.get("REMOTE_ADDR", "")
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR")
    proxies = settings.REST_FRAMEWORK.get("NUM_PROXIES") or 0
    if forwarded and proxies and from_trusted_proxy(remote):
        addresses = [address.strip() for address in forwarded.split(",")]
        return addresses[-min(proxies, len(addresses))]
    return remote
