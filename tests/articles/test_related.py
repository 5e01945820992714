"""The article page's newer and older articles of its category: from the category's recent
articles each worker keeps, or from the database beyond them, always the same lists as
newer_than()/older_than()."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles import models as article_models
from articles import related
from articles.models import Article
from core import pagecache
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def category_articles():
    category = CategoryFactory()
    now = timezone.now()
    articles = [
        ArticleFactory(published=True, category=category, published_at=now - timedelta(hours=hours))
        for hours in (1, 2, 3, 3, 3, 4, 5, 6, 7, 8, 9, 10)  # three published at once
    ]
    ArticleFactory(category=category)  # a draft: never listed
    ArticleFactory(published=True)  # another category
    return articles


def expected(article, count):
    near = Article.objects.published().filter(category_id=article.category_id)
    return (
        [a.pk for a in near.newer_than(article)[:count]],
        [a.pk for a in near.older_than(article)[:count]],
    )


def found(article, count):
    request = RequestFactory().get("/")
    request.site_version = pagecache.site_version()  # as the page cache sets it on a miss
    newer, older = related.related_links(request, article, count)
    return [link.pk for link in newer], [link.pk for link in older]


@pytest.mark.parametrize("window", [500, 6])
def test_the_lists_are_those_of_the_database_inside_and_beyond_the_window(
    category_articles, monkeypatch, window
):
    monkeypatch.setattr(related, "CATEGORY_WINDOW", window)
    for article in category_articles:
        assert found(article, 3) == expected(article, 3), article.published_at


def test_inside_the_window_the_lists_cost_no_query(category_articles):
    found(category_articles[0], 3)  # the category's window, read once
    with CaptureQueriesContext(connection) as queries:
        for article in category_articles[1:6]:
            found(article, 3)
    reads = [q for q in queries.captured_queries if "articles_article" in q["sql"]]
    assert reads == []


def test_a_newly_published_article_joins_the_lists_at_once(
    client, category_articles, editor, django_capture_on_commit_callbacks
):
    from articles.services import publish_article

    article = category_articles[0]
    url = article.get_absolute_url()
    assert client.get(url).status_code == 200
    newer = ArticleFactory(category=article.category, title="Tin vừa đăng")
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article=newer, editor=editor)
    html = client.get(url).content.decode()
    assert "Tin vừa đăng" in html.split('id="newer-title"')[1].split("</section>")[0]


def test_the_lists_show_titles_escaped_with_their_part_and_day(client, category_articles):
    article = category_articles[0]
    older = category_articles[1]
    older.title = "<b>Tin</b> & ý kiến"
    older.save()
    html = client.get(article.get_absolute_url()).content.decode()
    earlier = html.split('id="older-title"')[1].split("</section>")[0]
    local = timezone.localtime(older.published_at)
    assert (
        f'<li><a href="{older.get_absolute_url()}">&lt;b&gt;Tin&lt;/b&gt; &amp; ý kiến</a>'
        f' <span class="meta">(<time datetime="{local.isoformat(timespec="seconds")}">'
        f"{local:%d/%m/%Y}</time>)</span></li>"
    ) in earlier
    assert "<b>Tin</b>" not in html


def test_the_only_article_of_its_category_says_there_are_no_others(client):
    article = ArticleFactory(published=True, category=CategoryFactory())
    html = client.get(article.get_absolute_url()).content.decode()
    for heading in ('id="newer-title"', 'id="older-title"'):
        section = html.split(heading)[1].split("</section>")[0]
        assert '<li class="article-list__empty">Chưa có bài viết.</li>' in section


def test_beyond_the_window_one_query_compiled_once_reads_both_lists(category_articles, monkeypatch):
    monkeypatch.setattr(related, "CATEGORY_WINDOW", 3)
    found(category_articles[6], 3)  # compiled here, once per process
    wanted = expected(category_articles[7], 3)
    compiled = article_models._neighbour_queries.cache_info().misses
    with CaptureQueriesContext(connection) as queries:
        assert found(category_articles[7], 3) == wanted
    assert article_models._neighbour_queries.cache_info().misses == compiled
    reads = [q["sql"] for q in queries.captured_queries if "articles_article" in q["sql"]]
    # The window is kept; the neighbours: one UNION where the database keeps each part's
    # LIMIT (PostgreSQL), else one query per list.
    union = connection.features.supports_slicing_ordering_in_compound
    assert len(reads) == (1 if union else 2)
    assert ("UNION ALL" in reads[-1]) == union


def test_the_neighbours_of_an_article_not_yet_published_are_those_of_now(category_articles):
    draft = ArticleFactory(category=category_articles[0].category)
    scheduled = ArticleFactory(
        category=draft.category,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(hours=1),
    )
    for article in (draft, scheduled):
        newer, older = Article.objects.neighbour_links(article, 3)
        assert ([a.pk for a in newer], [a.pk for a in older]) == expected(article, 3)
    # Nothing published after now: the draft's newer list is empty, its older list starts
    # with the newest published article (not the scheduled one).
    newer, older = Article.objects.neighbour_links(draft, 3)
    assert newer == []
    newest = Article.objects.published().filter(category=draft.category)[:3]
    assert [a.pk for a in older] == [a.pk for a in newest]


def test_a_scheduled_article_joins_its_neighbours_lists_when_its_time_comes(category_articles):
    oldest = category_articles[-1]
    due = ArticleFactory(
        category=oldest.category,
        status=Article.Status.PUBLISHED,
        published_at=oldest.published_at + timedelta(minutes=30),
        title="Bài hẹn giờ",
    )
    Article.objects.filter(pk=due.pk).update(published_at=timezone.now() + timedelta(hours=1))
    newer, _older = Article.objects.neighbour_links(oldest, 3)
    assert due.pk not in [a.pk for a in newer]
    Article.objects.filter(pk=due.pk).update(
        published_at=oldest.published_at + timedelta(minutes=30)
    )
    newer, _older = Article.objects.neighbour_links(oldest, 3)
    assert [a.pk for a in newer][0] == due.pk
    assert newer[0].title == "Bài hẹn giờ"
