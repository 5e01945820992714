"""Compare reader pages rendered cold on a small and a large database.

    DEBUG=0 REDIS_URL=redis://127.0.0.1:6379/6 python bench/scale_bench.py \
        --small postgres://user@host/hnp_scale_1k --large postgres://user@host/hnp_scale \
        [--runs 30]

Fill the databases first with bench/generate.py (e.g. 1,000 articles and 10,000 comments,
then 100,000 and 1,000,000). The script runs itself once per database, with that
DATABASE_URL, and asks the two in turn, request by request, to render each page through
Django's test client, DEBUG off, as an anonymous reader: the cache is cleared before every
request (and the whole-page cache is off), so every fragment is rebuilt and every query
runs. It prints the median time per page on both databases, their ratio, and the queries
each page ran. With --explain (and DATABASE_URL) it prints EXPLAIN ANALYZE of every query
of every page instead.

The cache is Redis when REDIS_URL is set (cleared: use a database of its own), else the
database cache table of each database. Article pages count their views as usual.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30)
# Every request renders the page: no whole-page cache (core/pagecache.py, when present).
os.environ["PAGE_CACHE_SECONDS"] = "0"


def pages() -> list[tuple[str, str]]:
    """(what it is, address) of the pages compared; the same choices on every database."""
    from django.conf import settings
    from django.db.models import Count, Q
    from django.utils import timezone

    from articles.models import Article, Category, Series
    from articles.views import CategoryView
    from comments.templatetags.comment_tags import PAGE_PARAM

    published = Article.objects.published()
    is_published = Q(
        articles__status=Article.Status.PUBLISHED, articles__published_at__lte=timezone.now()
    )
    category = (
        Category.objects.filter(parent__isnull=True)
        .annotate(n=Count("articles", filter=is_published))
        .order_by("-n", "pk")
        .first()
    )
    last_page = max(1, -(-category.n // CategoryView.paginate_by))
    deep = min(50, last_page)
    series = (
        Series.objects.annotate(n=Count("articles", filter=is_published))
        .order_by("-n", "pk")
        .first()
    )
    latest = published.order_by("-published_at", "-pk").first()
    most_commented = (
        published.annotate(n=Count("comments", filter=Q(comments__status="approved")))
        .order_by("-n", "pk")
        .first()
    )
    last_comment_page = max(1, -(-most_commented.n // settings.COMMENTS_PER_PAGE))
    return [
        ("home", "/"),
        ("category", category.get_absolute_url()),
        (f"category, page {deep}", f"{category.get_absolute_url()}?page={deep}"),
        ("series", series.get_absolute_url()),
        ("article (latest)", latest.get_absolute_url()),
        (
            f"article ({most_commented.n} comments)",
            most_commented.get_absolute_url(),
        ),
        (
            "article, last comment page",
            f"{most_commented.get_absolute_url()}?{PAGE_PARAM}={last_comment_page}",
        ),
    ]


def serve() -> None:
    """Worker on the database of DATABASE_URL. Prints one JSON line describing the database
    and its pages (warmed up, queries counted), then renders the page whose index it reads
    on each input line, cold, and prints its time and the time spent in SQL."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from articles.models import Article
    from bench.clients import SqlTimer, page_client
    from comments.models import Comment

    if "RedisCache" not in cache.__class__.__name__:
        call_command("createcachetable")
    client = page_client()
    listed = pages()
    described = []
    for label, url in listed:
        cache.clear()
        assert client.get(url).status_code == 200, url  # warm up: templates, plans
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            client.get(url)
        described.append({"label": label, "url": url, "queries": len(queries)})
    print(
        json.dumps(
            {
                "database": connection.settings_dict["NAME"],
                "articles": Article.objects.count(),
                "comments": Comment.objects.count(),
                "pages": described,
            }
        ),
        flush=True,
    )
    for line in sys.stdin:
        cache.clear()
        timer = SqlTimer()
        with connection.execute_wrapper(timer):
            started = time.perf_counter()
            client.get(listed[int(line)][1])
            elapsed = time.perf_counter() - started
        print(json.dumps([elapsed * 1000, timer.seconds * 1000]), flush=True)


def explain() -> None:
    import django

    django.setup()
    from django.core.cache import cache

    from bench.clients import explain_queries, page_client

    client = page_client()
    for _label, url in pages():
        cache.clear()
        explain_queries(client, url)


class Worker:
    """bench/scale_bench.py --serve on one database, in a process of its own."""

    def __init__(self, url: str):
        self.process = subprocess.Popen(  # noqa: S603 - this script, with our own arguments
            [sys.executable, __file__, "--serve"],
            env={**os.environ, "DATABASE_URL": url},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        self.info = json.loads(self.process.stdout.readline() or "null")
        if self.info is None:
            sys.exit(f"The worker on {url} failed.")
        for page in self.info["pages"]:
            page["samples"], page["sql"] = [], []

    def render(self, index: int) -> None:
        self.process.stdin.write(f"{index}\n")
        self.process.stdin.flush()
        ms, sql = json.loads(self.process.stdout.readline())
        self.info["pages"][index]["samples"].append(ms)
        self.info["pages"][index]["sql"].append(sql)

    def close(self) -> dict:
        self.process.stdin.close()
        self.process.wait()
        return self.info


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", help="DATABASE_URL of the small database")
    parser.add_argument("--large", help="DATABASE_URL of the large database")
    parser.add_argument("--runs", type=int, default=30, help="renders per page and database")
    parser.add_argument("--serve", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--explain",
        action="store_true",
        help="EXPLAIN ANALYZE every query of every page on DATABASE_URL, cache cleared",
    )
    args = parser.parse_args()
    if args.explain:
        explain()
        return
    if args.serve:
        serve()
        return
    if not (args.small and args.large):
        parser.error("--small and --large are required")

    # Requests alternate between the databases, so a machine busy with something else
    # for a while slows both sides alike.
    workers = Worker(args.small), Worker(args.large)
    for index in range(len(workers[0].info["pages"])):
        for _ in range(args.runs):
            for worker in workers:
                worker.render(index)
    small, large = (worker.close() for worker in workers)
    for side in (small, large):
        for page in side["pages"]:
            page["median"] = statistics.median(page["samples"])
            page["sql"] = statistics.median(page["sql"])
        print(f"{side['database']}: {side['articles']:,} articles, {side['comments']:,} comments")
    print(
        f"Median of {args.runs} cold renders (cache cleared before each, the two databases"
        " in turn), DEBUG off."
    )
    print(
        f"{'page':<32} {'small ms':>9} {'large ms':>9} {'ratio':>6}"
        f" {'SQL ms small/large':>19} {'queries':>9}"
    )
    # Labels that name a number (a page, comments) can differ: pages match by position.
    for big, little in zip(large["pages"], small["pages"], strict=True):
        label, small_label = big["label"], little["label"]
        if small_label != label:
            label = f"{label} [small: {small_label.split(',')[-1].strip(' ()')}]"
        print(
            f"{label:<32} {little['median']:>9.1f} {big['median']:>9.1f}"
            f" {big['median'] / little['median']:>5.2f}x"
            f" {little['sql']:>9.1f}/{big['sql']:<9.1f}"
            f" {little['queries']:>4}/{big['queries']:<4}"
        )


if __name__ == "__main__":
    main()
