"""Which addresses outgoing requests (partners' webhooks) may reach."""

import ipaddress
from urllib.parse import urlsplit


def is_public_address(text: str) -> bool:
    """An internet address: not loopback, private, link-local (cloud metadata), shared
    (carrier-grade NAT), reserved, multicast or unspecified, also when written as IPv4 in
    IPv6."""
    address = ipaddress.ip_address(text)
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
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
