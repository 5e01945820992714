"""Cache backends that never take the site down.

The cache holds copies (pages, fragments, counters) and soft limits; when Redis is down or
hangs, or the database cache table is missing, every operation is answered as a miss (or
"not stored") and the page is built from the database instead. After a failure the cache
is skipped for CACHE_RETRY_SECONDS in that process, so a hanging server costs one short
socket timeout now and then, not one per operation. Failures are logged at most once per
CACHE_LOG_SECONDS per process. `cache_is_degraded()` tells /healthz.
"""

import functools
import logging
import time

from django.conf import settings
from django.core.cache.backends.db import DatabaseCache
from django.db import DatabaseError, connections, router

logger = logging.getLogger(__name__)

# What each operation answers while the cache is unavailable.
_FALLBACKS = {
    "get": lambda *args, **kwargs: kwargs.get("default", args[1] if len(args) > 1 else None),
    "get_many": lambda *args, **kwargs: {},
    "set": lambda *args, **kwargs: False,
    "set_many": lambda *args, **kwargs: list(args[0]) if args else [],
    "add": lambda *args, **kwargs: False,
    "touch": lambda *args, **kwargs: False,
    "delete": lambda *args, **kwargs: False,
    "delete_many": lambda *args, **kwargs: None,
    "has_key": lambda *args, **kwargs: False,
    "incr": lambda *args, **kwargs: None,
    "decr": lambda *args, **kwargs: None,
    "clear": lambda *args, **kwargs: None,
    "delete_pattern": lambda *args, **kwargs: 0,
}


class _Health:
    """Per-process state of the shared cache: skipped until `down_until`, logged when due."""

    down_until = 0.0
    last_logged = 0.0
    last_error = ""

    @classmethod
    def failed(cls, operation: str, exc: Exception) -> None:
        now = time.monotonic()
        cls.down_until = now + settings.CACHE_RETRY_SECONDS
        cls.last_error = f"{type(exc).__name__}: {exc}"
        if now - cls.last_logged >= settings.CACHE_LOG_SECONDS or not cls.last_logged:
            cls.last_logged = now
            logger.warning(
                "Cache unavailable (%s during %s); serving without it for %ss at a time.",
                cls.last_error,
                operation,
                settings.CACHE_RETRY_SECONDS,
            )

    @classmethod
    def is_down(cls) -> bool:
        return time.monotonic() < cls.down_until

    @classmethod
    def recovered(cls) -> None:
        cls.down_until = 0.0


def cache_is_degraded() -> bool:
    """True while this process is serving without the shared cache."""
    return _Health.is_down()


def cache_recovered() -> None:
    """Try the cache again on the next operation (healthz probes it on purpose)."""
    _Health.recovered()


def _guarded(name: str, method, errors: tuple[type[Exception], ...]):
    fallback = _FALLBACKS[name]

    @functools.wraps(method)
    def guarded(self, *args, **kwargs):
        if _Health.is_down():
            return fallback(*args, **kwargs)
        try:
            return self._run_guarded(method, *args, **kwargs)
        except errors as exc:
            _Health.failed(name, exc)
            return fallback(*args, **kwargs)

    return guarded


def resilient(cls, errors: tuple[type[Exception], ...]):
    """A subclass of cache backend `cls` whose operations turn `errors` into misses."""
    namespace = {
        name: _guarded(name, getattr(cls, name), errors)
        for name in _FALLBACKS
        if hasattr(cls, name)
    }
    if not hasattr(cls, "_run_guarded"):
        namespace["_run_guarded"] = lambda self, method, *a, **kw: method(self, *a, **kw)
    return type(f"Resilient{cls.__name__}", (cls,), namespace)


class _CheckedDatabaseCache(DatabaseCache):
    """The database cache, first checking (once per process) that its table exists: a
    failing query inside a transaction would abort it on PostgreSQL, taking the request
    down with the cache."""

    _tables_seen: set = set()

    def _run_guarded(self, method, *args, **kwargs):
        if self._table not in self._tables_seen:
            connection = connections[router.db_for_read(self.cache_model_class)]
            with connection.cursor() as cursor:
                if self._table not in connection.introspection.table_names(cursor):
                    raise DatabaseError(
                        f"the cache table {self._table} does not exist "
                        "(manage.py createcachetable makes it)"
                    )
            self._tables_seen.add(self._table)
        return method(self, *args, **kwargs)


ResilientDatabaseCache = resilient(_CheckedDatabaseCache, (DatabaseError,))


def redis_errors() -> tuple[type[Exception], ...]:
    """What a failing or unreachable Redis raises, for code that talks to it directly."""
    from django_redis.exceptions import ConnectionInterrupted
    from redis.exceptions import RedisError

    return (ConnectionInterrupted, RedisError, OSError)


try:
    from django_redis.cache import RedisCache
except ImportError:  # pragma: no cover - django-redis is a dependency
    ResilientRedisCache = None
else:
    ResilientRedisCache = resilient(RedisCache, redis_errors())
