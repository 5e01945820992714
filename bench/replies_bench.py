"""Time what official replies cost the reader pages, rendered cold.

    DATABASE_URL=postgres://user@host/hnp_replies_bench DEBUG=0 \
        python bench/replies_bench.py [--answers 20000] [--runs 30]

Needs a migrated database without articles (it is filled here: one category, 200 published
articles, 20 approved comments under each article of which half are answered, plus the
answers asked for with --answers spread over the others). Each page is requested through
Django's test client as an anonymous reader, DEBUG off, the cache cleared before every
request and the whole-page cache off, so every fragment is rebuilt and every query runs.
Prints the median and 95th percentile time and the number of queries per page.
"""

import argparse
import os
import statistics
import sys
import time
from datetime import timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30)
os.environ["PAGE_CACHE_SECONDS"] = "0"

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.cache import cache  # noqa: E402
from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Category  # noqa: E402
from bench.clients import page_client  # noqa: E402
from comments.models import Comment, Reply  # noqa: E402

ARTICLES = 200
PER_ARTICLE = 20


def fill(answers: int) -> None:
    now = timezone.now()
    category = Category.objects.create(name="Thời sự", slug="thoi-su")
    author, _ = get_user_model().objects.get_or_create(username="bench-author")
    articles = [
        Article(
            category=category,
            title=f"Bài viết số {n}",
            slug=f"bai-viet-so-{n}",
            lead="Tóm tắt.",
            body="<p>Nội dung.</p>",
            status=Article.Status.PUBLISHED,
            created_by=author,
            published_at=now - timedelta(hours=n),
        )
        for n in range(ARTICLES)
    ]
    for article in articles:
        article.save()
    total = ARTICLES * PER_ARTICLE + answers
    comments = Comment.objects.bulk_create(
        Comment(
            article=articles[n % ARTICLES],
            name="Bạn đọc",
            title=f"Câu hỏi số {n}",
            content="Xin hỏi tòa soạn.\nCảm ơn.",
            status=Comment.Status.APPROVED,
            consent_at=now,
            consent_version="2026-01",
            content_hash=f"{n:064d}",
        )
        for n in range(total)
    )
    # Half of the first article's comments, and `answers` more on the others.
    answered = [c for c in comments if c.article_id == articles[0].pk][: PER_ARTICLE // 2]
    answered += [c for c in comments if c.article_id != articles[0].pk][:answers]
    Reply.objects.bulk_create(
        Reply(
            comment=c,
            content="Trả lời đoạn một.\n\nTrả lời đoạn hai.",
            created_at=now - timedelta(minutes=n),
        )
        for n, c in enumerate(answered)
    )


def measure(client, url: str, runs: int) -> tuple[float, float, int]:
    times = []
    for _ in range(runs):
        cache.clear()
        started = time.perf_counter()
        response = client.get(url)
        times.append((time.perf_counter() - started) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1], len(queries)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--answers", type=int, default=20_000)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    if Article.objects.exists():
        sys.exit("The database already has articles: give an empty migrated one.")
    fill(args.answers)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")  # the planner's statistics, as autovacuum would have them
    first, plain = Article.objects.order_by("-published_at")[:2]
    replies_count = Reply.objects.count()
    pages = [
        (f"article, {PER_ARTICLE} comments, half answered", first.get_absolute_url()),
        (f"article, {PER_ARTICLE} comments, none answered", plain.get_absolute_url()),
        ("Hỏi đáp, page 1", "/hoi-dap/"),
        ("Hỏi đáp, last page", f"/hoi-dap/?page={-(-replies_count // 20)}"),
    ]
    client = page_client()
    print(f"{connection.vendor}, {replies_count:,} answers, median of {args.runs} cold renders")
    print("| page | median ms | p95 ms | queries |\n| --- | --- | --- | --- |")
    for label, url in pages:
        median, p95, queries = measure(client, url, args.runs)
        print(f"| {label} | {median:.1f} | {p95:.1f} | {queries} |")


if __name__ == "__main__":
    main()
