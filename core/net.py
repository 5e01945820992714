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
