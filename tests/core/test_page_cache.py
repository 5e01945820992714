"""Whole pages for anonymous readers: served from the cache, and never stale after a change."""

import time
from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from articles import services as article_services
from comments import services as comment_services
from comments.models import Comment
from tests.articles.test_workflow_permissions import form_data
from tests.comments.conftest import comment_data, comment_url
from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("pages_stored_at_once")]


def cached(client, url):
    """Load `url` until the cache holds it (a fresh site makes its versions first)."""
    for _ in range(3):
        response = client.get(url)
        if response.get("X-Page-Cache") == "hit":
            return response
    raise AssertionError(f"{url} never came from the cache")


def html(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    """Run the after-commit invalidations the way a real request's commit does."""

    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def story():
    category = CategoryFactory(name="Thời sự")
    return ArticleFactory(published=True, category=category, title="Tin gốc ban đầu")


def test_a_repeated_anonymous_view_is_served_from_the_cache_in_one_query(
    client, story, django_assert_max_num_queries
):
    cached(client, story.get_absolute_url())
    # Database cache: one SELECT for the page and its versions (Redis: none) plus the
    # view being counted (an INSERT without Redis).
    with django_assert_max_num_queries(2) as queries:
        response = client.get(story.get_absolute_url())
    assert response.get("X-Page-Cache") == "hit"
    assert not [q for q in queries.captured_queries if "articles_article" in q["sql"]]
    assert "public" in response["Cache-Control"]
    assert "max-age=5" in response["Cache-Control"]
    assert not response.cookies


def test_every_reader_page_is_cached(client, story):
    for url in (
        "/",
        story.get_absolute_url(),
        story.category.get_absolute_url(),
        reverse("articles:search") + "?q=tin",
        reverse("privacy"),
    ):
        assert cached(client, url).status_code == 200


def test_an_approved_comment_appears_at_once_and_a_hidden_one_disappears(
    client, story, moderator, on_commit
):
    comment = CommentFactory(article=story, title="Ý kiến chờ duyệt")
    url = story.get_absolute_url()
    assert "Ý kiến chờ duyệt" not in cached(client, url).content.decode()
    on_commit(comment_services.approve_comment, comment=comment, moderator=moderator)
    assert "Ý kiến chờ duyệt" in html(client, url)
    cached(client, url)
    on_commit(
        comment_services.reject_comment,
        comment=comment,
        moderator=moderator,
        reason=Comment.RejectionReason.OFFENSIVE,
    )
    assert "Ý kiến chờ duyệt" not in html(client, url)


def test_moderating_one_article_keeps_the_other_pages_cached(client, story, moderator, on_commit):
    other = ArticleFactory(published=True)
    cached(client, other.get_absolute_url())
    comment = CommentFactory(article=story)
    on_commit(comment_services.approve_comment, comment=comment, moderator=moderator)
    assert client.get(other.get_absolute_url()).get("X-Page-Cache") == "hit"


def test_an_edit_in_the_admin_shows_at_once_on_the_page_and_the_lists(
    client, story, editor, on_commit
):
    pages = [story.get_absolute_url(), "/", story.category.get_absolute_url()]
    for url in pages:
        cached(client, url)
    staff = client.__class__()
    staff.force_login(editor)
    change = reverse("admin:articles_article_change", args=[story.pk])
    when = timezone.localtime(story.published_at)
    data = form_data(
        story,
        title="Tin đã sửa lại",
        published_at_0=when.strftime("%d/%m/%Y"),
        published_at_1=when.strftime("%H:%M:%S"),
    )
    response = on_commit(staff.post, change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors
    for url in pages:
        page = html(client, url)
        assert "Tin đã sửa lại" in page
        assert "Tin gốc ban đầu" not in page


def test_publishing_and_unpublishing_show_at_once(client, story, editor, on_commit):
    draft = ArticleFactory(category=story.category, title="Bài mới toanh")
    cached(client, "/")
    on_commit(article_services.publish_article, article=draft, editor=editor)
    assert "Bài mới toanh" in html(client, "/")
    cached(client, draft.get_absolute_url())
    on_commit(article_services.unpublish_article, article=draft, editor=editor)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Bài mới toanh" not in html(client, "/")


def test_a_scheduled_article_appears_when_due_without_anyone_touching_it(
    client, story, editor, on_commit
):
    due = timezone.now() + timedelta(seconds=1.5)
    draft = ArticleFactory(category=story.category, title="Bài hẹn giờ")
    on_commit(article_services.publish_article, article=draft, editor=editor, at=due)
    assert "Bài hẹn giờ" not in cached(client, "/").content.decode()
    time.sleep(max(0, (due - timezone.now()).total_seconds()) + 0.1)
    assert "Bài hẹn giờ" in html(client, "/")


def test_logged_in_staff_neither_get_nor_fill_the_cache(client, story, editor):
    staff = client.__class__()
    staff.force_login(editor)
    for _ in range(3):
        response = staff.get(story.get_absolute_url())
        assert "X-Page-Cache" not in response
        assert "private" in response["Cache-Control"]
    assert client.get(story.get_absolute_url()).get("X-Page-Cache") != "hit"


def test_the_comment_page_and_the_captcha_endpoint_are_never_cached(client, story):
    for url in (comment_url(story), reverse("comments:session")):
        for _ in range(3):
            response = client.get(url)
            assert "X-Page-Cache" not in response
            assert "no-store" in response["Cache-Control"]


def test_an_invalid_comment_shown_again_is_not_cached(client, story):
    data = comment_data(client, name="")
    response = client.post(comment_url(story), data)
    assert response.status_code == 400
    assert "X-Page-Cache" not in response


def test_tracking_parameters_share_the_page_and_comment_pages_do_not(client, story):
    url = story.get_absolute_url()
    cached(client, url)
    assert client.get(url + "?fbclid=IwAR0abc&utm_source=zalo").get("X-Page-Cache") == "hit"
    assert client.get(url + "?trang-binh-luan=2").get("X-Page-Cache") != "hit"
    assert client.get(url + "?binh-luan=cho-duyet").get("X-Page-Cache") != "hit"


def test_a_repeated_parameter_is_keyed_by_the_value_the_view_reads(client, story):
    search = reverse("articles:search")
    cached(client, search + "?q=khong+co+gi&q=tin")
    # The view reads the last value, and echoes it in the search box.
    assert 'value="tin"' in html(client, search + "?q=tin")
    assert 'value="khong co gi"' in html(client, search + "?q=tin&q=khong+co+gi")


def test_the_thank_you_notice_is_not_served_to_readers_who_did_not_comment(client, story):
    url = story.get_absolute_url()
    cached(client, url + "?binh-luan=cho-duyet")
    assert "đang chờ kiểm duyệt" not in html(client, url).lower()


def test_turning_the_cache_off_serves_every_request_from_the_view(client, story, settings):
    settings.PAGE_CACHE_SECONDS = 0
    for _ in range(3):
        assert "X-Page-Cache" not in client.get(story.get_absolute_url())


def test_a_new_release_never_serves_pages_or_fragments_built_by_the_previous_one(
    client, story, settings
):
    settings.PAGE_CACHE_RELEASE = "release-1"
    cached(client, story.get_absolute_url())
    settings.PAGE_CACHE_RELEASE = "release-2"  # deployed: new templates, same cache
    response = client.get(story.get_absolute_url())
    assert response["X-Page-Cache"] == "miss"
    assert response.context["site_version"].startswith("release-2")
    settings.PAGE_CACHE_RELEASE = "release-1"  # a server still on the old code keeps its pages
    assert client.get(story.get_absolute_url())["X-Page-Cache"] == "hit"


def test_without_a_named_release_a_change_to_the_templates_names_a_new_one(settings, tmp_path):
    from core.pagecache import release

    settings.PAGE_CACHE_RELEASE = ""
    settings.DEBUG = True  # taken again on each call
    settings.BASE_DIR = tmp_path
    (tmp_path / "templates").mkdir()
    (tmp_path / "node_modules").mkdir()
    template = tmp_path / "templates" / "page.html"
    template.write_text("<p>before</p>")
    before = release()
    (tmp_path / "node_modules" / "lib.js").write_text("not ours")
    (tmp_path / "notes.md").write_text("not served")
    assert release() == before
    template.write_text("<p>after</p>")
    assert release() != before


def test_a_change_made_while_a_first_view_is_built_is_not_hidden_by_that_page(
    client, story, monkeypatch
):
    """An article's first view finds no version of its scope and stores a first one with
    the page; an edit committed while that page was built has set its own version by then,
    so the page built from the old row is never served."""
    from articles import views
    from articles.models import Article
    from core.pagecache import scope_changed

    counted = views.record_view

    def edited_meanwhile(request, article_id):
        Article.objects.filter(pk=article_id).update(
            title="Tin đã sửa trong lúc dựng trang", updated_at=timezone.now()
        )
        scope_changed(f"article:{article_id}")  # as the edit's after-commit callback does
        monkeypatch.setattr(views, "record_view", counted)
        counted(request, article_id)

    monkeypatch.setattr(views, "record_view", edited_meanwhile)
    url = story.get_absolute_url()
    assert "Tin gốc ban đầu" in html(client, url)  # read before the edit
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert "Tin đã sửa trong lúc dựng trang" in response.content.decode()
    assert cached(client, url).content == response.content
