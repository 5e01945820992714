"""Each page view counts once, with no lost update under concurrent requests."""

import threading

import pytest
from django.db import connection
from django.test import Client

from articles.models import Article
from tests.factories import ArticleFactory


@pytest.mark.django_db
def test_each_view_counts_once(client):
    article = ArticleFactory(published=True)
    for _ in range(3):
        client.get(article.get_absolute_url())
    client.get(article.get_absolute_url().replace(article.slug, "sai"))  # a redirect is not a view
    article.refresh_from_db()
    assert article.view_count == 3


@pytest.mark.django_db
def test_viewing_is_one_update_statement(client, django_assert_max_num_queries):
    article = ArticleFactory(published=True)
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(10) as queries:
        client.get(article.get_absolute_url())
    updates = [q["sql"] for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    assert len(updates) == 1
    assert '"view_count" = ("articles_article"."view_count" + 1)' in updates[0]


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_views_are_all_counted():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent writers need PostgreSQL")
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    threads_count, views_each = 8, 5
    barrier = threading.Barrier(threads_count)
    failures = []

    def reader():
        client = Client()
        try:
            barrier.wait()
            for _ in range(views_each):
                if client.get(url).status_code != 200:
                    failures.append("status")
        finally:
            connection.close()

    threads = [threading.Thread(target=reader) for _ in range(threads_count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures
    assert Article.objects.get(pk=article.pk).view_count == threads_count * views_each
