"""Time the search page's work on a filled database and print median and p95 figures.

    DATABASE_URL=postgres://user@host/hnp_bench python bench/search_bench.py [--runs 30]

Fill the database first with bench/generate_articles.py. For each query the script times
what /tim-kiem/ does for the first result page: the count, the 20 best results and their
highlighted snippets ("search"), then the whole page rendered through the view ("page").
It also times two writes: saving an edited article (which recomputes the search columns)
and counting a view (which does not; bench/view_count_bench.py measures it closely).
Numbers depend on the machine; run it twice and read the second run (warm cache).
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

from django.core.paginator import Paginator  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import F  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import override_settings  # noqa: E402

from articles.models import Article  # noqa: E402
from articles.search import ranked_ids, search_plan, search_result  # noqa: E402
from articles.text import fold  # noqa: E402
from articles.views import RankedArticles, SearchView  # noqa: E402

PAGE_SIZE = SearchView.paginate_by


def queries() -> list[tuple[str, str]]:
    """(what it stands for, query): common and rare words, with and without diacritics,
    phrases, synonyms, a typo."""
    title = Article.objects.published().order_by("pk").values_list("title", flat=True)[500]
    return [
        ("very common word", "của"),
        ("common place, no diacritics", "ha noi"),
        ("common place, diacritics", "Hà Nội"),
        ("acronym with Đ", "hdnd"),
        ("three words", "chuyen doi so"),
        ("quoted phrase", '"hội đồng nhân dân"'),
        ("abbreviation (synonym)", "UBND tỉnh"),
        ("typo (suggestion)", "nghi quyeet"),
        ("person's full name", "nguyen van hung"),
        ("whole title, no diacritics", fold(title)),
        ("rare phrase", "phong thi nghiem vac xin"),
        ("no match", "xyzzy"),
    ]


def timed(fn, runs: int) -> list[float]:
    fn()  # warm up: plans, caches
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def p95(samples: list[float]) -> float:
    return statistics.quantiles(samples, n=20)[-1] if len(samples) >= 2 else samples[0]


def search_work(query: str):
    """What SearchView does for page 1, without the template: read the query (synonyms),
    rank the matches, read the page's articles, mark their words."""
    plan = search_plan(query)
    published = Article.objects.published()
    ranking = ranked_ids(published, plan)
    paginator = Paginator(RankedArticles(published.for_search(), ranking.ids), PAGE_SIZE)
    page = paginator.get_page(1)
    results = [search_result(article, list(plan.terms)) for article in page.object_list]
    return ("> " if ranking.more else "") + str(paginator.count), results


def page_work(query: str):
    request = RequestFactory().get("/tim-kiem/", {"q": query})
    response = SearchView.as_view()(request)
    response.render()
    assert response.status_code == 200


def write_work(runs: int) -> dict[str, list[float]]:
    """The two writes of an article page and its editor, rolled back afterwards."""
    from django.db import transaction

    article = Article.objects.published().order_by("pk")[100]
    out = {}
    with transaction.atomic():
        out["add a view (UPDATE view_count)"] = timed(
            lambda: Article.objects.filter(pk=article.pk).update(view_count=F("view_count") + 1),
            runs,
        )

        def edit():
            article.title = article.title[::-1]
            article.save()

        out["save an edited article"] = timed(edit, runs)
        transaction.set_rollback(True)
    return out


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()

    total = Article.objects.count()
    published = Article.objects.published().count()
    print(
        f"{connection.vendor} {connection.pg_version if connection.vendor == 'postgresql' else ''}"
        f" - {total} articles ({published} published), {args.runs} runs per figure"
    )
    print(
        f"{'query':<30} {'matches':>8}  {'search median':>13} {'p95':>7}"
        f"  {'page median':>11} {'p95':>7}"
    )
    all_search, all_page = [], []
    # The page's cached fragments (menu, most read) go to a local cache: the database cache
    # table may not exist on a benchmark database. Static files need no collected manifest.
    page_settings = {
        "CACHES": {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}},
        "STORAGES": {
            "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
            "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        },
    }
    with override_settings(**page_settings):
        for label, query in queries():
            matches = search_work(query)[0]
            search_ms = timed(lambda q=query: search_work(q), args.runs)
            page_ms = timed(lambda q=query: page_work(q), args.runs)
            all_search += search_ms
            all_page += page_ms
            print(
                f"{label:<30} {matches:>8}  {statistics.median(search_ms):>10.1f} ms"
                f" {p95(search_ms):>4.1f} ms  {statistics.median(page_ms):>8.1f} ms"
                f" {p95(page_ms):>4.1f} ms"
            )
    print(
        f"{'all queries':<30} {'':>8}  {statistics.median(all_search):>10.1f} ms"
        f" {p95(all_search):>4.1f} ms  {statistics.median(all_page):>8.1f} ms"
        f" {p95(all_page):>4.1f} ms"
    )
    print()
    for label, samples in write_work(args.runs).items():
        print(
            f"{label:<40} median {statistics.median(samples):6.2f} ms  p95 {p95(samples):6.2f} ms"
        )


if __name__ == "__main__":
    main()
