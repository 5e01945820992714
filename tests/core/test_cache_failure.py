"""The cache is an accelerator, never a dependency: with Redis down or hanging, or the
database cache table missing, readers still read and comment, and /healthz says so."""

import logging
import socket
import threading

import pytest
from django.conf import settings
from django.urls import reverse

from comments.models import Comment
from core.cache import cache_is_degraded
from tests.comments.conftest import comment_data, comment_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def with_fragments(default: dict) -> dict:
    """CACHES with a broken `default` and, as in production, each worker's own fragments."""
    return {"default": default, "template_fragments": settings.CACHES["template_fragments"]}


def redis_cache(location):
    return with_fragments(
        {
            "BACKEND": "core.cache.ResilientRedisCache",
            "LOCATION": location,
            "KEY_PREFIX": "hnp-broken",
            "OPTIONS": {"SOCKET_CONNECT_TIMEOUT": 0.25, "SOCKET_TIMEOUT": 0.5},
        }
    )


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens there once the socket is closed


@pytest.fixture(autouse=True)
def _skip_a_failed_cache_for_a_while(settings):
    settings.CACHE_RETRY_SECONDS = 10  # as in production (the test settings turn it off)


@pytest.fixture
def redis_down(settings):
    location = f"redis://127.0.0.1:{closed_port()}/0"
    settings.CACHES = redis_cache(location)
    settings.REDIS_URL = location


class HangingServer:
    """Accepts connections and never answers, like a Redis stuck on a full disk."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(50)
        self.sock.settimeout(0.2)
        self.accepted = []
        self.running = True
        self.thread = threading.Thread(target=self.serve, daemon=True)
        self.thread.start()

    @property
    def port(self):
        return self.sock.getsockname()[1]

    def serve(self):
        while self.running:
            try:
                self.accepted.append(self.sock.accept()[0])
            except OSError:
                continue

    def close(self):
        self.running = False
        self.thread.join()
        for conn in self.accepted:
            conn.close()
        self.sock.close()


@pytest.fixture
def redis_hanging(settings):
    server = HangingServer()
    location = f"redis://127.0.0.1:{server.port}/0"
    settings.CACHES = redis_cache(location)
    settings.REDIS_URL = location
    yield server
    server.close()


@pytest.fixture
def cache_table_missing(settings):
    settings.CACHES = with_fragments(
        {
            "BACKEND": "core.cache.ResilientDatabaseCache",
            "LOCATION": "hnp_cache_that_was_never_created",
        }
    )
    settings.REDIS_URL = ""


@pytest.fixture
def article():
    return ArticleFactory(published=True, title="Kỳ họp thứ mười HĐND tỉnh")


def reader_pages(article):
    return [
        "/",
        article.get_absolute_url(),
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        reverse("articles:search") + "?q=ky+hop",
        comment_url(article),
        reverse("privacy"),
    ]


@pytest.mark.parametrize("broken", ["redis_down", "redis_hanging", "cache_table_missing"])
def test_readers_read_and_comment_while_the_cache_is_broken(client, article, broken, request):
    request.getfixturevalue(broken)
    for url in reader_pages(article):
        assert client.get(url).status_code == 200, url
    response = client.post(comment_url(article), comment_data(client))
    assert response.status_code == 302
    assert Comment.objects.filter(article=article, status=Comment.Status.PENDING).count() == 1
    assert cache_is_degraded()


@pytest.mark.parametrize("broken", ["redis_down", "cache_table_missing"])
def test_healthz_reports_the_degraded_cache_and_still_answers_200(client, broken, request):
    request.getfixturevalue(broken)
    response = client.get(reverse("healthz"))
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "error"}


def test_a_hanging_redis_is_tried_once_then_skipped_for_a_while(client, article, redis_hanging):
    for url in reader_pages(article) * 3:
        assert client.get(url).status_code == 200
    # One socket timeout, then the cache is skipped (CACHE_RETRY_SECONDS) instead of every
    # operation of every request waiting for its own timeout.
    assert len(redis_hanging.accepted) <= 2


def test_the_failure_is_logged_once_not_per_request(client, article, redis_down, caplog):
    with caplog.at_level(logging.WARNING, logger="core.cache"):
        for url in reader_pages(article) * 3:
            client.get(url)
    warnings = [r for r in caplog.records if r.name == "core.cache"]
    assert len(warnings) == 1
    assert "Cache unavailable" in warnings[0].getMessage()


def test_views_are_still_counted_while_redis_is_down(client, article, redis_down):
    from articles.models import PendingView
    from articles.viewcounts import flush_view_counts

    client.get(article.get_absolute_url())
    client.get(article.get_absolute_url())
    flush_view_counts()
    assert not PendingView.objects.exists()
    article.refresh_from_db()
    assert article.view_count == 2


@pytest.mark.parametrize("broken", ["redis_down", "cache_table_missing"])
def test_changes_show_at_once_while_the_cache_is_broken(client, article, editor, broken, request):
    """Each worker keeps fragments in its own memory under the site's version; while the
    shared cache cannot tell that version, none of them is reused."""
    from articles.services import publish_article

    request.getfixturevalue(broken)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Tin mới cùng chuyên mục" not in html
    newer = ArticleFactory(category=article.category, title="Tin mới cùng chuyên mục")
    publish_article(article=newer, editor=editor)
    html = client.get(article.get_absolute_url()).content.decode()
    assert cache_is_degraded()
    assert "Tin mới cùng chuyên mục" in html
    article.category.name = "Chuyên mục đổi tên"
    article.category.save()
    assert "Chuyên mục đổi tên" in client.get(article.get_absolute_url()).content.decode()
