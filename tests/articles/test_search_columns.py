"""PostgreSQL's search column follows an article's search document, and only that.

A trigger (migrations 0005 and 0011) casts `search_text`, the document Article.save()
computes, into the GIN-indexed `search_vector` when an article is inserted or its document
is written, so counting a view (an UPDATE of view_count) neither recomputes nor rewrites
it. SQLite has no such column: these tests are skipped there."""

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from articles.analysis import document
from articles.models import Article
from articles.viewcounts import flush_view_counts, record_view
from tests.factories import ArticleFactory, CategoryFactory


@pytest.fixture(autouse=True)
def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only: SQLite has no search columns")


def search_columns(article) -> tuple[str, str]:
    """The indexed vector and the stored document, as text."""
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text, search_text FROM articles_article WHERE id = %s",
            [article.pk],
        )
        return cursor.fetchone()


def vector(article) -> str:
    return search_columns(article)[0]


def found(query: str) -> list[Article]:
    return list(Article.objects.published().search(query))


def count_view(article):
    """One reader, added to the article's row the way the periodic flush does it."""
    record_view(RequestFactory().get("/"), article.pk)
    flush_view_counts()


@pytest.mark.postgresql
@pytest.mark.django_db
def test_counting_a_view_leaves_the_search_column_alone_and_editing_the_title_updates_it():
    article = ArticleFactory(published=True, title="Bản tin sáng", lead="Tin vắn.")
    original, text = search_columns(article)
    assert original == text
    assert "'sang':1A" in original
    assert "'sáng':1A" in original
    assert "'tin_sang':1A" in original

    count_view(article)
    assert vector(article) == original

    # A recomputed column would look the same; a stale value that survives shows it was not.
    with connection.cursor() as cursor:
        cursor.execute(
            "UPDATE articles_article SET search_vector = 'stale' WHERE id = %s", [article.pk]
        )
    count_view(article)
    count_view(article)
    assert vector(article) == "'stale'"
    article.refresh_from_db()
    assert article.view_count == 3

    article.title = "Bản tin tối"
    article.save(update_fields=["title", "updated_at"])
    new, text = search_columns(article)
    assert new == text
    assert "'tối':1A" in new
    assert "stale" not in new
    assert found("ban tin toi") == [article]
    assert found("ban tin sang") == []


@pytest.mark.postgresql
@pytest.mark.django_db
def test_the_search_column_follows_the_text_however_it_is_saved():
    article = ArticleFactory(
        published=True, title="Hà Nội", lead="Đại biểu HĐND.", body="<p>Ngân sách</p>"
    )
    article.lead = "Cử tri chất vấn."
    article.save()  # a full save, as the admin's
    assert vector(article) == search_columns(article)[1]
    assert found("cu tri chat van") == [article]

    article.body = "<p>Giao thông nông thôn</p>"
    article.save(update_fields=["body", "updated_at"])
    assert found("giao thong nong thon") == [article]

    # Saves that leave the text alone (publishing, featuring) keep the column as it is.
    article.refresh_from_db()
    before = vector(article)
    article.is_featured = True
    article.save(update_fields=["is_featured", "updated_at"])
    assert vector(article) == before


@pytest.mark.postgresql
@pytest.mark.django_db
def test_bulk_created_articles_are_indexed_from_their_document():
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
                search_text=document(
                    title=f"Lễ hội số {n}", lead="Hàng vạn người dự.", body_text="Đền Hùng"
                ),
                status=Article.Status.PUBLISHED,
                published_at=timezone.now(),
            )
            for n in range(3)
        ]
    )
    for article in articles:
        assert "'den_hung':3C" in vector(article)
    assert len(found("den hung")) == 3


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_existing_articles_stay_searchable_through_the_migration_and_back():
    article = ArticleFactory(published=True, title="Kỳ họp thứ mười")
    original = vector(article)
    try:
        call_command("migrate", "articles", "0010_search_synonym_data", verbosity=0)
        with connection.cursor() as cursor:
            cursor.execute("SELECT search_text FROM articles_article WHERE id = %s", [article.pk])
            assert cursor.fetchone()[0].startswith("ky hop thu muoi")
        call_command("migrate", verbosity=0)  # every app: later migrations of others follow
        assert vector(article) == original
        assert found("ky hop thu muoi") == [article]
    finally:
        call_command("migrate", verbosity=0)  # every app: later migrations of others follow
