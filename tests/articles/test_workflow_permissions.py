"""Journalists write and submit; editors publish, schedule and unpublish (DESIGN §4)."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from articles import services
from articles.models import Article, Category
from core import roles
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

ADD_URL = "/admin/articles/article/"


def change_url(article):
    return reverse("admin:articles_article_change", args=[article.pk])


def form_data(article=None, **overrides):
    category = article.category if article else Category.objects.first() or CategoryFactory()
    data = {
        "title": article.title if article else "Bài mới của phóng viên",
        "slug": article.slug if article else "",
        "category": category.pk,
        "series": "",
        "part_number": "",
        "lead": article.lead if article else "Phần mở đầu.",
        "body": article.body if article else "<h2>Mục một</h2><p>Nội dung.</p>",
        "cover_alt": "",
        "cover_caption": "",
        "byline": "",
        # The box is ticked unless an editor unticks it (a browser sends nothing for that).
        "comments_open": "on",
    }
    data.update(overrides)
    return data


def test_groups_exist_with_their_permissions(journalist, editor, moderator):
    assert journalist.has_perm("articles.add_article")
    assert journalist.has_perm("articles.upload_image")
    assert not journalist.has_perm("articles.publish_article")
    assert editor.has_perm("articles.publish_article")
    assert editor.has_perm("articles.add_category")
    assert editor.has_perm("articles.change_series")
    assert moderator.has_perm("comments.change_comment")
    assert not moderator.has_perm("articles.view_article")
    assert not moderator.has_perm("comments.view_personal_data")


def test_journalist_creates_a_draft_and_submits_it_for_review(client, journalist):
    client.force_login(journalist)
    response = client.post(ADD_URL + "add/", form_data(_submit_review="1"))
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.created_by == journalist
    assert article.status == Article.Status.REVIEW
    assert article.submitted_at is not None
    assert article.slug == "bai-moi-cua-phong-vien"


def test_journalist_cannot_publish_even_by_crafting_the_post(client, journalist):
    client.force_login(journalist)
    client.post(
        ADD_URL + "add/",
        form_data(
            _publish="1",
            status="published",
            published_at_0="01/01/2026",
            published_at_1="08:00:00",
            is_featured="on",
        ),
    )
    article = Article.objects.get()
    assert article.status == Article.Status.DRAFT
    assert article.published_at is None
    assert not article.is_featured


def test_journalist_cannot_schedule_by_crafting_the_publish_time(client, journalist):
    article = ArticleFactory(created_by=journalist)
    client.force_login(journalist)
    client.post(
        change_url(article),
        form_data(article, published_at_0="01/12/2030", published_at_1="08:00:00", _save="1"),
    )
    article.refresh_from_db()
    assert article.published_at is None


def test_journalist_cannot_see_or_edit_another_persons_article(
    client, journalist, other_journalist
):
    theirs = ArticleFactory(created_by=other_journalist, title="Bài của người khác")
    client.force_login(journalist)
    assert "Bài của người khác" not in client.get(ADD_URL).content.decode()
    response = client.post(change_url(theirs), form_data(theirs, title="Đã bị sửa"))
    assert response.status_code == 302  # "does not exist", back to the index
    theirs.refresh_from_db()
    assert theirs.title == "Bài của người khác"


def test_journalist_cannot_edit_their_article_once_submitted(client, journalist):
    article = ArticleFactory(created_by=journalist, status=Article.Status.REVIEW, title="Đã gửi")
    client.force_login(journalist)
    response = client.post(change_url(article), form_data(article, title="Sửa sau khi gửi"))
    assert response.status_code == 403
    article.refresh_from_db()
    assert article.title == "Đã gửi"
    # Still readable, in view-only mode.
    assert client.get(change_url(article)).status_code == 200


def test_journalist_cannot_delete_other_peoples_articles(client, journalist, other_journalist):
    theirs = ArticleFactory(created_by=other_journalist)
    client.force_login(journalist)
    client.post(reverse("admin:articles_article_delete", args=[theirs.pk]), {"post": "yes"})
    assert Article.objects.filter(pk=theirs.pk).exists()


def test_journalist_gets_no_publish_action(client, journalist):
    ArticleFactory(created_by=journalist)
    client.force_login(journalist)
    html = client.get(ADD_URL).content.decode()
    assert "Gửi duyệt các bài đã chọn" in html
    assert "Xuất bản các bài đã chọn" not in html
    article = Article.objects.get()
    client.post(ADD_URL, {"action": "publish_action", "_selected_action": [article.pk]})
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT


def test_editor_publishes_an_article_in_review(client, editor, journalist):
    article = ArticleFactory(created_by=journalist, status=Article.Status.REVIEW)
    client.force_login(editor)
    response = client.post(change_url(article), form_data(article, _publish="1"))
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.is_published
    assert article.published_by == editor
    assert client.get(article.get_absolute_url()).status_code == 200


def test_editor_schedules_an_article(client, editor):
    article = ArticleFactory(status=Article.Status.REVIEW)
    client.force_login(editor)
    when = timezone.localtime(timezone.now() + timedelta(days=2)).replace(second=0, microsecond=0)
    client.post(
        change_url(article),
        form_data(
            article,
            _publish="1",
            published_at_0=when.strftime("%d/%m/%Y"),
            published_at_1=when.strftime("%H:%M:%S"),
        ),
    )
    article.refresh_from_db()
    assert article.status == Article.Status.PUBLISHED
    assert article.published_at == when
    assert article.is_scheduled
    assert client.get(article.get_absolute_url()).status_code == 404


def test_editor_unpublishes_in_bulk(client, editor):
    articles = ArticleFactory.create_batch(2, published=True)
    client.force_login(editor)
    response = client.post(
        ADD_URL,
        {"action": "unpublish_action", "_selected_action": [a.pk for a in articles]},
        follow=True,
    )
    assert "Đã gỡ 2 bài khỏi trang." in response.content.decode()
    assert not Article.objects.published().exists()


def test_a_bulk_action_reports_each_refused_article_and_does_the_rest(client, editor):
    draft = ArticleFactory(title="Bản nháp đang viết")
    already = ArticleFactory(title="Đã gửi duyệt rồi", status=Article.Status.REVIEW)
    client.force_login(editor)
    response = client.post(
        ADD_URL,
        {"action": "submit_for_review_action", "_selected_action": [draft.pk, already.pk]},
        follow=True,
    )
    html = response.content.decode()
    assert "Đã gửi duyệt 1 bài." in html
    assert "“Đã gửi duyệt rồi”: Chỉ bản nháp mới gửi duyệt được." in html
    draft.refresh_from_db()
    assert draft.status == Article.Status.REVIEW


def test_services_refuse_what_the_role_may_not_do(journalist, other_journalist, editor):
    article = ArticleFactory(created_by=other_journalist)
    with pytest.raises(PermissionDenied):
        services.publish_article(article=article, editor=journalist)
    with pytest.raises(PermissionDenied):
        services.unpublish_article(article=article, editor=journalist)
    with pytest.raises(PermissionDenied):
        services.submit_for_review(article=article, user=journalist)
    services.submit_for_review(article=article, user=other_journalist)
    with pytest.raises(ValidationError):
        services.submit_for_review(article=article, user=other_journalist)
    services.publish_article(article=article, editor=editor)
    assert article.is_published


def test_preview_is_for_staff_who_may_see_the_article(client, journalist, other_journalist, editor):
    draft = ArticleFactory(created_by=journalist, title="Bản nháp bí mật")
    url = reverse("articles:preview", kwargs={"pk": draft.pk})
    assert client.get(url).status_code == 302  # to the login page
    client.force_login(other_journalist)
    assert client.get(url).status_code == 404
    for user in (journalist, editor):
        client.force_login(user)
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "Bản nháp bí mật" in html
        assert "Bản xem trước" in html
        assert response["X-Robots-Tag"] == "noindex"


def test_admin_index_shows_each_role_its_waiting_work(client, journalist, editor):
    ArticleFactory(created_by=journalist)
    ArticleFactory.create_batch(2, status=Article.Status.REVIEW)
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Bài chờ duyệt" in html
    assert '--due">2</strong>' in html
    client.force_login(journalist)
    html = client.get("/admin/").content.decode()
    assert "Bản nháp của bạn" in html
    assert '--due">1</strong>' in html


def test_admin_carries_the_sites_name_not_djangos(client, editor):
    client.force_login(editor)
    html = client.get("/admin/").content.decode()
    assert "Cổng thông tin HNP" in html
    assert "Trang quản trị cho Django" not in html
    assert "Django administration" not in html


def test_migrate_creates_the_three_groups():
    from django.contrib.auth.models import Group

    groups = {
        g.name: set(g.permissions.values_list("codename", flat=True)) for g in Group.objects.all()
    }
    assert {roles.JOURNALIST, roles.EDITOR, roles.MODERATOR} <= set(groups)
    assert "publish_article" in groups[roles.EDITOR]
    assert "publish_article" not in groups[roles.JOURNALIST]
    assert groups[roles.MODERATOR] == {
        "view_comment", "change_comment", "view_blockedword", "add_blockedword",
        "change_blockedword", "delete_blockedword", "answer_comment",
    }  # fmt: skip
    assert {"answer_comment", "view_comment"} <= groups[roles.EDITOR]
    assert "answer_comment" not in groups[roles.JOURNALIST]


def test_slugs_are_made_on_the_server_from_the_vietnamese_title(client, journalist):
    """The admin's own slug JavaScript mangles Vietnamese; the model makes the slug instead."""
    client.force_login(journalist)
    html = client.get(ADD_URL + "add/").content.decode()
    assert 'data-prepopulated-fields="[]"' in html
    client.post(ADD_URL + "add/", form_data(title="Cử tri phường Trung tâm kiến nghị"))
    assert Article.objects.get().slug == "cu-tri-phuong-trung-tam-kien-nghi"


def test_journalists_do_not_get_the_author_filter(client, journalist, editor):
    ArticleFactory(created_by=editor)
    client.force_login(journalist)
    assert "created_by__id__exact" not in client.get(ADD_URL).content.decode()
    client.force_login(editor)
    assert "created_by__id__exact" in client.get(ADD_URL).content.decode()
