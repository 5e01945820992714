"""Moderators feature approved comments: shown first with a badge, logged, at once."""

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from comments import services
from comments.models import Comment
from core import pagecache
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"
BADGE = "Bình luận tiêu biểu"


def test_a_featured_comment_is_shown_first_with_a_badge_at_once(
    client, article, moderator, django_capture_on_commit_callbacks
):
    CommentFactory(article=article, approved=True, title="Ý kiến đầu tiên")
    later = CommentFactory(article=article, approved=True, title="Ý kiến đáng chú ý")
    page = article.get_absolute_url()
    html = client.get(page).content.decode()  # seen, and cached, before
    assert html.index("Ý kiến đầu tiên") < html.index("Ý kiến đáng chú ý")
    assert BADGE not in html
    with django_capture_on_commit_callbacks(execute=True):
        services.feature_comment(comment=later, moderator=moderator)
    html = client.get(page).content.decode()
    assert html.index("Ý kiến đáng chú ý") < html.index("Ý kiến đầu tiên")
    assert html.count(BADGE) == 1
    assert html.index(BADGE) < html.index("Ý kiến đáng chú ý")
    later.refresh_from_db()
    assert (later.is_featured, later.featured_by) == (True, moderator)
    assert later.featured_at is not None
    with django_capture_on_commit_callbacks(execute=True):
        services.feature_comment(comment=later, moderator=moderator, featured=False)
    html = client.get(page).content.decode()
    assert BADGE not in html
    assert html.index("Ý kiến đầu tiên") < html.index("Ý kiến đáng chú ý")


def test_only_approved_comments_can_be_featured_and_only_by_moderators(moderator, journalist):
    pending = CommentFactory()
    with pytest.raises(ValidationError):
        services.feature_comment(comment=pending, moderator=moderator)
    approved = CommentFactory(approved=True)
    with pytest.raises(PermissionDenied):
        services.feature_comment(comment=approved, moderator=journalist)
    assert not Comment.objects.filter(is_featured=True).exists()


def test_bulk_feature_and_unfeature_are_logged(client, moderator):
    a, b = CommentFactory(approved=True), CommentFactory(approved=True)
    pending = CommentFactory(title="Còn chờ duyệt")
    client.force_login(moderator)
    # From the list of every comment (the queue opens on the pending ones only).
    response = client.post(
        CHANGELIST + "?status__exact=all",
        {"action": "feature_selected", "_selected_action": [a.pk, b.pk, pending.pk]},
        follow=True,
    )
    text = response.content.decode()
    assert "2 bình luận đã được chọn là tiêu biểu." in text
    assert "Còn chờ duyệt" in text
    assert "Chỉ có thể chọn bình luận đã duyệt" in text
    assert set(Comment.objects.filter(is_featured=True).values_list("pk", flat=True)) == {
        a.pk,
        b.pk,
    }
    assert LogEntry.objects.filter(object_id__in=[str(a.pk), str(b.pk)]).count() == 2
    assert "is_featured" in LogEntry.objects.filter(object_id=str(a.pk)).get().change_message
    client.post(
        CHANGELIST + "?status__exact=all",
        {"action": "unfeature_selected", "_selected_action": [a.pk]},
    )
    assert list(Comment.objects.filter(is_featured=True).values_list("pk", flat=True)) == [b.pk]


def test_the_comment_page_has_a_feature_button(client, moderator):
    comment = CommentFactory(approved=True, title="Đáng chọn")
    client.force_login(moderator)
    change = reverse("admin:comments_comment_change", args=[comment.pk])
    assert "Chọn làm bình luận tiêu biểu" in client.get(change).content.decode()
    moderate = reverse("admin:comments_comment_moderate", args=[comment.pk])
    response = client.post(moderate, {"decision": "feature"}, follow=True)
    assert "Đã chọn là tiêu biểu: “Đáng chọn”." in response.content.decode()
    assert "Bỏ chọn tiêu biểu" in response.content.decode()
    comment.refresh_from_db()
    assert comment.is_featured
    assert LogEntry.objects.filter(object_id=str(comment.pk)).count() == 1
    client.post(moderate, {"decision": "unfeature"})
    comment.refresh_from_db()
    assert not comment.is_featured


def test_the_featured_filter_lists_featured_comments(client, moderator):
    CommentFactory(approved=True, is_featured=True, title="Được chọn")
    CommentFactory(approved=True, title="Bình thường")
    client.force_login(moderator)
    html = client.get(CHANGELIST, {"status__exact": "all", "featured": "yes"}).content.decode()
    assert "Được chọn" in html
    assert "Bình thường" not in html


def test_featured_comments_cost_no_extra_query_on_the_article_page(
    client,
    article,
    django_assert_max_num_queries,
    django_assert_num_queries,
    page_cache_off,
    cache_reads,
):
    CommentFactory.create_batch(3, article=article, approved=True)
    client.get(article.get_absolute_url())  # fills the cached fragments
    pagecache.scope_changed(f"article:{article.pk}")  # as a moderation decision does
    with django_assert_max_num_queries(6 + cache_reads(10)) as before:
        assert client.get(article.get_absolute_url()).status_code == 200
    CommentFactory.create_batch(5, article=article, approved=True, is_featured=True)
    pagecache.scope_changed(f"article:{article.pk}")
    with django_assert_num_queries(len(before.captured_queries)):
        html = client.get(article.get_absolute_url()).content.decode()
    assert html.count(BADGE) == 5
