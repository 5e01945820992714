"""Relevance of search over a fixed Vietnamese corpus (tests/articles/search_corpus.py).

Every query must put its article first (precision@1 = 1) and leave out the ones it must
not find; the figures (precision@1 and the mean reciprocal rank) are printed at the end of
the run. The same test runs on SQLite and on PostgreSQL."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from articles.search import ranked_ids, search_plan
from tests.articles.search_corpus import ARTICLES, QUERIES
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

FIGURES: dict[str, str] = {}


@pytest.fixture
def corpus() -> dict[int, str]:
    now = timezone.now()
    return {
        ArticleFactory(
            published=True,
            published_at=now - timedelta(hours=hours),
            title=title,
            lead=lead,
            body=body,
        ).pk: key
        for key, (hours, title, lead, body) in ARTICLES.items()
    }


def ranked(query: str, corpus: dict[int, str]) -> list[str]:
    return [corpus[pk] for pk in ranked_ids(Article.objects.published(), search_plan(query)).ids]


def test_the_corpus_has_at_least_thirty_queries_with_known_articles():
    assert len(QUERIES) >= 30
    for _query, first, excluded in QUERIES:
        assert first in ARTICLES
        assert excluded <= ARTICLES.keys()


def test_every_query_puts_its_article_first_and_leaves_out_the_wrong_ones(corpus):
    hits, reciprocal, failures = 0, 0.0, []
    for query, first, excluded in QUERIES:
        results = ranked(query, corpus)
        if results and results[0] == first:
            hits += 1
        if first in results:
            reciprocal += 1 / (results.index(first) + 1)
        if not results or results[0] != first or excluded & set(results):
            failures.append(f"{query!r}: {results}")
    precision = hits / len(QUERIES)
    mrr = reciprocal / len(QUERIES)
    FIGURES[connection.vendor] = (
        f"search relevance on {connection.vendor}: {len(QUERIES)} queries,"
        f" precision@1 {precision:.3f}, mean reciprocal rank {mrr:.3f}"
    )
    print(FIGURES[connection.vendor])  # noqa: T201 - shown with -s
    assert failures == []
    assert precision == 1


def test_the_results_page_shows_the_corpus_ranking(client, corpus):
    html = client.get("/tim-kiem/", {"q": "ha noi"}).content.decode()
    titles = [ARTICLES[key][1] for key in ("hanoi", "body_phrase", "hatang")]
    hanoi = html.index("khởi công cầu vượt sông Hồng")
    assert hanoi < html.index("Tin vắn cuối tuần")
    assert "Hạ tầng nông thôn" not in html
    assert titles
