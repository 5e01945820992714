"""Time the view-count UPDATE (one per article per flush) on a filled PostgreSQL database.

    DATABASE_URL=postgres://user@host/hnp_bench python bench/view_count_bench.py [--updates 5000]

Fill the database first with bench/generate_articles.py. Each update is the statement the
view-count flush sends for one article (adding one view here), in its own transaction. Readers are simulated as
on a news site: four views in five go to the articles of the last 30 days, a few of them
much more than the others; the rest to any article. The same seed gives the same views, so
two runs compare two schemas: run it, migrate (or migrate back), run it again.

It prints the median and p95 time of the UPDATE and of UPDATE+COMMIT, the share of
HOT updates (n_tup_hot_upd / n_tup_upd of pg_stat_user_tables: no new index entries, the
row stays in its page), the WAL written per update and how much the indexes grew. It runs
CHECKPOINT first (a superuser or pg_checkpoint member may), and the WAL figure counts the
whole server: run it on a quiet one.
"""

import argparse
import os
import random
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article  # noqa: E402

TABLE = Article._meta.db_table
# The statement flush_view_counts() sends for an article (adding one view here).
UPDATE = (
    f'UPDATE "{TABLE}" SET "view_count" = ("{TABLE}"."view_count" + 1) WHERE "{TABLE}"."id" = %s'
)


def readers(rng: random.Random, n: int) -> list[Article]:
    """`n` article views, most of them on recent articles, a few of those read far more."""
    since = timezone.now() - timedelta(days=30)
    published = Article.objects.published().order_by("pk").only("pk")
    recent = list(published.filter(published_at__gte=since))
    everything = list(published)
    rng.shuffle(recent)
    weights = [1 / (rank + 1) for rank in range(len(recent))]
    views = []
    for _ in range(n):
        if recent and rng.random() < 0.8:
            views.append(rng.choices(recent, weights=weights)[0])
        else:
            views.append(rng.choice(everything))
    return views


def sql_value(sql: str, params=()):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchone()[0]


def table_stats() -> tuple[int, int]:
    """(n_tup_upd, n_tup_hot_upd) of the articles table, this backend's latest included."""
    # Statistics reach the shared view when a backend goes idle, at most once a second.
    if connection.pg_version >= 150000:
        sql_value("SELECT pg_stat_force_next_flush()")
    else:
        time.sleep(1.1)
    sql_value("SELECT pg_stat_clear_snapshot()")
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT n_tup_upd, n_tup_hot_upd FROM pg_stat_user_tables WHERE relid = %s::regclass",
            [TABLE],
        )
        return cursor.fetchone()


def schema() -> str:
    """What decides the cost of the update: how the search columns are kept, view_count's index."""
    generated = sql_value(
        "SELECT count(*) FROM information_schema.columns WHERE table_name = %s"
        " AND column_name IN ('search_vector', 'search_head') AND is_generated = 'ALWAYS'",
        [TABLE],
    )
    triggers = sql_value(
        "SELECT count(*) FROM pg_trigger WHERE tgrelid = %s::regclass AND NOT tgisinternal",
        [TABLE],
    )
    view_indexes = sql_value(
        "SELECT count(*) FROM pg_index i JOIN pg_attribute a"
        " ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey)"
        " WHERE i.indrelid = %s::regclass AND a.attname = 'view_count'",
        [TABLE],
    )
    columns = "generated columns" if generated else f"plain columns, {triggers} trigger(s)"
    return f"search columns: {columns}; indexes on view_count: {view_indexes}"


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--updates", type=int, default=5000)
    parser.add_argument("--warmup", type=int, default=500, help="updates before measuring")
    parser.add_argument("--seed", type=int, default=20260101)
    args = parser.parse_args()
    if connection.vendor != "postgresql":
        sys.exit("This benchmark measures PostgreSQL; set DATABASE_URL.")

    rng = random.Random(args.seed)
    views = readers(rng, args.warmup + args.updates)
    warmup, measured = views[: args.warmup], views[args.warmup :]
    print(
        f"PostgreSQL {connection.pg_version} - {Article.objects.count()} articles,"
        f" {len(measured)} views of {len({a.pk for a in measured})} articles"
        f" after {len(warmup)} unmeasured"
    )
    print(schema())

    # Every run starts right after a checkpoint, so the full-page images in the WAL compare.
    with connection.cursor() as cursor:
        cursor.execute("CHECKPOINT")
    with connection.cursor() as cursor:
        for article in warmup:
            cursor.execute(UPDATE, [article.pk])
    upd_before, hot_before = table_stats()
    wal_before = sql_value("SELECT pg_current_wal_lsn()")
    index_size_before = sql_value("SELECT pg_indexes_size(%s::regclass)", [TABLE])

    # The UPDATE alone (the row and index work), and with its COMMIT (which waits for the WAL
    # to reach the disk). Raw SQL: the ORM's own time would hide the database's.
    statement, with_commit = [], []
    with connection.cursor() as cursor:
        for article in measured:
            cursor.execute("BEGIN")
            started = time.perf_counter()
            cursor.execute(UPDATE, [article.pk])
            updated = time.perf_counter()
            cursor.execute("COMMIT")
            committed = time.perf_counter()
            statement.append((updated - started) * 1_000_000)
            with_commit.append((committed - started) * 1_000_000)

    wal_bytes = sql_value("SELECT pg_current_wal_lsn() - %s::pg_lsn", [wal_before])
    index_growth = sql_value("SELECT pg_indexes_size(%s::regclass)", [TABLE]) - index_size_before
    upd_after, hot_after = table_stats()
    updates, hot = upd_after - upd_before, hot_after - hot_before

    for label, samples in [("UPDATE", statement), ("UPDATE+COMMIT", with_commit)]:
        print(
            f"{label:<14} median {statistics.median(samples):6.0f} us   p95 {p95(samples):6.0f} us"
        )
    print(
        f"HOT updates {hot}/{updates} = {hot / max(updates, 1):.0%};"
        f" WAL {wal_bytes / len(measured) / 1024:.1f} kB per update;"
        f" indexes grew {index_growth / 1024 / 1024:.1f} MB"
    )


if __name__ == "__main__":
    main()
