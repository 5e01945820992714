"""`{% cache %}` fragments in each worker's own memory (the `template_fragments` cache).

Their keys name what they were built from (the site's version, an article's last edit), so
a change makes new keys and no worker needs telling; what is no longer asked for ages out.
Reading one costs no round trip to Redis or the database. Unlike Django's LocMemCache this
one is bounded in bytes, not entries (an article's story is tens of kilobytes, the menu a
few hundred bytes), drops the least recently used first, and keeps what it is given as is
instead of pickling it: callers must not change a value they stored or read.
"""

import pickle
import sys
import threading
import time
from collections import OrderedDict

from django.core.cache.backends.base import DEFAULT_TIMEOUT, BaseCache


class LocalFragmentCache(BaseCache):
    def __init__(self, location, params):
        super().__init__(params)
        options = params.get("OPTIONS", {})
        self.max_bytes = int(options.get("MAX_BYTES", 16 * 1024 * 1024))
        self._entries: OrderedDict[str, tuple[object, float | None, int]] = OrderedDict()
        self._size = 0
        self._lock = threading.Lock()

    def validate_key(self, key):
        """Memcached's rules for keys (length, no control characters) are for keys that
        travel to a server; these never leave the process, and checking each character of
        a dozen keys a page cost more than the lookups."""

    def _expiry(self, timeout) -> float | None:
        """When an entry set now with `timeout` seconds expires (None: never)."""
        if timeout is DEFAULT_TIMEOUT:
            timeout = self.default_timeout
        return None if timeout is None else time.monotonic() + timeout

    def get(self, key, default=None, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return default
            if entry[1] is not None and entry[1] <= time.monotonic():
                self._drop(key)
                return default
            self._entries.move_to_end(key)
            return entry[0]

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        # Rendered text is measured as it is; anything else (a list of links) as pickled.
        size = sys.getsizeof(value) if isinstance(value, str) else len(pickle.dumps(value, -1))
        with self._lock:
            self._drop(key)
            if size > self.max_bytes:
                return
            self._entries[key] = (value, self._expiry(timeout), size)
            self._size += size
            while self._size > self.max_bytes:
                self._drop(next(iter(self._entries)))

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        if self.has_key(key, version=version):
            return False
        self.set(key, value, timeout, version=version)
        return True

    def has_key(self, key, version=None):
        sentinel = object()
        return self.get(key, sentinel, version=version) is not sentinel

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return False
            self._entries[key] = (entry[0], self._expiry(timeout), entry[2])
            return True

    def delete(self, key, version=None):
        key = self.make_and_validate_key(key, version=version)
        with self._lock:
            return self._drop(key)

    def clear(self):
        with self._lock:
            self._entries.clear()
            self._size = 0

    @property
    def size(self) -> int:
        """Bytes held now."""
        return self._size

    def _drop(self, key) -> bool:
        entry = self._entries.pop(key, None)
        if entry is None:
            return False
        self._size -= entry[2]
        return True
