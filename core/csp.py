"""django-csp's middleware, with the site's policy header built once per process.

django-csp builds the header from the settings on every response (a tenth of a
millisecond: a page the page cache misses costs about three). The policy a response gets
is the same for every response that changes nothing of it: no nonce asked for, no
`@csp_update`/`@csp_replace`/`@csp` decorator, no exemption, no excluded prefix and no
report-only policy configured. Such a response gets the header built once; any other goes
through django-csp unchanged.
"""

from functools import cache

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject
from csp.middleware import CSPMiddleware as BaseCSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

# What a view or a decorator may set on a response to change its policy.
_RESPONSE_CHANGES = (
    "_csp_config", "_csp_update", "_csp_replace", "_csp_exempt",
    "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro", "_csp_exempt_ro",
)  # fmt: skip


@cache
def _plain_policy() -> str | None:
    """The policy header of a response that changes nothing of it, or None when the
    settings ask for more than that (report-only, excluded prefixes)."""
    policy = getattr(settings, "CONTENT_SECURITY_POLICY", None) or {}
    if policy.get("EXCLUDE_URL_PREFIXES") or getattr(
        settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None
    ):
        return None
    return build_policy() or None


@receiver(setting_changed)
def _settings_changed(setting, **kwargs):
    if setting.startswith("CONTENT_SECURITY_POLICY"):
        _plain_policy.cache_clear()


class CSPMiddleware(BaseCSPMiddleware):
    def process_response(self, request, response):
        plain = _plain_policy()
        if (
            plain is None
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in _RESPONSE_CHANGES)
            or HEADER in response
            or (settings.DEBUG and response.status_code in (404, 500))
        ):
            return super().process_response(request, response)
        response[HEADER] = plain
        # As django-csp does: asking for a nonce after the header is written is an error.
        request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
        return response
