"""The Content-Security-Policy header: django-csp's, built once per process for a response
that changes nothing of it (core/csp.py), and by django-csp itself otherwise."""

import pytest
from csp.constants import HEADER, HEADER_REPORT_ONLY, NONCE
from csp.decorators import csp_exempt, csp_update
from csp.exceptions import CSPNonceError
from csp.middleware import CSPMiddleware as DjangoCSPMiddleware
from django.http import HttpResponse
from django.test import RequestFactory

from core import csp


def respond(view=None, *, ask_nonce=False, path="/"):
    """The response of `view` through the site's middleware, and the request."""
    request = RequestFactory().get(path)

    def get_response(request):
        nonce = str(request.csp_nonce) if ask_nonce else ""
        return (view or (lambda r: HttpResponse(nonce)))(request)

    return csp.CSPMiddleware(get_response)(request), request


def djangos_own(view=None, *, path="/"):
    request = RequestFactory().get(path)
    return DjangoCSPMiddleware(lambda r: (view or (lambda r: HttpResponse()))(r))(request)


def test_a_plain_response_gets_django_csp_s_header_built_once(monkeypatch):
    csp._plain_policy.cache_clear()
    built = []
    original = csp.build_policy
    monkeypatch.setattr(csp, "build_policy", lambda *a, **k: built.append(1) or original(*a, **k))
    first, _ = respond()
    second, request = respond()
    assert first[HEADER] == second[HEADER] == djangos_own()[HEADER]
    assert "default-src 'self'" in first[HEADER]
    assert "object-src 'none'" in first[HEADER]
    assert len(built) == 1
    # As django-csp: a nonce asked for once the header is written would not be in it.
    with pytest.raises(CSPNonceError):
        str(request.csp_nonce)


def test_a_nonce_asked_for_is_in_the_header(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"script-src": ["'self'", NONCE]}}
    assert "nonce" not in respond()[0][HEADER]
    response, _ = respond(ask_nonce=True)
    nonce = response.content.decode()
    assert len(nonce) > 10
    assert f"'nonce-{nonce}'" in response[HEADER]


def test_a_view_s_own_policy_goes_through_django_csp():
    @csp_update({"img-src": ["https://anh.example.vn"]})
    def updated(request):
        return HttpResponse()

    @csp_exempt()
    def exempt(request):
        return HttpResponse()

    response, _ = respond(updated)
    assert "img-src 'self' data: blob: https://anh.example.vn" in response[HEADER]
    assert response[HEADER] == djangos_own(updated)[HEADER]
    response, _ = respond(exempt)
    assert HEADER not in response


def test_changed_settings_are_followed(settings):
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    response, _ = respond()
    assert response[HEADER] == "default-src 'none'"
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = {
        "DIRECTIVES": {"default-src": ["'self'"]},
    }
    response, _ = respond()
    assert response[HEADER] == "default-src 'none'"
    assert response[HEADER_REPORT_ONLY] == "default-src 'self'"
    settings.CONTENT_SECURITY_POLICY_REPORT_ONLY = None
    settings.CONTENT_SECURITY_POLICY = {
        "EXCLUDE_URL_PREFIXES": ["/quan-tri/"],
        "DIRECTIVES": {"default-src": ["'self'"]},
    }
    assert HEADER not in respond(path="/quan-tri/")[0]
    assert respond(path="/")[0][HEADER] == "default-src 'self'"
