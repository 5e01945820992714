"""The WSGI handler gunicorn runs (hnp/wsgi.py)."""

from django.core.handlers.wsgi import WSGIHandler as DjangoWSGIHandler


class WSGIHandler(DjangoWSGIHandler):
    """Django's, but a request whose address the page cache has resolved already (to know
    whether its page may be cached: core/pagecache.py) is not resolved a second time."""

    def resolve_request(self, request):
        match = request.resolver_match
        if match is not None and getattr(request, "urlconf", None) is None:
            return match
        return super().resolve_request(request)
