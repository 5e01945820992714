"""PostgreSQL's search columns follow an article's text, and only its text.

A trigger fills `search_vector` and `search_head` (migration 0005) when an article is
inserted or its title, lead or body is written, so counting a view (an UPDATE of
view_count on every page view) neither recomputes nor rewrites them. SQLite has no such
columns: these tests are skipped there."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from articles.models import Article
from articles.viewcounts import flush_view_counts, record_view
from tests.factories import ArticleFactory, CategoryFactory

# What the generated columns of migrations 0003 and 0004 computed; the trigger must agree.
GENERATED_HEAD = """
    setweight(to_tsvector('hnp_vi'::regconfig, coalesce(title, '')), 'A')
    || setweight(to_tsvector('hnp_vi'::regconfig, coalesce(lead, '')), 'B')
"""
GENERATED_VECTOR = (
    GENERATED_HEAD + "|| setweight(to_tsvector('hnp_vi'::regconfig, coalesce(body, '')), 'C')"
)


@pytest.fixture(autouse=True)
def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no search columns")


def search_columns(article) -> tuple[str, str]:
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text, search_head::text FROM articles_article WHERE id = %s",
            [article.pk],
        )
        return cursor.fetchone()


def as_generated(article) -> tuple[str, str]:
    """The columns as the generated-column expressions compute them from the stored text."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT ({GENERATED_VECTOR})::text, ({GENERATED_HEAD})::text"
            " FROM articles_article WHERE id = %s",
            [article.pk],
        )
        return cursor.fetchone()


def found(query: str) -> list[Article]:
    return list(Article.objects.published().search(query))


def count_view(article):
    """One reader, added to the article's row the way the periodic flush does it."""
    record_view(RequestFactory().get("/"), article.pk)
    flush_view_counts()


@pytest.mark.postgresql
@pytest.mark.django_db
def test_counting_a_view_leaves_the_search_columns_alone_and_editing_the_title_updates_them():
    article = ArticleFactory(published=True, title="Bản tin sáng", lead="Tin vắn.")
    original = search_columns(article)
    assert "'sang':3A" in original[0]
    assert "'sang':3A" in original[1]

    count_view(article)
    assert search_columns(article) == original

    # Recomputed columns would look the same; a stale value that survives shows they were not.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET search_vector = 'stale', search_head = 'stale'"
            " WHERE id = %s",
            [article.pk],
        )
    count_view(article)
    count_view(article)
    assert search_columns(article) == ("'stale'", "'stale'")
    article.refresh_from_db()
    assert article.view_count == 3

    article.title = "Bản tin tối"
    article.save(update_fields=["title", "updated_at"])
    vector, head = search_columns(article)
    assert (vector, head) == as_generated(article)
    assert "'toi':3A" in vector
    assert "'toi':3A" in head
    assert "stale" not in vector
    assert found("ban tin toi") == [article]
    assert found("ban tin sang") == []


@pytest.mark.postgresql
@pytest.mark.django_db
def test_search_columns_follow_the_text_however_it_is_written():
    article = ArticleFactory(
        published=True, title="Hà Nội", lead="Đại biểu HĐND.", body="<p>Ngân sách</p>"
    )
    assert search_columns(article) == as_generated(article)

    article.lead = "Cử tri chất vấn."
    article.save()  # a full save, as the admin's
    assert search_columns(article) == as_generated(article)
    assert found("cu tri chat van") == [article]

    article.body = "<p>Giao thông nông thôn</p>"
    article.save(update_fields=["body", "updated_at"])
    assert search_columns(article) == as_generated(article)
    assert found("giao thong nong thon") == [article]

    Article.objects.filter(pk=article.pk).update(title="Đà Nẵng")
    assert search_columns(article) == as_generated(article)
    assert found("da nang") == [article]

    # Saves that leave the text alone (publishing, featuring) keep the columns as they are.
    article.refresh_from_db()
    before = search_columns(article)
    article.is_featured = True
    article.save(update_fields=["is_featured", "updated_at"])
    assert search_columns(article) == before


@pytest.mark.postgresql
@pytest.mark.django_db
def test_bulk_created_articles_get_their_search_columns():
    category, user = CategoryFactory(), ArticleFactory().created_by
    articles = Article.objects.bulk_create(
        [
            Article(
                category=category,
                created_by=user,
                title=f"Lễ hội số {n}",
                slug=f"le-hoi-so-{n}",
                lead="Hàng vạn người dự.",
                body="<p>Đền Hùng</p>",
                status=Article.Status.PUBLISHED,
                published_at=timezone.now(),
            )
            for n in range(3)
        ]
    )
    for article in articles:
        vector, head = search_columns(article)
        assert (vector, head) == as_generated(article)
        assert "'hung':" in vector
        assert "'hung':" not in head
    assert len(found("den hung")) == 3


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_existing_articles_stay_searchable_through_the_migration_and_back():
    article = ArticleFactory(published=True, title="Kỳ họp thứ mười")
    original = search_columns(article)
    try:
        call_command("migrate", "articles", "0004", verbosity=0)
        assert search_columns(article) == original
        assert found("ky hop thu muoi") == [article]
        call_command("migrate", "articles", verbosity=0)
        # The forward migration keeps the stored values: nothing to recompute.
        assert search_columns(article) == original
        assert found("ky hop thu muoi") == [article]
    finally:
        call_command("migrate", "articles", verbosity=0)
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*) FROM information_schema.columns WHERE table_name = 'articles_article'"
            " AND column_name IN ('search_vector', 'search_head') AND is_generated = 'NEVER'"
        )
        assert cursor.fetchone()[0] == 2
