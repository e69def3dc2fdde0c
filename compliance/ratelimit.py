"""Fixed-window rate limits on the shared cache (a database table, so every web process and
the worker see the same counts).

`limited(scope, key, limit, window)` counts one hit and says whether the caller is now over
the limit; views turn that into a clear message.
"""

import hashlib
import ipaddress
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache


@dataclass(frozen=True)
class Limit:
    scope: str
    limit: int
    window_seconds: int

    @property
    def window_words(self) -> str:
        minutes = max(1, self.window_seconds // 60)
        return f"{minutes} minute{'s' if minutes != 1 else ''}"


# Sign-in, sign-up and password-reset limits are django-allauth's (ACCOUNT_RATE_LIMITS in
# settings), keyed on client_ip below through compliance/allauth_adapter.py.
OPT_IN_PER_IP = Limit("opt-in-ip", 10, 60 * 60)  # public opt-in forms (compliance.hosted_views)
TEST_SMS_PER_ORGANISATION = Limit("test-sms-org", 20, 60 * 60)  # each one is a real, paid SMS
# Invitations sent and resent: anyone can sign up and invite, so the app's mail server is
# not a free way to e-mail strangers.
INVITATIONS_PER_ORGANISATION = Limit("invitations-org", 20, 60 * 60)
# Organisations a user adds (an agency's clients): plenty for real work, not a flood of rows.
NEW_ORGANISATIONS_PER_USER = Limit("new-organisation-user", 20, 60 * 60)


def _cache_key(limit: Limit, key: str) -> str:
    digest = hashlib.sha256(key.strip().lower().encode()).hexdigest()[:32]
    return f"ratelimit:{limit.scope}:{digest}"


def hit(limit: Limit, key: str) -> bool:
    """Count one attempt; True when this attempt is over the limit."""
    cache_key = _cache_key(limit, key)
    cache.add(cache_key, 0, timeout=limit.window_seconds)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # expired between add and incr
        cache.set(cache_key, 1, timeout=limit.window_seconds)
        count = 1
    return count > limit.limit


def is_over(limit: Limit, key: str) -> bool:
    """Whether the key is already over the limit, without counting an attempt."""
    return (cache.get(_cache_key(limit, key)) or 0) >= limit.limit


def reset(limit: Limit, key: str) -> None:
    cache.delete(_cache_key(limit, key))


def _trusted(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address.strip())
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(net, strict=False) for net in settings.TRUSTED_PROXIES)


def client_ip(request) -> str:
    """The address of the client, not of the TLS proxy in front of the app: X-Forwarded-For is
    read only when the connection comes from a trusted proxy (settings.TRUSTED_PROXIES), right
    to left, skipping the trusted hops; a client cannot spoof it by sending the header."""
    remote = request.META.get("REMOTE_ADDR", "") or "unknown"
    if not _trusted(remote):
        return remote
    hops = [h.strip() for h in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    for hop in reversed([h for h in hops if h]):
        if not _trusted(hop):
            try:
                return str(ipaddress.ip_address(hop))
            except ValueError:
                return remote  # a forged or broken header: fall back to the proxy's address
    return remote
