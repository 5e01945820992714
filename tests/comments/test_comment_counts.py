"""Each article stores its number of approved comments, kept in step with every moderation
decision; cards and RSS items show it without counting per article."""

import importlib
import xml.etree.ElementTree as ET

import pytest
from django.apps import apps as django_apps
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.urls import reverse

from articles.models import Article
from comments import services
from comments.models import Comment
from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory

pytestmark = pytest.mark.django_db

SLASH = "{http://purl.org/rss/1.0/modules/slash/}comments"


def stored(article) -> int:
    return Article.objects.values_list("comment_count", flat=True).get(pk=article.pk)


def approved(article) -> int:
    return Comment.objects.approved().filter(article=article).count()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


def test_every_decision_keeps_the_count_in_step(article, moderator, admin_user):
    first, second, third = CommentFactory.create_batch(3, article=article)
    assert stored(article) == 0
    services.approve_comment(comment=first, moderator=moderator)
    services.approve_comment(comment=second, moderator=moderator)
    assert stored(article) == 2
    services.approve_comment(comment=first, moderator=moderator)  # again: no change
    assert stored(article) == 2
    services.reject_comment(comment=third, moderator=moderator, reason="off_topic")  # pending
    assert stored(article) == 2
    services.reject_comment(comment=first, moderator=moderator, reason="offensive")  # taken down
    assert stored(article) == 1
    services.mark_comment_as_spam(comment=second, moderator=moderator)
    assert stored(article) == 0
    services.approve_comment(comment=third, moderator=moderator)
    assert stored(article) == 1 == approved(article)
    services.delete_comments(comments=[third, first], moderator=admin_user)
    assert stored(article) == 0 == approved(article)
    assert not Comment.objects.filter(pk__in=[first.pk, third.pk]).exists()


def test_a_refused_decision_changes_no_count(article, journalist):
    comment = CommentFactory(article=article)
    with pytest.raises(PermissionDenied):
        services.approve_comment(comment=comment, moderator=journalist)
    assert stored(article) == 0


def test_deleting_in_the_admin_keeps_the_count(client, article, admin_user):
    kept, gone = CommentFactory.create_batch(2, article=article, approved=True)
    assert stored(article) == 2
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:comments_comment_changelist") + "?status__exact=approved",
        {"action": "delete_selected", "_selected_action": [gone.pk], "post": "yes"},
    )
    assert response.status_code == 302
    assert stored(article) == 1
    response = client.post(
        reverse("admin:comments_comment_delete", args=[kept.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert stored(article) == 0
    assert not Comment.objects.exists()


def test_the_count_never_goes_below_zero(article, moderator):
    comment = CommentFactory(article=article, approved=True)
    Article.objects.filter(pk=article.pk).update(comment_count=0)  # written behind our back
    services.reject_comment(comment=comment, moderator=moderator, reason="spam")
    assert stored(article) == 0
    services.recount_comments()
    assert stored(article) == 0


def test_recount_fixes_counts_written_in_bulk(article):
    other = ArticleFactory(published=True)
    Comment.objects.bulk_create(
        [CommentFactory.build(article=article, approved=True) for _ in range(3)]
        + [CommentFactory.build(article=other) for _ in range(2)]
    )
    assert services.recount_comments() == 2
    assert (stored(article), stored(other)) == (3, 0)


def test_the_migration_counts_the_comments_already_there(article):
    other = ArticleFactory(published=True)
    Comment.objects.bulk_create(
        [CommentFactory.build(article=article, approved=True) for _ in range(4)]
        + [CommentFactory.build(article=article, status=Comment.Status.SPAM)]
    )
    Article.objects.update(comment_count=7)
    migration = importlib.import_module("comments.migrations.0004_fill_comment_counts")
    migration.fill_counts(django_apps, connection.schema_editor())
    assert (stored(article), stored(other)) == (4, 0)


def test_cards_and_search_results_show_the_count(client, page_cache_off):
    category = CategoryFactory(name="Thời sự")
    series = SeriesFactory(title="Loạt bài đối thoại")
    talked = ArticleFactory(
        published=True, category=category, series=series, part_number=1, title="Đối thoại cử tri"
    )
    quiet = ArticleFactory(published=True, category=category, title="Đối thoại im lặng")
    CommentFactory.create_batch(2, article=talked, approved=True)
    CommentFactory(article=quiet)  # pending: not counted
    for url in (
        "/",
        category.get_absolute_url(),
        series.get_absolute_url(),
        reverse("articles:search") + "?q=đối+thoại",
    ):
        html = client.get(url).content.decode()
        # Only the commented article's cards carry a count (the home page shows it twice).
        assert html.count('class="meta__comments"') == html.count("2 bình luận") >= 1, url


def test_pages_of_cards_do_not_count_comments_per_card(
    client, django_assert_max_num_queries, page_cache_off
):
    category = CategoryFactory()
    articles = ArticleFactory.create_batch(6, published=True, category=category)
    url = category.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(50) as before:
        client.get(url)
    baseline = len(before.captured_queries)
    for article in articles:
        CommentFactory.create_batch(2, article=article, approved=True)
    client.get(url)
    with django_assert_max_num_queries(baseline) as after:
        html = client.get(url).content.decode()
    assert html.count("2 bình luận") == 6
    assert not any("comments_comment" in q["sql"] for q in after.captured_queries)


def test_each_rss_item_carries_its_comment_count(client):
    talked = ArticleFactory(published=True, title="Bài có ý kiến")
    ArticleFactory(published=True, title="Bài chưa có ý kiến")
    CommentFactory.create_batch(3, article=talked, approved=True)
    response = client.get(reverse("articles:feed"))
    assert response.status_code == 200
    assert b'xmlns:slash="http://purl.org/rss/1.0/modules/slash/"' in response.content
    items = ET.fromstring(response.content).findall("./channel/item")
    counts = {item.findtext("title"): item.findtext(SLASH) for item in items}
    assert counts == {"Bài có ý kiến": "3", "Bài chưa có ý kiến": "0"}


@pytest.mark.usefixtures("pages_stored_at_once")
def test_an_approval_shows_on_the_cards_at_once_and_leaves_other_articles_cached(
    client, moderator, on_commit
):
    category = CategoryFactory()
    story = ArticleFactory(published=True, category=category, title="Tin có bình luận")
    other = ArticleFactory(published=True, title="Tin khác")
    comment = CommentFactory(article=story)
    for url in ("/", category.get_absolute_url(), other.get_absolute_url()):
        for _ in range(3):
            if client.get(url).get("X-Page-Cache") == "hit":
                break
    on_commit(services.approve_comment, comment=comment, moderator=moderator)
    for url in ("/", category.get_absolute_url()):
        response = client.get(url)
        assert response.get("X-Page-Cache") != "hit"
        assert "1 bình luận" in response.content.decode()
    assert client.get(other.get_absolute_url()).get("X-Page-Cache") == "hit"
