"""Moderators approve, reject or mark as spam, one by one or in bulk; who and when is kept."""

import threading

import pytest
from django.contrib.admin.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.urls import reverse

from comments import services
from comments.models import Comment
from core import roles
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


def test_approve_records_who_and_when_and_shows_the_comment_at_once(
    client, moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(title="Sắp được duyệt")
    page = comment.article.get_absolute_url()
    client.get(page)  # the page has been seen (and cached) before
    client.get(page)
    with django_capture_on_commit_callbacks(execute=True):
        services.approve_comment(comment=comment, moderator=moderator)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_by == moderator
    assert comment.moderated_at is not None
    assert "Sắp được duyệt" in client.get(page).content.decode()


def test_rejecting_an_approved_comment_takes_it_down_at_once(
    client, moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(approved=True, title="Sẽ bị gỡ")
    page = comment.article.get_absolute_url()
    assert "Sẽ bị gỡ" in client.get(page).content.decode()
    assert "Sẽ bị gỡ" in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_comment(
            comment=comment, moderator=moderator, reason=Comment.RejectionReason.OFFENSIVE
        )
    assert "Sẽ bị gỡ" not in client.get(page).content.decode()
    comment.refresh_from_db()
    assert (comment.status, comment.rejection_reason) == ("rejected", "offensive")


def test_rejection_needs_a_reason_from_the_list_and_other_needs_a_note(moderator):
    comment = CommentFactory()
    with pytest.raises(ValidationError):
        services.reject_comment(comment=comment, moderator=moderator, reason="because")
    with pytest.raises(ValidationError):
        services.reject_comment(comment=comment, moderator=moderator, reason="other", note=" ")
    services.reject_comment(comment=comment, moderator=moderator, reason="other", note="Trùng bài")
    comment.refresh_from_db()
    assert comment.rejection_note == "Trùng bài"


def test_spam_is_recorded_with_the_spam_reason(moderator):
    comment = services.mark_comment_as_spam(comment=CommentFactory(), moderator=moderator)
    assert (comment.status, comment.rejection_reason) == ("spam", "spam")


def test_only_moderators_may_decide(journalist):
    with pytest.raises(PermissionDenied):
        services.approve_comment(comment=CommentFactory(), moderator=journalist)


def test_queue_shows_pending_comments_oldest_first_with_their_flags(client, moderator):
    CommentFactory(title="Đã duyệt rồi", approved=True)
    first = CommentFactory(title="Cũ nhất", flag_many_links=True, flag_details="3 liên kết")
    second = CommentFactory(title="Mới hơn")
    client.force_login(moderator)
    html = client.get(CHANGELIST).content.decode()
    assert html.index(first.title) < html.index(second.title)
    assert "Đã duyệt rồi" not in html
    assert "nhiều liên kết" in html
    assert "3 liên kết" in html
    assert first.article.title in html


def test_queue_filters_by_status_flag_and_article_and_searches(client, moderator):
    flagged = CommentFactory(title="Có cờ", flag_blocked_words=True)
    CommentFactory(title="Không cờ")
    client.force_login(moderator)
    assert "Không cờ" not in client.get(CHANGELIST + "?flag=blocked_words").content.decode()
    html = client.get(CHANGELIST + f"?article={flagged.article_id}").content.decode()
    assert "Có cờ" in html
    assert "Không cờ" not in html
    assert "Không cờ" in client.get(CHANGELIST + "?q=Không").content.decode()
    assert "Có cờ" in client.get(CHANGELIST + "?status__exact=all").content.decode()


def test_bulk_actions_have_the_expected_labels(client, moderator):
    CommentFactory()
    client.force_login(moderator)
    html = client.get(CHANGELIST).content.decode()
    assert ">Duyệt các bình luận đã chọn<" in html
    assert ">Từ chối các bình luận đã chọn…<" in html
    assert ">Đánh dấu spam các bình luận đã chọn<" in html


def test_bulk_approve_and_spam_record_the_decision_and_the_admin_log(client, moderator):
    a, b, c = CommentFactory(), CommentFactory(), CommentFactory()
    client.force_login(moderator)
    response = client.post(
        CHANGELIST, {"action": "approve_selected", "_selected_action": [a.pk, b.pk]}, follow=True
    )
    assert "Đã duyệt 2 bình luận." in response.content.decode()
    client.post(CHANGELIST, {"action": "mark_selected_as_spam", "_selected_action": [c.pk]})
    assert set(Comment.objects.values_list("status", flat=True)) == {"approved", "spam"}
    assert set(Comment.objects.values_list("moderated_by", flat=True)) == {moderator.pk}
    assert LogEntry.objects.filter(user=moderator).count() == 3


def test_bulk_reject_asks_for_a_reason_then_applies_it(client, moderator):
    a, b = CommentFactory(), CommentFactory()
    client.force_login(moderator)
    ask = client.post(CHANGELIST, {"action": "reject_selected", "_selected_action": [a.pk, b.pk]})
    assert ask.status_code == 200
    assert "Lý do" in ask.content.decode()
    assert Comment.objects.pending().count() == 2
    missing_note = client.post(
        CHANGELIST,
        {
            "action": "reject_selected",
            "_selected_action": [a.pk, b.pk],
            "apply": "1",
            "reason": "other",
        },
    )
    assert "Hãy ghi rõ lý do" in missing_note.content.decode()
    assert Comment.objects.pending().count() == 2
    client.post(
        CHANGELIST,
        {
            "action": "reject_selected",
            "_selected_action": [a.pk, b.pk],
            "apply": "1",
            "reason": "off_topic",
        },
    )
    assert list(
        Comment.objects.order_by().values_list("status", "rejection_reason").distinct()
    ) == [("rejected", "off_topic")]


def test_buttons_on_the_change_page_decide_and_open_the_next_pending_comment(client, moderator):
    first, second = CommentFactory(), CommentFactory()
    client.force_login(moderator)
    page = client.get(reverse("admin:comments_comment_change", args=[first.pk])).content.decode()
    assert 'value="approve"' in page
    assert 'value="spam"' in page
    assert "Từ chối" in page
    response = client.post(
        reverse("admin:comments_comment_moderate", args=[first.pk]), {"decision": "approve"}
    )
    assert response["Location"] == reverse("admin:comments_comment_change", args=[second.pk])
    response = client.post(
        reverse("admin:comments_comment_moderate", args=[second.pk]),
        {"decision": "reject", "reason": "personal_data"},
    )
    assert response["Location"] == reverse("admin:comments_comment_changelist")
    assert list(Comment.objects.order_by("pk").values_list("status", flat=True)) == [
        "approved",
        "rejected",
    ]
    assert LogEntry.objects.filter(user=moderator, object_id=str(first.pk)).exists()


def test_moderate_view_refuses_get_and_people_without_permission(client, moderator, journalist):
    comment = CommentFactory()
    url = reverse("admin:comments_comment_moderate", args=[comment.pk])
    client.force_login(moderator)
    assert client.get(url).status_code == 403
    client.force_login(journalist)
    assert client.post(url, {"decision": "approve"}).status_code == 403
    comment.refresh_from_db()
    assert comment.status == "pending"


def test_moderators_see_only_the_comment_queue_and_the_pending_count(client, moderator):
    CommentFactory.create_batch(3)
    client.force_login(moderator)
    html = client.get("/admin/").content.decode()
    assert "Bình luận chờ kiểm duyệt" in html
    assert '<strong class="waiting-work__count waiting-work__count--due">3</strong>' in html
    assert "/admin/comments/comment/" in html
    assert "/admin/articles/" not in html
    assert "/admin/auth/" not in html
    assert client.get("/admin/articles/article/").status_code == 403


def test_journalists_have_no_access_to_comments(client, journalist):
    client.force_login(journalist)
    assert client.get(CHANGELIST).status_code == 403


def test_phone_is_masked_for_staff_without_the_permission(client, moderator):
    comment = CommentFactory(phone="0912345678")
    client.force_login(moderator)
    for url in (CHANGELIST, reverse("admin:comments_comment_change", args=[comment.pk])):
        html = client.get(url).content.decode()
        assert "09******78" in html
        assert "0912345678" not in html


def test_phone_is_shown_to_staff_with_the_permission(client, moderator):
    from django.contrib.auth.models import Permission

    moderator.user_permissions.add(Permission.objects.get(codename="view_personal_data"))
    comment = CommentFactory(phone="0912345678")
    client.force_login(moderator)
    html = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    assert "0912345678" in html


def test_readers_comments_cannot_be_added_or_edited_in_the_admin(client, moderator):
    comment = CommentFactory(title="Nguyên văn")
    client.force_login(moderator)
    assert client.get("/admin/comments/comment/add/").status_code == 403
    client.post(reverse("admin:comments_comment_change", args=[comment.pk]), {"title": "Sửa"})
    comment.refresh_from_db()
    assert comment.title == "Nguyên văn"


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_two_moderators_at_once_end_in_one_consistent_state(moderator, django_user_model):
    if connection.vendor != "postgresql":
        pytest.skip("row locks need PostgreSQL")
    from django.contrib.auth.models import Group

    other = django_user_model.objects.create_user("kiemduyet2", is_staff=True)
    other.groups.add(Group.objects.get(name=roles.MODERATOR))
    for _round in range(10):
        comment = CommentFactory()
        barrier = threading.Barrier(2)
        errors = []

        def decide(action, user, comment_pk=comment.pk, barrier=barrier, errors=errors):
            try:
                barrier.wait()
                target = Comment.objects.get(pk=comment_pk)
                action(target, user)
            except Exception as exc:  # noqa: BLE001
                errors.append(exc)
            finally:
                connection.close()

        threads = [
            threading.Thread(
                target=decide,
                args=(lambda c, u: services.approve_comment(comment=c, moderator=u), moderator),
            ),
            threading.Thread(
                target=decide,
                args=(
                    lambda c, u: services.reject_comment(
                        comment=c, moderator=u, reason="offensive"
                    ),
                    other,
                ),
            ),
        ]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        comment.refresh_from_db()
        if comment.status == Comment.Status.APPROVED:
            assert (comment.moderated_by_id, comment.rejection_reason) == (moderator.pk, "")
        else:
            assert comment.status == Comment.Status.REJECTED
            assert (comment.moderated_by_id, comment.rejection_reason) == (other.pk, "offensive")
