"""Request bodies larger than their page accepts are refused before anything reads them.

Django caps form fields in memory (DATA_UPLOAD_MAX_MEMORY_SIZE) but streams uploaded files
of any size to temporary files, and the CSRF check parses a POST before any view runs: a
600 MB multipart POST to a comment page was read to disk before the view could say 413.
This middleware stands ahead of the session and CSRF middleware and answers from the
declared Content-Length alone.

Limits are per URL name or namespace (settings.REQUEST_MAX_BYTES), with
REQUEST_MAX_BYTES_DEFAULT for any other address. A body without a Content-Length (chunked)
is not read by Django at all, so it needs no limit here; nginx has its own
(client_max_body_size in deploy/nginx/hnp.conf).
"""

from django.conf import settings
from django.http import HttpResponse
from django.template.defaultfilters import filesizeformat
from django.urls import Resolver404, resolve
from django.utils.translation import gettext as _


def declared_length(request) -> int:
    """The Content-Length the client declared; 0 when missing or not a number (Django then
    reads nothing)."""
    try:
        return max(int(request.META.get("CONTENT_LENGTH") or 0), 0)
    except ValueError:
        return 0


def body_limit(path: str) -> int:
    """The largest body the page at `path` accepts."""
    limits = settings.REQUEST_MAX_BYTES
    try:
        match = resolve(path)
    except Resolver404:
        return settings.REQUEST_MAX_BYTES_DEFAULT
    if match.view_name in limits:
        return limits[match.view_name]
    for depth in range(len(match.namespaces), 0, -1):
        namespace = ":".join(match.namespaces[:depth])
        if namespace in limits:
            return limits[namespace]
    return settings.REQUEST_MAX_BYTES_DEFAULT


class RequestSizeLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        length = declared_length(request)
        # Most requests have no body: no URL resolving for them.
        if length > min(settings.REQUEST_MAX_BYTES_DEFAULT, *settings.REQUEST_MAX_BYTES.values()):
            limit = body_limit(request.path_info)
            if length > limit:
                return HttpResponse(
                    _("The data sent is too large (at most %(limit)s).")
                    % {"limit": filesizeformat(limit)},
                    status=413,
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)
