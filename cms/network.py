"""Which addresses outgoing requests (partners' webhooks) may reach."""

import ipaddress
from urllib.parse import urlsplit

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
