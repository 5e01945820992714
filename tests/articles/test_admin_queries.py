"""Admin change lists cost a fixed number of queries, whatever the number of rows."""

import pytest

from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


def count_queries(client, url, django_assert_max_num_queries):
    with django_assert_max_num_queries(40) as queries:
        assert client.get(url).status_code == 200
    return len(queries.captured_queries)


def test_article_change_list(client, editor, django_assert_max_num_queries):
    category = CategoryFactory()
    ArticleFactory.create_batch(5, category=category, published=True)
    client.force_login(editor)
    url = "/admin/articles/article/"
    client.get(url)
    few = count_queries(client, url, django_assert_max_num_queries)
    ArticleFactory.create_batch(40, category=category, published=True)
    assert count_queries(client, url, django_assert_max_num_queries) == few


def test_comment_queue(client, moderator, django_assert_max_num_queries):
    CommentFactory.create_batch(5)
    client.force_login(moderator)
    url = "/admin/comments/comment/"
    client.get(url)
    few = count_queries(client, url, django_assert_max_num_queries)
    CommentFactory.create_batch(40)
    assert count_queries(client, url, django_assert_max_num_queries) == few


def _save_times(article, times):
    for n in range(times):
        article.title = f"Sửa lần {n}"
        article.save()


def test_article_change_form_does_not_grow_with_revisions(
    client, editor, django_assert_max_num_queries
):
    article = ArticleFactory(published=True)
    client.force_login(editor)
    url = f"/admin/articles/article/{article.pk}/change/"
    client.get(url)
    few = count_queries(client, url, django_assert_max_num_queries)
    _save_times(article, 30)
    assert count_queries(client, url, django_assert_max_num_queries) == few


def test_article_history_and_revision_pages_do_not_grow_with_revisions(
    client, editor, django_assert_max_num_queries
):
    article = ArticleFactory(published=True)
    _save_times(article, 2)
    client.force_login(editor)
    history = f"/admin/articles/article/{article.pk}/history/"
    latest = article.history.order_by("-history_id").first()
    revision = f"/admin/articles/article/{article.pk}/history/{latest.history_id}/"
    client.get(history)
    few = count_queries(client, history, django_assert_max_num_queries)
    few_revision = count_queries(client, revision, django_assert_max_num_queries)
    _save_times(article, 60)  # more than a page of them
    assert count_queries(client, history, django_assert_max_num_queries) == few
    assert count_queries(client, revision, django_assert_max_num_queries) == few_revision


def test_submitted_article_read_only_view(client, journalist, django_assert_max_num_queries):
    from articles.models import Article

    article = ArticleFactory(created_by=journalist, status=Article.Status.REVIEW)
    client.force_login(journalist)
    url = f"/admin/articles/article/{article.pk}/change/"
    client.get(url)
    few = count_queries(client, url, django_assert_max_num_queries)
    _save_times(article, 20)
    assert count_queries(client, url, django_assert_max_num_queries) == few
