"""The address a request came from, for django-axes' lock-outs, behind a known number of proxies.

Each trusted reverse proxy appends the address it received the request from to
X-Forwarded-For, so with N proxies in front of the app the client is the N-th entry from the
right; whatever the client put in the header itself sits further left and is ignored. We do
not use django-ipware's proxy count here: in its strict mode a client that sends its own
X-Forwarded-For gets no address at all, which would put every such client under one lock-out.
"""

from __future__ import annotations

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    hops = [hop for hop in hops if hop]
    if len(hops) < count:
        return remote  # a request that did not come through every proxy
    candidate = hops[-count]
    try:
        return str(ipaddress.ip_address(candidate))
    except ValueError:
        return remote
