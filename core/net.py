"""Who is asking: the client address, as far as the deployment lets us know it."""

import ipaddress

from django.conf import settings


def client_ip(request) -> str:
    """The client's IP address.

    With no trusted proxy this is REMOTE_ADDR and X-Forwarded-For is ignored, so a forged
    header changes nothing. With N trusted proxies, each appended the address it saw, so
    the client is the N-th entry from the right; anything left of it was written by the
    client and is not believed.
    """
    remote = request.META.get("REMOTE_ADDR", "") or "0.0.0.0"  # noqa: S104 - a placeholder, never bound
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < count:
        # Fewer hops than proxies: the request did not come through them all.
        return remote
    candidate = forwarded[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote


def source_of(ip: str) -> str:
    """What one client controls, as the unit limits and fingerprints count by.

    An IPv4 address is one source. An IPv6 client is handed a whole /64 (often more), and
    picks any address in it at will, so its source is the /64 network. An IPv4 address
    written as IPv6 (`::ffff:203.0.113.7`) is the IPv4 address. Anything that is not an
    address is returned as it is.
    """
    try:
        address = ipaddress.ip_address(ip.strip())
    except ValueError:
        return ip
    if address.version == 4:
        return str(address)
    if address.ipv4_mapped is not None:
        return str(address.ipv4_mapped)
    prefix = int(address) >> 64 << 64
    return str(ipaddress.IPv6Network((prefix, 64)))
