"""Each worker's own copies of pages: served without asking the shared cache, and dropped
at once when any process changes a version (core/localpages.py)."""

import base64
import pickle
import time

import pytest
from django.conf import settings
from django.core.cache import cache
from django.db import connection

from core import localpages
from core.pagecache import _VERSION, scope_changed
from tests.core.test_page_cache import cached
from tests.factories import ArticleFactory

pytestmark = pytest.mark.usefixtures("pages_stored_at_once")

REDIS = "Redis" in settings.CACHES["default"]["BACKEND"]


def wait_until(condition, seconds=3.0):
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"not within {seconds}s")
        time.sleep(0.01)


def trusted():
    """The worker's watcher is listening (Redis: its thread has subscribed)."""
    watcher = localpages.watcher()
    if type(watcher) is localpages._Untrusted:
        pytest.skip("the database cache on PostgreSQL: workers keep no copies")
    wait_until(watcher.trusted)
    return watcher


@pytest.fixture
def shared_cache_reads(monkeypatch):
    """Counts reads of the shared cache."""
    reads = []
    get_many = cache.get_many
    monkeypatch.setattr(
        cache, "get_many", lambda keys, *args, **kw: reads.append(keys) or get_many(keys, *args)
    )
    return reads


@pytest.mark.django_db
def test_a_repeated_view_comes_from_the_workers_memory_without_a_query_or_round_trip(
    client, shared_cache_reads, django_assert_max_num_queries
):
    trusted()
    article = ArticleFactory(published=True)
    cached(client, article.get_absolute_url())
    shared_cache_reads.clear()
    with django_assert_max_num_queries(0):
        response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "hit"
    assert response.content.decode().count(article.title) >= 1
    assert shared_cache_reads == []


@pytest.mark.django_db
def test_a_change_made_here_is_not_served_from_memory(client, shared_cache_reads):
    trusted()
    article = ArticleFactory(published=True)
    cached(client, article.get_absolute_url())
    scope_changed(f"article:{article.pk}")
    response = client.get(article.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert shared_cache_reads, "the new version was read from the shared cache"


@pytest.mark.django_db
def test_pages_beyond_the_memory_limit_push_out_the_least_recently_used(client, settings):
    trusted()
    articles = [ArticleFactory(published=True) for _ in range(3)]
    for article in articles:
        cached(client, article.get_absolute_url())
    one_page = max(len(entry["content"]) for entry, _ in localpages.memory.pages.values())
    settings.PAGE_CACHE_LOCAL_BYTES = 5 * one_page  # room for five pages, not six
    trusted()
    localpages.reset()
    more = [ArticleFactory(published=True) for _ in range(3)]
    for article in [*articles, *more]:
        cached(client, article.get_absolute_url())
    assert localpages.memory.size <= settings.PAGE_CACHE_LOCAL_BYTES
    kept = list(localpages.memory.pages)
    assert not any(articles[0].get_absolute_url() in key for key in kept)
    assert any(more[-1].get_absolute_url() in key for key in kept)


@pytest.mark.django_db
def test_a_copy_is_not_kept_longer_than_the_shared_cache_keeps_pages(client, settings):
    """A change this worker could not hear of (during a cache outage) is not served from
    memory longer than from the shared cache."""
    trusted()
    article = ArticleFactory(published=True)
    cached(client, article.get_absolute_url())
    key = next(iter(localpages.memory.pages))
    entry, kept_at = localpages.memory.pages[key]
    assert localpages.memory.page(key) is entry
    localpages.memory.pages[key] = (entry, kept_at - settings.PAGE_CACHE_SECONDS - 1)
    assert localpages.memory.page(key) is None
    assert localpages.memory.size == 0


@pytest.mark.skipif(not REDIS, reason="Redis only: changes are announced on its channel")
@pytest.mark.django_db
def test_a_change_announced_by_another_process_drops_this_workers_copy_at_once(client):
    """Another process writes the version and publishes it in one transaction, as
    `_RedisWatcher.store` does; this worker hears it without being called."""
    watcher = trusted()
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    cached(client, url)
    scope = f"article:{article.pk}"
    assert scope in localpages.memory.versions

    from django_redis import get_redis_connection

    with get_redis_connection("default").pipeline(transaction=True) as pipe:
        pipe.set(cache.client.make_key(_VERSION + scope), cache.client.encode(("other", None)))
        pipe.publish(watcher.channel, scope)
        pipe.execute()
    wait_until(lambda: scope not in localpages.memory.versions, seconds=1)
    assert client.get(url)["X-Page-Cache"] == "miss"


@pytest.mark.skipif(REDIS, reason="the database cache on SQLite")
@pytest.mark.django_db(transaction=True)
def test_a_commit_by_another_connection_makes_the_worker_read_the_versions_again(client):
    if connection.vendor != "sqlite":
        pytest.skip("SQLite only: PostgreSQL's database cache is never kept in memory")
    trusted()
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    cached(client, url)
    # Another process bumps the article's version straight in the cache table.
    key = cache.make_and_validate_key(_VERSION + f"article:{article.pk}")
    value = base64.b64encode(pickle.dumps(("other", None))).decode()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE hnp_cache SET value = %s WHERE cache_key = %s", [value, key])
    assert client.get(url)["X-Page-Cache"] == "miss"


@pytest.mark.skipif(not REDIS, reason="Redis only")
@pytest.mark.django_db
def test_when_the_listener_loses_its_connection_the_worker_forgets_and_listens_again(client):
    watcher = trusted()
    article = ArticleFactory(published=True)
    cached(client, article.get_absolute_url())
    scope = f"article:{article.pk}"
    assert scope in localpages.memory.versions

    from django_redis import get_redis_connection

    get_redis_connection("default").execute_command("CLIENT", "KILL", "TYPE", "pubsub")
    wait_until(lambda: scope not in localpages.memory.versions)
    wait_until(watcher.trusted)  # subscribed again
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"  # from Redis
