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
