"""Counting readers off the request path.

A view waits in the worker's memory for at most VIEW_BUFFER_SECONDS; then the worker adds
what it holds in one step: atomic increments in Redis (HINCRBY on a hash of article id →
views, one pipelined round trip), or without Redis (or while it is down) PendingView rows
in one INSERT. So a reader's request, even one served from the page cache, costs no round
trip for counting, and never an UPDATE of the article's row. A worker stopped normally
writes what it holds on exit; one killed outright loses at most that last second. `flush_view_counts()` adds the waiting views to
Article.view_count in a few statements; it runs from `manage.py flush_view_counts` (cron or
a timer) and, unless VIEW_COUNT_FLUSH_SECONDS is 0, by itself at most once per that many
seconds, so the count on a page lags by at most that interval.
"""

import atexit
import logging
import re
import threading
import time
from collections import Counter, defaultdict

from django.conf import settings
from django.core.cache import cache
from django.db import connections, transaction
from django.db.models import F

from core.cache import cache_is_degraded, redis_errors
from core.pagecache import scopes_changed

from .models import Article, PendingView

logger = logging.getLogger(__name__)

# Crawlers that say what they are. Link previews (Facebook, Zalo) fetch a page once per
# share, not per reader.
_BOT_RE = re.compile(r"bot|crawl|spider|slurp|facebookexternalhit|preview", re.IGNORECASE)
_PENDING = "views:pending"
_FLUSHING = "views:flushing"
_FLUSH_LOCK = "views:flush-lock"
_FLUSH_DUE = "views:flush-due"
_BATCH = 10_000


def is_bot(request) -> bool:
    return bool(_BOT_RE.search(request.META.get("HTTP_USER_AGENT", "")))


def _redis():
    """The raw Redis client behind the cache, or None when the cache is not Redis."""
    if not settings.REDIS_URL:
        return None
    from django_redis import get_redis_connection

    return get_redis_connection("default")


def record_view(request, article_id: int) -> None:
    """Count one reader of the article (not a crawler)."""
    if is_bot(request):
        return
    _buffer_view(article_id)
    _flush_when_due()


_buffer: Counter = Counter()
_buffer_lock = threading.Lock()
_buffer_since = time.monotonic()
_timer: threading.Timer | None = None


def _buffer_view(article_id: int) -> None:
    global _timer
    with _buffer_lock:
        _buffer[article_id] += 1
        due = time.monotonic() - _buffer_since >= settings.VIEW_BUFFER_SECONDS
        timer = None
        if _timer is None:
            # A worker that gets no further request still hands its views on in time.
            timer = _timer = threading.Timer(settings.VIEW_BUFFER_SECONDS, _write_from_timer)
            timer.daemon = True
    if timer is not None:
        timer.start()
    if due:
        write_buffered_views()


def _write_from_timer() -> None:
    global _timer
    with _buffer_lock:
        _timer = None
    try:
        write_buffered_views()
    except Exception:  # noqa: BLE001 - kept for the next write; never kill the worker
        logger.exception("Could not write buffered views; they are written later")
    finally:
        connections.close_all()  # this thread's own database connection, if it opened one


def write_buffered_views() -> int:
    """Hand the views waiting in this process's memory to Redis, or to the PendingView table
    when Redis is absent or fails."""
    global _buffer_since
    with _buffer_lock:
        views = Counter(_buffer)
        _buffer.clear()
        _buffer_since = time.monotonic()
    if not views:
        return 0
    client = None if cache_is_degraded() else _redis()
    if client is not None:
        try:
            pipeline = client.pipeline(transaction=False)
            for article_id, count in views.items():
                pipeline.hincrby(cache.make_key(_PENDING), article_id, count)
            pipeline.execute()
            return views.total()
        except redis_errors():
            logger.warning("Redis unavailable: views go to the pending-views table")
    try:
        PendingView.objects.bulk_create(
            [
                PendingView(article_id=article_id, views=count)
                for article_id, count in views.items()
            ],
            batch_size=500,
        )
    except Exception:
        with _buffer_lock:
            _buffer.update(views)  # kept for the next write
        raise
    return views.total()


@atexit.register
def _write_buffer_on_exit() -> None:
    try:
        write_buffered_views()
    except Exception:  # noqa: BLE001 - the process is ending; say so, do not mask its exit
        logger.exception("Could not write %d buffered views on exit", sum(_buffer.values()))


_next_due_check = time.monotonic()


def _flush_when_due() -> None:
    """Flush from a reader's request at most once per interval across all processes; each
    process asks the shared cache at most that often."""
    global _next_due_check
    interval = settings.VIEW_COUNT_FLUSH_SECONDS
    if not interval or time.monotonic() < _next_due_check:
        return
    _next_due_check = time.monotonic() + interval
    if cache.add(_FLUSH_DUE, 1, interval):
        try:
            flush_view_counts()
        except Exception:  # noqa: BLE001 - a failed flush keeps the views for the next one
            logger.exception("Could not flush view counts; they wait for the next flush")


def flush_view_counts() -> int:
    """Add every waiting view to its article's count; returns how many views were added."""
    write_buffered_views()
    counts = Counter()
    client = None if cache_is_degraded() else _redis()
    taken = Counter()
    redis_taken = client is not None and _take_redis_views(client, taken)
    while True:
        with transaction.atomic():
            waiting = list(
                PendingView.objects.select_for_update(skip_locked=True)
                .order_by("pk")
                .values_list("pk", "article_id", "views")[:_BATCH]
            )
            batch = taken.copy()
            for _pk, article_id, views in waiting:
                batch[article_id] += views
            if waiting:
                PendingView.objects.filter(pk__in=[pk for pk, *_ in waiting]).delete()
            _add_views(batch)
        counts += batch
        taken = Counter()
        if len(waiting) < _BATCH:
            break
    if redis_taken:
        client.delete(cache.make_key(_FLUSHING), cache.make_key(_FLUSH_LOCK))
    if counts:
        scopes_changed(f"article:{article_id}" for article_id in counts)
    return sum(counts.values())


def _add_views(counts: Counter) -> None:
    """One UPDATE per distinct amount: few statements however many articles were read."""
    by_amount = defaultdict(list)
    for article_id, amount in counts.items():
        by_amount[amount].append(article_id)
    for amount, article_ids in by_amount.items():
        Article.objects.filter(pk__in=article_ids).update(view_count=F("view_count") + amount)


def _take_redis_views(client, counts: Counter) -> bool:
    """Move the waiting views aside (atomically, so none are lost meanwhile) and read them.
    The lock keeps two flushes from adding the same views twice."""
    pending, flushing, lock = (cache.make_key(k) for k in (_PENDING, _FLUSHING, _FLUSH_LOCK))
    try:
        if not client.set(lock, 1, nx=True, ex=300):
            return False
        # A hash left by a flush that died half-way is added now, before new views.
        if not client.exists(flushing) and client.exists(pending):
            client.rename(pending, flushing)
        counts.update({int(k): int(v) for k, v in client.hgetall(flushing).items()})
        return True
    except redis_errors():
        logger.warning("Redis unavailable: views waiting there are flushed later")
        return False
