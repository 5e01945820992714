"""Fill an empty, migrated database with articles and readers' comments for the benchmarks.

    DATABASE_URL=postgres://user@host/hnp_scale python bench/generate.py \
        --articles 100000 --comments 1000000

bench/generate_articles.py, then bench/generate_comments.py (see them for what the data
looks like), then VACUUM ANALYZE, as autovacuum would do soon after. Progress bars go to
stderr; the summary and the total wall time to stdout.
"""

import argparse
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30)

import django  # noqa: E402

django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402

from articles.models import Article  # noqa: E402
from bench.bulk import analyze  # noqa: E402
from bench.generate_articles import generate_articles  # noqa: E402
from bench.generate_comments import generate_comments  # noqa: E402
from comments.models import Comment  # noqa: E402


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--comments", type=int, default=1_000_000)
    parser.add_argument("--seed", type=int, default=20260101)
    parser.add_argument("--append", action="store_true", help="add to existing rows")
    args = parser.parse_args()

    started = time.perf_counter()
    seconds = {
        "articles": generate_articles(count=args.articles, seed=args.seed, append=args.append),
        "comments": generate_comments(count=args.comments, seed=args.seed + 2, append=args.append),
        "analyze": analyze(Article, Comment),
    }
    total = time.perf_counter() - started

    statuses = dict(
        Comment.objects.order_by()
        .values_list("status")
        .annotate(n=Count("pk"))
        .values_list("status", "n")
    )
    comments = sum(statuses.values())
    print(f"Database: {connection.vendor} {connection.settings_dict['NAME']}")
    print(f"Articles: {Article.objects.count():,}; comments: {comments:,}")
    for status, label in Comment.Status.choices:
        n = statuses.get(status, 0)
        print(f"  {status:<9} {n:>10,}  {n / max(comments, 1):6.1%}  ({label})")
    print("  ".join(f"{step} {value:.1f} s" for step, value in seconds.items()))
    print(f"Wall time: {total:.1f} s")


if __name__ == "__main__":
    main()
