"""Site-wide pages that belong to no app: health check, robots.txt, privacy notice, the
error page for requests the site cannot read."""

import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, HttpResponseBadRequest, JsonResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import cache_control, never_cache
from django.views.decorators.http import require_GET
from django.views.generic import TemplateView

from core.cache import cache_recovered
from core.pagecache import CacheablePageMixin

logger = logging.getLogger(__name__)


@never_cache
@require_GET
def healthz(request):
    """For load balancers: 200 while the database answers, 503 when it does not.

    The cache only speeds the site up (core/cache.py), so a failing cache is reported as
    `"cache": "error"` with `"status": "degraded"`, and the answer stays 200."""
    checks = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        checks["database"] = "ok"
    except Exception:  # noqa: BLE001 - any failure means "not healthy"
        logger.exception("healthz: database check failed")
        checks["database"] = "error"
    cache_recovered()  # probe the cache now, even if this process is skipping it
    token = secrets.token_hex(4)
    cache.set("healthz", token, 10)
    checks["cache"] = "ok" if cache.get("healthz") == token else "error"
    if checks["database"] != "ok":
        status, code = "error", 503
    elif checks["cache"] != "ok":
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    return JsonResponse({"status": status, **checks}, status=code)


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        f"Disallow: /{settings.ADMIN_URL}",
        "Disallow: /captcha/",
        "Disallow: /binh-luan/",
        # Each article's comment page repeats the article and hands out a captcha.
        "Disallow: /bai-viet/*/binh-luan/",
        # Result pages are endless variations of the articles, and cost a search each.
        f"Disallow: {reverse('articles:search')}",
        "Allow: /",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
        "",
    ]
    return HttpResponse("\n".join(lines), content_type="text/plain; charset=utf-8")


class PrivacyNoticeView(CacheablePageMixin, TemplateView):
    template_name = "privacy.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            notice_version=settings.PRIVACY_NOTICE_VERSION,
            retention_days=settings.COMMENT_PERSONAL_DATA_DAYS,
            **kwargs,
        )


def bad_request(request, exception=None):
    """400: a request the site cannot read (a body in another charset than UTF-8, too many
    fields, a malformed upload), in Vietnamese.

    Django's own handler goes through the CSRF check, which reads the unreadable body again
    and turned every such request into a bare 500. This one never touches the body, and if
    the full page cannot be drawn, it still answers 400 with a line of text."""
    try:
        html = render_to_string("400.html", request=request)
    except Exception:  # noqa: BLE001 - the error page must not fail in turn
        logger.exception("The 400 page could not be rendered")
        return HttpResponseBadRequest(
            _("The site could not read this request."), content_type="text/plain; charset=utf-8"
        )
    return HttpResponseBadRequest(html)
