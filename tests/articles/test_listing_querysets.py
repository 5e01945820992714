"""The listing querysets rewritten for large archives give the same rows as before."""

from datetime import timedelta

import pytest
from django.db import connection
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def test_latest_per_category_is_the_newest_of_each_category_in_menu_order():
    now = timezone.now()
    second = CategoryFactory(name="Kinh tế", order=2)
    first = CategoryFactory(name="Thời sự", order=1)
    CategoryFactory(name="Chưa có bài", order=3)
    newest = {}
    for category in (first, second):
        made = [
            ArticleFactory(category=category, published=True, published_at=now - timedelta(hours=h))
            for h in range(1, 7)
        ]
        newest[category] = made[:3]
        ArticleFactory(category=category, status=Article.Status.DRAFT, published_at=now)
        ArticleFactory(category=category, published=True, published_at=now + timedelta(hours=1))
    rows = list(Article.objects.published().for_listing().latest_per_category(3))
    assert rows == newest[first] + newest[second]


def test_latest_per_category_breaks_ties_by_the_newest_id():
    category = CategoryFactory()
    moment = timezone.now() - timedelta(hours=1)
    same_time = [
        ArticleFactory(category=category, published=True, published_at=moment) for _ in range(3)
    ]
    rows = list(Article.objects.published().latest_per_category(2))
    assert rows == [same_time[2], same_time[1]]


def test_newer_and_older_step_through_articles_published_at_the_same_moment():
    category = CategoryFactory()
    moment = timezone.now() - timedelta(hours=1)
    before = ArticleFactory(
        category=category, published=True, published_at=moment - timedelta(days=1)
    )
    tied = [ArticleFactory(category=category, published=True, published_at=moment) for _ in "abc"]
    after = ArticleFactory(
        category=category, published=True, published_at=moment + timedelta(minutes=30)
    )
    published = Article.objects.published()
    assert list(published.newer_than(tied[1])) == [tied[2], after]
    assert list(published.older_than(tied[1])) == [tied[0], before]


def test_most_read_is_the_most_viewed_of_the_last_30_days_at_most_count():
    now = timezone.now()
    recent = [
        ArticleFactory(published=True, published_at=now - timedelta(days=d), view_count=v)
        for d, v in ((1, 5), (2, 50), (3, 20), (4, 20))
    ]
    ArticleFactory(published=True, published_at=now - timedelta(days=40), view_count=999)
    ArticleFactory(status=Article.Status.DRAFT, published_at=now, view_count=999)
    most_read = Article.objects.published().most_read(count=3).for_listing()
    # Equal views: the newer first.
    assert list(most_read) == [recent[1], recent[2], recent[3]]


def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")


@pytest.mark.postgresql
def test_a_category_page_reads_only_that_categorys_index_entries():
    _needs_postgresql()
    category = CategoryFactory()
    ArticleFactory(category=category, published=True)
    queryset = Article.objects.published().in_category(category).order_by()
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN SELECT COUNT(*) FROM (" + sql + ") counted", params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert f"category_id = {category.pk}" in plan
    assert "articles_category" not in plan  # no join to reach sub-categories


def test_detail_reads_what_for_detail_reads_by_the_key_alone(django_assert_num_queries):
    article = ArticleFactory(published=True, byline="Phóng viên Hà")
    expected = Article.objects.for_detail().get(pk=article.pk)
    with django_assert_num_queries(1) as queries:
        found = Article.objects.detail(article.pk)
    assert "JOIN" not in queries.captured_queries[0]["sql"]
    assert found.get_deferred_fields() == expected.get_deferred_fields()
    assert "search_text" in found.get_deferred_fields()
    for field in Article._meta.concrete_fields:
        if field.attname not in expected.get_deferred_fields():
            assert getattr(found, field.attname) == getattr(expected, field.attname), field
    assert Article.objects.detail(article.pk + 1000) is None
