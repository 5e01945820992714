"""Views are counted off the request path: an increment in Redis (or an INSERT without
it), added to the articles by a flush; every view counts exactly once."""

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection
from django.test import Client

from articles import viewcounts
from articles.models import Article, PendingView
from articles.viewcounts import flush_view_counts
from tests.factories import ArticleFactory

ROOT = Path(__file__).resolve().parents[2]


def views_of(article) -> int:
    return Article.objects.get(pk=article.pk).view_count


@pytest.mark.django_db
def test_each_view_counts_once_after_the_flush(client):
    article = ArticleFactory(published=True)
    for _ in range(3):
        assert client.get(article.get_absolute_url()).status_code == 200
    client.get(article.get_absolute_url().replace(article.slug, "sai"))  # a redirect is not a view
    assert views_of(article) == 0  # waiting, not yet added
    assert flush_view_counts() == 3
    assert views_of(article) == 3
    assert flush_view_counts() == 0  # nothing is added twice
    assert views_of(article) == 3


@pytest.mark.usefixtures("pages_stored_at_once")
@pytest.mark.django_db
def test_pages_served_from_the_page_cache_are_counted_too(client):
    article = ArticleFactory(published=True)
    statuses = [client.get(article.get_absolute_url()) for _ in range(5)]
    assert [r.get("X-Page-Cache") for r in statuses][-1] == "hit"
    flush_view_counts()
    assert views_of(article) == 5


@pytest.mark.django_db
def test_crawlers_that_say_so_are_not_counted(client):
    article = ArticleFactory(published=True)
    for agent in (
        "Googlebot/2.1 (+http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0)",
        "facebookexternalhit/1.1",
        "Some-Crawler/1.0",
        "a spider",
    ):
        assert client.get(article.get_absolute_url(), HTTP_USER_AGENT=agent).status_code == 200
    client.get(article.get_absolute_url(), HTTP_USER_AGENT="Mozilla/5.0 (Linux; Android 14)")
    flush_view_counts()
    assert views_of(article) == 1


@pytest.mark.django_db
def test_viewing_writes_no_update_of_the_article(client, django_assert_max_num_queries):
    article = ArticleFactory(published=True)
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(12) as queries:
        client.get(article.get_absolute_url())
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]


@pytest.mark.django_db
def test_the_page_shows_the_new_count_after_the_flush(client):
    article = ArticleFactory(published=True, view_count=40)
    url = article.get_absolute_url()
    for _ in range(3):
        html = client.get(url).content.decode()
    assert "40 lượt xem" in html  # the count lags until the flush
    call_command("flush_view_counts", verbosity=0)
    assert "43 lượt xem" in client.get(url).content.decode()


@pytest.mark.django_db
def test_views_are_flushed_by_readers_requests_once_due(client, settings):
    settings.VIEW_COUNT_FLUSH_SECONDS = 1
    article = ArticleFactory(published=True)
    viewcounts._next_due_check = 0  # this process asks at once
    client.get(article.get_absolute_url())
    assert views_of(article) == 1
    assert not PendingView.objects.exists()


@pytest.mark.django_db
def test_without_redis_views_wait_a_second_then_are_one_insert(
    client, settings, django_assert_num_queries
):
    settings.REDIS_URL = ""
    article = ArticleFactory(published=True)
    url = article.get_absolute_url()
    client.get(url)
    client.get(url)
    assert not PendingView.objects.exists()  # waiting in this worker's memory
    viewcounts._buffer_since -= settings.VIEW_BUFFER_SECONDS  # a second later
    client.get(url)
    # One row for the article, however many views the worker held.
    assert list(PendingView.objects.values_list("article", "views")) == [(article.pk, 3)]
    flush_view_counts()
    assert not PendingView.objects.exists()
    assert views_of(article) == 3


@pytest.mark.django_db
def test_a_flush_adds_every_waiting_view_however_many(settings, monkeypatch):
    settings.REDIS_URL = ""
    monkeypatch.setattr(viewcounts, "_BATCH", 3)
    first, second = ArticleFactory.create_batch(2, published=True)
    PendingView.objects.bulk_create(
        [PendingView(article=first) for _ in range(5)]
        + [PendingView(article=second, views=2) for _ in range(4)]
    )
    assert flush_view_counts() == 13
    assert (views_of(first), views_of(second)) == (5, 8)
    assert not PendingView.objects.exists()


VIEWER = """
import django, sys
django.setup()
from django.test import Client
client = Client(HTTP_HOST="localhost")
for _ in range(int(sys.argv[2])):
    assert client.get(sys.argv[1]).status_code == 200
"""


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_concurrent_views_from_several_processes_add_up_exactly():
    if connection.vendor != "postgresql":
        pytest.skip("the in-memory SQLite test database is not visible to another process")
    article = ArticleFactory(published=True)
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "tests.settings",
        "DATABASE_URL": (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        ),
    }
    processes, views_each = 4, 25
    viewers = [
        subprocess.Popen(
            [sys.executable, "-c", VIEWER, article.get_absolute_url(), str(views_each)],
            cwd=ROOT,
            env=env,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(processes)
    ]
    for viewer in viewers:
        assert viewer.wait(timeout=120) == 0, viewer.stderr.read()
    flush_view_counts()
    assert views_of(article) == processes * views_each


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_a_worker_that_gets_no_more_requests_still_hands_its_views_on(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the timer's own connection cannot see the in-memory SQLite test database")
    settings.VIEW_BUFFER_SECONDS = 0.2
    article = ArticleFactory(published=True)
    client = Client()
    client.get(article.get_absolute_url())
    client.get(article.get_absolute_url())
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and (viewcounts._buffer or viewcounts._timer):
        time.sleep(0.05)
    assert not viewcounts._buffer  # handed on by the timer, without another request
    # The timer takes the views out of the buffer before its INSERT commits: wait for it.
    for thread in threading.enumerate():
        if isinstance(thread, threading.Timer) and thread.function is viewcounts._write_from_timer:
            thread.join(10)
    flush_view_counts()
    assert views_of(article) == 2
