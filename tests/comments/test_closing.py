"""Closed comments: by an editor, or COMMENTS_CLOSE_AFTER_DAYS after publication. A closed
article keeps its approved comments, shows "Đã đóng bình luận" instead of the form, and the
comment page refuses posts with the reader's text kept."""

import time
from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from comments import services
from comments.closing import comments_closed, next_closing
from comments.models import Comment
from tests.articles.test_workflow_permissions import form_data
from tests.comments.conftest import comment_data, comment_url
from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CLOSED = "Đã đóng bình luận"


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def cached(client, url) -> str:
    for _ in range(3):
        response = client.get(url)
        if response.get("X-Page-Cache") == "hit":
            return response.content.decode()
    raise AssertionError(f"{url} never came from the cache")


@pytest.fixture
def on_commit(django_capture_on_commit_callbacks):
    def run(action, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return action(*args, **kwargs)

    return run


@pytest.fixture
def closed_article(article):
    CommentFactory(article=article, approved=True, title="Ý kiến đã duyệt trước khi đóng")
    Article.objects.filter(pk=article.pk).update(comments_open=False)
    article.refresh_from_db()
    return article


def test_a_closed_article_shows_its_comments_and_the_notice_instead_of_the_form(
    client, closed_article
):
    html = page(client, closed_article.get_absolute_url())
    assert "Ý kiến đã duyệt trước khi đóng" in html
    assert CLOSED in html
    assert 'name="captcha_1"' not in html
    assert "comment-form__form" not in html
    assert "Bài viết này không nhận thêm bình luận." in html


def test_the_comment_page_of_a_closed_article_has_no_form_and_makes_no_captcha(
    client, closed_article
):
    html = page(client, comment_url(closed_article))
    assert CLOSED in html
    assert "Ý kiến đã duyệt trước khi đóng" in html
    assert 'name="captcha_1"' not in html
    assert not CaptchaStore.objects.exists()


def test_a_comment_sent_to_a_closed_article_is_refused_with_its_text_kept(
    client, article, django_capture_on_commit_callbacks
):
    data = comment_data(
        client,
        title="Câu hỏi về <b>đường</b> Lê Lợi",
        content="Xin hỏi khi nào sửa đường?\nCảm ơn.",
    )
    Article.objects.filter(pk=article.pk).update(comments_open=False)
    response = client.post(comment_url(article), data)
    assert response.status_code == 403
    html = response.content.decode()
    assert "Bình luận của bạn chưa được gửi vì bài viết này đã đóng bình luận." in html
    # What the reader typed, escaped, ready to copy.
    assert "Câu hỏi về &lt;b&gt;đường&lt;/b&gt; Lê Lợi" in html
    assert "Xin hỏi khi nào sửa đường?\nCảm ơn." in html
    assert "Nguyễn Thị Hoa" in html
    assert "0912" not in html  # the phone number is not shown back
    assert not Comment.objects.exists()


def test_the_service_refuses_a_comment_for_a_closed_article(article):
    Article.objects.filter(pk=article.pk).update(comments_open=False)
    article.refresh_from_db()
    with pytest.raises(services.CommentsClosed):
        services.submit_comment(
            article=article, name="An", phone="", title="Tiêu đề", content="Nội dung", ip="1.2.3.4"
        )
    assert not Comment.objects.exists()


def test_comments_close_the_set_number_of_days_after_publication(settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 7
    now = timezone.now()
    old = ArticleFactory(published=True, published_at=now - timedelta(days=7, minutes=1))
    recent = ArticleFactory(published=True, published_at=now - timedelta(days=6, hours=23))
    assert comments_closed(old)
    assert not comments_closed(recent)
    # The next closing is the recent article's, and agrees with comments_closed().
    assert next_closing() == pytest.approx(
        (recent.published_at + timedelta(days=7)).timestamp(), abs=1e-3
    )
    settings.COMMENTS_CLOSE_AFTER_DAYS = 0
    assert not comments_closed(old)
    assert next_closing() is None


def test_an_article_closed_by_hand_is_not_a_pending_closing(settings):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 7
    ArticleFactory(published=True, published_at=timezone.now(), comments_open=False)
    assert next_closing() is None


@pytest.mark.usefixtures("pages_stored_at_once")
def test_the_page_flips_when_the_closing_time_comes_without_anyone_touching_it(
    client, settings, editor, on_commit
):
    settings.COMMENTS_CLOSE_AFTER_DAYS = 1
    article = ArticleFactory(
        published=True, published_at=timezone.now() - timedelta(days=1) + timedelta(seconds=3)
    )
    closes_at = article.published_at + timedelta(days=1)
    CommentFactory(article=article, approved=True, title="Ý kiến trong hạn")
    # A change of the site makes its version, which now knows the next closing.
    from articles.services import reader_pages_changed

    on_commit(reader_pages_changed)
    html = cached(client, article.get_absolute_url())
    assert CLOSED not in html
    assert "Ý kiến trong hạn" in html
    time.sleep(max(0, (closes_at - timezone.now()).total_seconds()) + 0.1)
    html = page(client, article.get_absolute_url())
    assert CLOSED in html
    assert "Ý kiến trong hạn" in html
    assert 'name="title"' not in html


@pytest.mark.usefixtures("pages_stored_at_once")
def test_an_editor_closes_and_reopens_comments_in_the_admin_and_the_page_follows_at_once(
    client, article, editor, on_commit
):
    CommentFactory(article=article, approved=True, title="Ý kiến hiển thị")
    url = article.get_absolute_url()
    assert CLOSED not in cached(client, url)
    staff = client.__class__()
    staff.force_login(editor)
    change = reverse("admin:articles_article_change", args=[article.pk])
    when = timezone.localtime(article.published_at)
    dates = {
        "published_at_0": when.strftime("%d/%m/%Y"),
        "published_at_1": when.strftime("%H:%M:%S"),
    }
    closing = form_data(article, **dates)
    del closing["comments_open"]  # the box unticked
    response = on_commit(staff.post, change, closing)
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert not Article.objects.get(pk=article.pk).comments_open
    html = page(client, url)
    assert CLOSED in html
    assert "Ý kiến hiển thị" in html

    response = on_commit(staff.post, change, form_data(article, **dates))
    assert response.status_code == 302
    assert Article.objects.get(pk=article.pk).comments_open
    html = page(client, url)
    assert CLOSED not in html
    assert 'name="title"' in html


def test_only_editors_may_close_comments(client, journalist):
    draft = ArticleFactory(created_by=journalist, title="Bản nháp của phóng viên")
    staff = client.__class__()
    staff.force_login(journalist)
    data = form_data(draft)
    del data["comments_open"]
    response = staff.post(reverse("admin:articles_article_change", args=[draft.pk]), data)
    assert response.status_code == 302
    assert Article.objects.get(pk=draft.pk).comments_open


def test_a_closed_article_page_costs_no_more_queries_than_an_open_one(
    client, article, django_assert_max_num_queries, page_cache_off
):
    CommentFactory.create_batch(3, article=article, approved=True)
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(100) as open_page:
        assert page(client, article.get_absolute_url())
    open_queries = len(open_page.captured_queries)
    assert open_queries > 0
    Article.objects.filter(pk=article.pk).update(comments_open=False)
    client.get(article.get_absolute_url())
    with django_assert_max_num_queries(open_queries):
        assert CLOSED in page(client, article.get_absolute_url())
