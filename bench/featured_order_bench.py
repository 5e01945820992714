"""Time the first page of an article's comments, featured first, against the plain order.

    DATABASE_URL=postgres://user@host/hnp_bench python bench/featured_order_bench.py \
        [--comments 20000] [--featured 5] [--runs 30]

Featured comments come first under an article (`-is_featured, created_at, pk`), which the
index on (article, status, created_at) cannot give in order: the database sorts the
article's approved comments to return the first page. This script measures what that costs
on one article with many comments (created in a transaction that is rolled back), and prints
the plan of each query on PostgreSQL. The section is cached until the article's comments
change, so this is paid once per change, not per reader.
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

from django.conf import settings  # noqa: E402
from django.contrib.auth import get_user_model  # noqa: E402
from django.db import connection, transaction  # noqa: E402
from django.utils import timezone  # noqa: E402

from articles.models import Article, Category  # noqa: E402
from comments.models import Comment  # noqa: E402


class Rollback(Exception):
    pass


def timed(queryset, runs: int) -> tuple[float, float]:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        list(queryset.all())  # a fresh query each time, not the cached rows
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return statistics.median(times), times[int(len(times) * 0.95) - 1]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--comments", type=int, default=20000)
    parser.add_argument("--featured", type=int, default=5)
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    try:
        with transaction.atomic():
            category = Category.objects.create(name="Bench", slug="bench-featured")
            author = get_user_model().objects.create(username="bench-featured-author")
            article = Article.objects.create(
                title="Bench featured",
                slug="bench-featured",
                category=category,
                created_by=author,
                lead="Bench",
                body="<p>Bench</p>",
                status=Article.Status.PUBLISHED,
                published_at=timezone.now(),
            )
            now = timezone.now()
            Comment.objects.bulk_create(
                Comment(
                    article=article,
                    name="Bench",
                    title=f"Bench {n}",
                    content="Nội dung bình luận.",
                    status=Comment.Status.APPROVED,
                    consent_at=now,
                    consent_version="bench",
                    content_hash=f"{n:064d}",
                    is_featured=n % max(1, args.comments // max(1, args.featured)) == 7,
                )
                for n in range(args.comments)
            )
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("ANALYZE comments_comment")
            per_page = settings.COMMENTS_PER_PAGE + 1
            featured_first = Comment.objects.for_article_page(article)[:per_page]
            plain = Comment.objects.for_article_page(article).order_by("created_at", "pk")[
                :per_page
            ]
            print(
                f"{connection.vendor}, one article with {args.comments} approved comments, "
                f"{Comment.objects.filter(article=article, is_featured=True).count()} featured"
            )
            for label, queryset in (("featured first", featured_first), ("oldest first", plain)):
                median, p95 = timed(queryset, args.runs)
                print(f"  {label:15} median {median:6.2f} ms   p95 {p95:6.2f} ms")
                if connection.vendor == "postgresql":
                    for line in queryset.explain().splitlines()[:2]:
                        print("   ", line.strip())
            raise Rollback
    except Rollback:
        pass


if __name__ == "__main__":
    main()
