"""Time the admin's comment queue and its other views, as a logged-in moderator sees them.

    DATABASE_URL=postgres://user@host/hnp_scale DEBUG=0 python bench/admin_queue_bench.py \
        [--runs 15] [--explain]

Fill the database first with bench/generate.py. Each view is requested through Django's
test client (the whole middleware stack, templates included, DEBUG off) by a moderator of
the group Kiểm duyệt viên (created on first use). For each view the script
prints the median and 95th percentile time to the response (the client receives it whole,
so this is the time to first byte), the number of queries and the median time spent in
them. With --explain it prints EXPLAIN (ANALYZE, BUFFERS) of every query of each view, slowest
first; --only narrows the views to those whose label contains a word.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30)

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.contrib.auth.models import Group  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from bench.clients import SqlTimer, explain_queries, page_client  # noqa: E402
from comments.models import Comment  # noqa: E402
from core.roles import MODERATOR  # noqa: E402

CHANGELIST = "/admin/comments/comment/"


def views() -> list[tuple[str, str]]:
    """(what it shows, address) for the queue and the views moderators reach from it."""
    busiest = (
        Comment.objects.pending()
        .values("article_id")
        .annotate(n=Count("pk"))
        .order_by("-n")
        .first()
    )
    most_commented = (
        Comment.objects.values("article_id").annotate(n=Count("pk")).order_by("-n").first()
    )
    oldest = Comment.objects.pending().order_by("created_at", "pk").first()
    word = "thủ tục"
    return [
        ("queue (pending, oldest first)", CHANGELIST),
        ("queue, page 20", CHANGELIST + "?p=20"),
        ("status=all", CHANGELIST + "?status__exact=all"),
        ("status=all, page 200", CHANGELIST + "?status__exact=all&p=200"),
        ("status=approved", CHANGELIST + "?status__exact=approved"),
        ("status=spam", CHANGELIST + "?status__exact=spam"),
        ("pending, any flag", CHANGELIST + "?flag=any"),
        ("all, any flag", CHANGELIST + "?status__exact=all&flag=any"),
        ("all, many links", CHANGELIST + "?status__exact=all&flag=many_links"),
        ("all, no flag", CHANGELIST + "?status__exact=all&flag=none"),
        ("pending, busiest article", CHANGELIST + f"?article={busiest['article_id']}"),
        (
            "all, most commented article",
            CHANGELIST + f"?status__exact=all&article={most_commented['article_id']}",
        ),
        ("pending, search", CHANGELIST + f"?q={word}"),
        ("all, search", CHANGELIST + f"?status__exact=all&q={word}"),
        ("all, search a name", CHANGELIST + "?status__exact=all&q=Nguyễn Văn Hùng"),
        ("one comment (change page)", f"{CHANGELIST}{oldest.pk}/change/"),
        ("admin index (pending count)", "/admin/"),
    ]


def moderator_client() -> Client:
    user, _ = get_user_model().objects.get_or_create(
        username="bench-queue-moderator", defaults={"is_staff": True}
    )
    user.groups.add(Group.objects.get(name=MODERATOR))
    return page_client(user)


def measure(client: Client, url: str, runs: int) -> dict:
    response = client.get(url)  # warm up: templates, plans
    assert response.status_code == 200, (url, response.status_code)
    totals, sql = [], []
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    # Now: the log is read lazily, and the next request empties it.
    query_count = len(queries)
    for _ in range(runs):
        timer = SqlTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            client.get(url)
            totals.append((time.perf_counter() - started) * 1000)
        sql.append(timer.seconds * 1000)
    return {
        "median": statistics.median(totals),
        "p95": statistics.quantiles(totals, n=20)[-1] if runs >= 2 else totals[0],
        "queries": query_count,
        "sql": statistics.median(sql),
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument(
        "--explain", action="store_true", help="EXPLAIN ANALYZE the queries of each view"
    )
    parser.add_argument("--only", help="measure the views whose label contains this")
    args = parser.parse_args()

    client = moderator_client()
    db = connection.settings_dict["NAME"]
    print(
        f"Database: {connection.vendor} {db}; {Comment.objects.count():,} comments, "
        f"{Comment.objects.pending().count():,} pending; {args.runs} runs each"
    )
    print(f"{'view':<32} {'median ms':>10} {'p95 ms':>8} {'queries':>8} {'SQL ms':>8}")
    for label, url in views():
        if args.only and args.only not in label:
            continue
        row = measure(client, url, args.runs)
        print(
            f"{label:<32} {row['median']:>10.1f} {row['p95']:>8.1f} {row['queries']:>8}"
            f" {row['sql']:>8.1f}"
        )
        if args.explain and connection.vendor == "postgresql":
            explain_queries(client, url)


if __name__ == "__main__":
    main()
