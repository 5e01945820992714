"""This process's own copies of cached pages and of the versions they were built under.

A hit in the shared cache costs a round trip to Redis (or a query of the database cache);
a hit in this process's memory costs neither. Memory may only be trusted while something
tells the process at once that a version changed, so a watcher decides:

- with Redis, a thread in each process subscribes to a channel that every version change
  publishes to (in the same transaction as the change itself); it forgets the version
  named, and every version when its connection drops, comes back, or stops answering its
  pings (messages may have been missed meanwhile);
- with the database cache on SQLite, `PRAGMA data_version` on a connection of the watcher's
  own changes whenever any other connection commits: the process then forgets every version
  and reads them again;
- otherwise (the database cache on PostgreSQL) memory is not used.

A version this process changes itself is forgotten at once, whatever the watcher. Versions
read from the shared cache are kept only if no change arrived meanwhile (`generation`).
Pages are kept up to PAGE_CACHE_LOCAL_BYTES per process, the least recently used dropped
first.
"""

import contextlib
import logging
import sqlite3
import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import connections
from django.dispatch import receiver

logger = logging.getLogger(__name__)


class _Memory:
    # How many pages' build counts are remembered (their keys' hashes: about 100 bytes each).
    BUILDS_KEPT = 50_000

    def __init__(self):
        self.lock = threading.Lock()
        self.versions: dict = {}
        self.pages: OrderedDict = OrderedDict()
        self.size = 0
        self.builds: OrderedDict = OrderedDict()
        # Bumped by every forgetting: a version read before it may be stale.
        self.generation = 0

    def forget(self, scopes=None) -> None:
        with self.lock:
            self.generation += 1
            if scopes is None:
                self.versions.clear()
            else:
                for scope in scopes:
                    self.versions.pop(scope, None)

    def clear(self) -> None:
        with self.lock:
            self.generation += 1
            self.versions.clear()
            self.pages.clear()
            self.builds.clear()
            self.size = 0

    def versions_of(self, scopes):
        """The versions of `scopes` if all are known here, else None."""
        versions = self.versions
        try:
            return {scope: versions[scope] for scope in scopes}
        except KeyError:
            return None

    def remember(self, versions: dict, generation: int) -> None:
        with self.lock:
            if generation == self.generation:
                self.versions.update(versions)

    def page(self, key):
        """This process's copy of the page, if it has one younger than PAGE_CACHE_SECONDS
        (the longest the shared cache keeps a page, so that a change this process could not
        hear of, during a cache outage, is not served longer from memory than from there)."""
        kept = self.pages.get(key)
        if kept is None:
            return None
        entry, kept_at = kept
        if time.monotonic() - kept_at > settings.PAGE_CACHE_SECONDS:
            with self.lock:
                if self.pages.get(key) is kept:
                    del self.pages[key]
                    self.size -= len(entry["content"])
            return None
        with contextlib.suppress(KeyError):  # dropped by another thread meanwhile
            self.pages.move_to_end(key)
        return entry

    def built(self, key) -> bool:
        """Count one more build of the page `key` by this process: True once it has been
        built PAGE_CACHE_MIN_USES times, and on every build after (a page rebuilt after a
        change was read before: stored at once), as long as it is remembered (the least
        recently built are forgotten first)."""
        wanted = settings.PAGE_CACHE_MIN_USES
        if wanted <= 1:
            return True
        name = hash(key)
        with self.lock:
            count = min(self.builds.pop(name, 0) + 1, wanted)
            self.builds[name] = count
            if len(self.builds) > self.BUILDS_KEPT:
                self.builds.popitem(last=False)
            return count >= wanted

    def keep(self, key, entry) -> None:
        limit = settings.PAGE_CACHE_LOCAL_BYTES
        size = len(entry["content"])
        if size * 4 > limit:
            return
        with self.lock:
            old = self.pages.pop(key, None)
            if old is not None:
                self.size -= len(old[0]["content"])
            self.pages[key] = (entry, time.monotonic())
            self.size += size
            while self.size > limit:
                _, (dropped, _kept_at) = self.pages.popitem(last=False)
                self.size -= len(dropped["content"])


memory = _Memory()


# --- watchers ----------------------------------------------------------------------------


def _store_in_cache(entries: dict, only_new: bool) -> bool:
    if only_new:
        return all(cache.add(key, value, None) for key, value in entries.items())
    return not cache.set_many(entries, None)


def _store_page_in_cache(page, first_versions: dict) -> None:
    _store_in_cache(first_versions, only_new=True)
    if page is not None:
        cache.set(*page)


class _Untrusted:
    """No way to hear of changes at once: memory is never used."""

    # Whether whole pages also go to the shared cache, for the other workers.
    shares_pages = True

    def trusted(self) -> bool:
        return False

    def store(self, entries: dict, scopes, *, only_new: bool) -> bool:
        return _store_in_cache(entries, only_new)

    def store_page(self, page, first_versions: dict) -> None:
        """Store a built page, `(key, entry, timeout)` or None when it stays in memory, and
        the first versions of the scopes that had none when it was looked up (each only
        where none exists yet). A first version that lost to another one makes the page's
        entry name a version that is never current: it is then never served."""
        _store_page_in_cache(page, first_versions)

    def stop(self) -> None:
        pass


