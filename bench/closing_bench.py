"""Time what closing comments and stored comment counts cost.

    DATABASE_URL=postgres://user@host/hnp_bench DEBUG=1 python manage.py migrate
    DATABASE_URL=postgres://user@host/hnp_bench DEBUG=1 python bench/closing_bench.py \
        [--articles 20000] [--comments 200000] [--runs 200]

Adds `--articles` published articles and `--comments` approved comments spread over them
when the database has fewer (bench/generate.py makes a larger site), then prints the median
and 95th percentile of: the next closing time the page cache asks for at each site change
(`next_closing`, with COMMENTS_CLOSE_AFTER_DAYS=30), an approval and a rejection of the same
comment (the decision, the counter's UPDATE, and their queries), and counting every
article's comments again in one UPDATE (what migration comments/0004 does).
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

import django  # noqa: E402

django.setup()

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Category  # noqa: E402
from comments import services  # noqa: E402
from comments.closing import next_closing  # noqa: E402
from comments.models import Comment  # noqa: E402


def timed(function, runs: int) -> tuple[float, float]:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        function()
        samples.append((time.perf_counter() - start) * 1000)
    samples.sort()
    return statistics.median(samples), samples[int(len(samples) * 0.95) - 1]


def fill(articles: int, comments: int) -> None:
    user, _ = get_user_model().objects.get_or_create(
        username="bench-closing", defaults={"is_superuser": True, "is_staff": True}
    )
    category, _ = Category.objects.get_or_create(slug="bench-closing", defaults={"name": "Bench"})
    missing = articles - Article.objects.count()
    now = timezone.now()
    if missing > 0:
        Article.objects.bulk_create(
            [
                Article(
                    category=category,
                    title=f"Bài đo {n}",
                    slug=f"bai-do-closing-{n}-{now.timestamp():.0f}",
                    lead="Phần mở đầu.",
                    created_by=user,
                    status=Article.Status.PUBLISHED,
                    published_at=now - timedelta(hours=n % 2000),
                )
                for n in range(missing)
            ],
            batch_size=2000,
        )
    missing = comments - Comment.objects.count()
    if missing > 0:
        ids = list(Article.objects.values_list("pk", flat=True))
        Comment.objects.bulk_create(
            [
                Comment(
                    article_id=ids[n % len(ids)],
                    name="Bạn đọc",
                    title=f"Ý kiến {n}",
                    content="Nội dung.",
                    status=Comment.Status.APPROVED,
                    consent_at=now,
                    consent_version="2026-01",
                    content_hash=f"{n:064d}",
                )
                for n in range(missing)
            ],
            batch_size=5000,
        )
    services.recount_comments()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=20_000)
    parser.add_argument("--comments", type=int, default=200_000)
    parser.add_argument("--runs", type=int, default=200)
    args = parser.parse_args()
    fill(args.articles, args.comments)
    settings.COMMENTS_CLOSE_AFTER_DAYS = 30
    print(
        f"{connection.vendor}: {Article.objects.count()} articles, "
        f"{Comment.objects.count()} comments"
    )

    median, p95 = timed(next_closing, args.runs)
    print(f"next_closing():                 median {median:.2f} ms, p95 {p95:.2f} ms")

    moderator = get_user_model().objects.get(username="bench-closing")
    comment = Comment.objects.order_by("pk").first()

    def decide_twice():
        with transaction.atomic():
            services.reject_comment(comment=comment, moderator=moderator, reason="spam")
        with transaction.atomic():
            services.approve_comment(comment=comment, moderator=moderator)

    with CaptureQueriesContext(connection) as queries:
        decide_twice()
    median, p95 = timed(decide_twice, args.runs)
    print(
        f"reject + approve (2 decisions): median {median:.2f} ms, p95 {p95:.2f} ms, "
        f"{len(queries.captured_queries)} queries"
    )

    median, p95 = timed(services.recount_comments, 5)
    print(f"recount_comments() (all):       median {median:.0f} ms, p95 {p95:.0f} ms")


if __name__ == "__main__":
    main()
