"""An article's page is stored once a worker has built it PAGE_CACHE_MIN_USES times (2 by
default): a page opened once costs no round trip to store it and takes no room in the
cache. Lists and search results are stored at once."""

import pytest
from django.core.cache import cache

from core import localpages
from core.pagecache import _VERSION, _page_key, scope_changed
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def stored(key: str) -> bool:
    return cache.get(key) is not None


def test_a_page_is_stored_on_its_second_build_and_served_on_the_third(client, rf):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    page_key = _page_key(rf.get(url))
    version_key = f"{_VERSION}article:{article.pk}"

    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    assert "public" in first["Cache-Control"]  # the same headers, stored or not
    assert not stored(page_key)
    assert not stored(version_key)  # waits for the page to be stored
    assert stored(f"{_VERSION}site")  # shared by every page: stored at once
    assert localpages.memory.page(page_key) is None

    second = client.get(url)
    assert second["X-Page-Cache"] == "miss"
    assert stored(version_key)
    assert stored(page_key) or localpages.memory.page(page_key) is not None

    third = client.get(url)
    assert third["X-Page-Cache"] == "hit"
    assert third.content == second.content == first.content


def test_each_page_counts_its_own_builds(client):
    one, other = (ArticleFactory(published=True) for _ in range(2))
    client.get(one.get_absolute_url())
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "miss"
    assert client.get(other.get_absolute_url())["X-Page-Cache"] == "hit"


def test_one_stores_every_page_at_once(client, settings):
    settings.PAGE_CACHE_MIN_USES = 1
    article = ArticleFactory(published=True)
    client.get(article.get_absolute_url())
    assert client.get(article.get_absolute_url())["X-Page-Cache"] == "hit"


def test_a_page_read_before_is_stored_on_its_first_rebuild_after_a_change(client):
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    for _ in range(2):
        client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"
    scope_changed(f"article:{article.pk}")  # its comments moderated, its views counted
    assert client.get(url)["X-Page-Cache"] == "miss"
    assert client.get(url)["X-Page-Cache"] == "hit"


def test_the_builds_remembered_are_bounded(monkeypatch, settings):
    monkeypatch.setattr(localpages._Memory, "BUILDS_KEPT", 3)
    memory = localpages._Memory()
    assert [memory.built(f"k{n}") for n in range(5)] == [False] * 5
    assert len(memory.builds) == 3
    assert memory.built("k4")  # remembered: its second build
    assert memory.built("k4")  # and every build after
    assert not memory.built("k0")  # forgotten: counted again from one


def test_lists_and_search_results_are_stored_at_once(client):
    ArticleFactory(published=True, title="Kỳ họp cuối năm")
    for url in ("/", "/tim-kiem/?q=ky+hop"):
        assert client.get(url)["X-Page-Cache"] == "miss"
        assert client.get(url)["X-Page-Cache"] == "hit", url
