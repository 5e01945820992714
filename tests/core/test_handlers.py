"""The WSGI handler gunicorn runs resolves an address once, also when the page cache
resolved it first to know whether the page may be cached."""

from unittest import mock

import pytest
from django.core.handlers.wsgi import WSGIHandler as DjangoWSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory
from django.urls import resolvers

from core.handlers import WSGIHandler
from core.pagecache import _cacheable_view
from tests.factories import ArticleFactory


@pytest.fixture(autouse=True)
def _connections_kept():
    """As Django's test client does: the handler's signals would close the connection
    that holds the test's transaction."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


def _get(handler, path):
    environ = RequestFactory().get(path).environ
    started = []
    body = handler(environ, lambda status, headers, exc_info=None: started.append(status))
    content = b"".join(body)
    body.close()
    return started[0], content


@pytest.fixture
def root_resolves():
    """How often the root URL resolver resolves an address (none kept from other tests)."""
    _cacheable_view.cache_clear()
    calls = []
    original = resolvers.URLResolver.resolve

    def counted(self, path):
        if self.pattern.regex.pattern == "^/":
            calls.append(path)
        return original(self, path)

    with mock.patch.object(resolvers.URLResolver, "resolve", counted):
        yield calls


@pytest.mark.django_db
def test_an_article_page_the_page_cache_resolved_is_not_resolved_again(root_resolves):
    article = ArticleFactory(published=True, title="Kỳ họp thứ mười")
    status, content = _get(WSGIHandler(), article.get_absolute_url())
    assert status.startswith("200")
    assert "Kỳ họp thứ mười".encode() in content
    assert root_resolves == [article.get_absolute_url()]


@pytest.mark.django_db
def test_djangos_own_handler_resolves_it_twice(root_resolves):
    """What the site's handler saves: the page cache's resolve, then Django's own."""
    article = ArticleFactory(published=True)
    status, _ = _get(DjangoWSGIHandler(), article.get_absolute_url())
    assert status.startswith("200")
    assert root_resolves == [article.get_absolute_url()] * 2


@pytest.mark.django_db
def test_pages_the_page_cache_does_not_keep_are_resolved_once_too(root_resolves):
    status, content = _get(WSGIHandler(), "/rss/")
    assert status.startswith("200")
    assert b"<rss" in content
    assert root_resolves == ["/rss/"]
    status, _ = _get(WSGIHandler(), "/khong-co-trang-nay/")
    assert status.startswith("404")


def test_gunicorn_runs_the_sites_handler():
    from hnp.wsgi import application

    assert isinstance(application, WSGIHandler)