class _SQLiteWatcher(_Untrusted):
    """Trust memory until the database changes under another connection.

    Whole pages stay in each worker's memory only: in SQLite the shared cache is a table
    of the same file, and writing a 50 KB page there on every miss takes the database's
    single write lock from the readers' comments and the other workers' pages."""

    shares_pages = False

    def __init__(self, name: str):
        self.uri = name if name.startswith("file:") else f"file:{name}?mode=ro"
        self.local = threading.local()

    def trusted(self) -> bool:
        try:
            conn = getattr(self.local, "conn", None)
            if conn is None:
                conn = self.local.conn = sqlite3.connect(self.uri, uri=True)
                self.local.seen = None
            (version,) = conn.execute("PRAGMA data_version").fetchone()
        except sqlite3.Error:
            self.local.conn = None
            return False
        if version != self.local.seen:
            self.local.seen = version
            memory.forget()
        return True

    def store(self, entries: dict, scopes, *, only_new: bool) -> bool:
        stored = _store_in_cache(entries, only_new)
        memory.forget(scopes)
        return stored


class _RedisWatcher:
    """Trust memory while subscribed to the channel every version change publishes to."""

    shares_pages = True

    PING_SECONDS = 1.0

    def __init__(self):
        self.listening = False
        self.stopped = False
        self.thread = None
        self.start_lock = threading.Lock()
        self.channel = cache.make_key("pc:changed")

    @staticmethod
    def _client():
        from django_redis import get_redis_connection

        return get_redis_connection("default")

    def trusted(self) -> bool:
        if self.thread is None or not self.thread.is_alive():
            with self.start_lock:
                if self.thread is None or not self.thread.is_alive():
                    self.thread = threading.Thread(
                        target=self._listen, name="page-cache-listener", daemon=True
                    )
                    self.thread.start()
        return self.listening

    def stop(self) -> None:
        self.stopped = True
        self.listening = False

    def _listen(self) -> None:
        from core.cache import redis_errors

        errors = redis_errors()
        while not self.stopped:
            pubsub = None
            try:
                pubsub = self._client().pubsub()
                pubsub.subscribe(self.channel)
                self._serve(pubsub)
            except (*errors, TimeoutError) as exc:
                if self.listening:
                    logger.warning("Page cache: stopped listening for changes (%s)", exc)
                self.listening = False
                memory.forget()
                time.sleep(max(settings.CACHE_RETRY_SECONDS, 1))
            finally:
                if pubsub is not None:
                    with contextlib.suppress(errors):
                        pubsub.close()

    def _serve(self, pubsub) -> None:
        awaiting_pong_since = None
        last_ping = time.monotonic()
        while not self.stopped:
            message = pubsub.get_message(timeout=self.PING_SECONDS / 2)
            now = time.monotonic()
            if message is not None:
                kind = message["type"]
                if kind == "message":
                    memory.forget(message["data"].decode().split(" "))
                elif kind == "subscribe":
                    memory.forget()  # whatever changed before is unknown
                    self.listening = True
                elif kind == "pong":
                    awaiting_pong_since = None
            if awaiting_pong_since is not None:
                if now - awaiting_pong_since > self.PING_SECONDS:
                    raise TimeoutError("Redis stopped answering the page cache's pings")
            elif now - last_ping >= self.PING_SECONDS:
                pubsub.ping()
                awaiting_pong_since = last_ping = now
        self.listening = False

    def store(self, entries: dict, scopes, *, only_new: bool) -> bool:
        """Write the versions and announce them in one transaction: no process can read a
        new version without also being told of it."""
        from core.cache import _Health, redis_errors

        memory.forget(scopes)
        if _Health.is_down():
            return False
        client = cache.client
        try:
            with self._client().pipeline(transaction=True) as pipe:
                for key, value in entries.items():
                    pipe.set(client.make_key(key), client.encode(value), nx=only_new)
                pipe.publish(self.channel, " ".join(scopes))
                results = pipe.execute()
        except redis_errors() as exc:
            _Health.failed("set", exc)
            return False
        finally:
            memory.forget(scopes)
        return all(results[: len(entries)])

    def store_page(self, page, first_versions: dict) -> None:
        """As _Untrusted.store_page, in one round trip. Nothing is announced: a first
        version stands for no change, so what the other processes remember stays true."""
        from core.cache import _Health, redis_errors

        if _Health.is_down():
            return
        client = cache.client
        try:
            with self._client().pipeline(transaction=False) as pipe:
                for key, value in first_versions.items():
                    pipe.set(client.make_key(key), client.encode(value), nx=True)
                if page is not None:
                    key, entry, timeout = page
                    pipe.set(client.make_key(key), client.encode(entry), ex=timeout)
                pipe.execute()
        except redis_errors() as exc:
            _Health.failed("set", exc)


_watcher = None


def watcher():
    global _watcher
    if _watcher is None:
        _watcher = _make_watcher()
    return _watcher


@receiver(setting_changed)
def _choose_again(setting, **kwargs):
    global _watcher
    if setting in ("PAGE_CACHE_LOCAL_BYTES", "CACHES", "DATABASES") and _watcher is not None:
        _watcher.stop()
        _watcher = None


def _make_watcher():
    if settings.PAGE_CACHE_LOCAL_BYTES <= 0:
        return _Untrusted()
    if "Redis" in settings.CACHES["default"]["BACKEND"]:
        return _RedisWatcher()
    db = connections["default"]
    name = str(db.settings_dict["NAME"])
    # A private in-memory database cannot be watched from another connection.
    private = name == ":memory:" or ("mode=memory" in name and "cache=shared" not in name)
    if db.vendor == "sqlite" and not private:
        return _SQLiteWatcher(name)
    return _Untrusted()


def reset() -> None:
    """Forget every copy (tests start from an empty cache)."""
    memory.clear()
