"""Each worker's own cache of template fragments: bounded in bytes, least recently used out
first, entries expire, and the text comes back as it was stored."""

import sys

from core.fragments import LocalFragmentCache


def fragments(max_bytes: int) -> LocalFragmentCache:
    return LocalFragmentCache("", {"OPTIONS": {"MAX_BYTES": max_bytes}})


def test_the_least_recently_used_fragment_goes_when_the_bytes_run_out():
    story = "x" * 1000
    cache = fragments(3 * sys.getsizeof(story) + 10)
    for name in "abc":
        cache.set(name, story + name, 60)
    assert cache.get("a") == story + "a"  # now the most recently used
    cache.set("d", story + "d", 60)
    assert cache.get("b") is None
    assert [cache.get(name) for name in "acd"] == [story + "a", story + "c", story + "d"]
    assert cache.size <= cache.max_bytes


def test_a_fragment_larger_than_the_whole_cache_is_not_kept():
    cache = fragments(500)
    cache.set("small", "menu", 60)
    cache.set("huge", "x" * 1000, 60)
    assert cache.get("huge") is None
    assert cache.get("small") == "menu"


def test_fragments_expire_and_can_be_replaced(monkeypatch):
    cache = fragments(10_000)
    now = [1000.0]
    monkeypatch.setattr("core.fragments.time.monotonic", lambda: now[0])
    cache.set("nav", "old", 300)
    cache.set("nav", "new", 300)
    assert cache.get("nav") == "new"
    assert cache.size == sys.getsizeof("new")
    now[0] += 301
    assert cache.get("nav") is None
    assert cache.size == 0
    assert cache.add("nav", "again", 300) is True
    assert cache.add("nav", "other", 300) is False
    cache.clear()
    assert cache.get("nav") is None
