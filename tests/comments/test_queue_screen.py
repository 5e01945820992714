"""What the moderation queue and a comment's page show, and the decisions taken from them."""

import re
from datetime import timedelta
from html import unescape

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone

from comments.models import Comment
from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


def _sent(comment, **ago):
    """`created_at` is set on insert; move it back in time."""
    Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(**ago))
    return comment


def _row(html: str, title: str) -> str:
    """The <tr> of the queue that holds the comment titled `title` (no-break spaces, which
    keep "5 phút" together, read as spaces)."""
    rows = re.findall(r"<tr>.*?</tr>", html.replace("\xa0", " "), flags=re.S)
    return next(row for row in rows if title in row)


def test_a_row_shows_excerpt_sender_short_article_relative_time_flags_and_status(client, moderator):
    article = ArticleFactory(
        published=True,
        title="Hội đồng nhân dân tỉnh chất vấn việc triển khai các dự án đầu tư công chậm "
        "tiến độ trong năm qua",
    )
    content = "<b>Đậm?</b> " + "chữ " * 60 + "ĐOẠN-CUỐI-KHÔNG-HIỆN"
    comment = CommentFactory(
        article=article,
        title="Ý kiến có liên kết",
        name="Trần Thị Mai",
        phone="0912345678",
        content=content,
        flag_many_links=True,
        flag_details="4 liên kết",
    )
    _sent(comment, minutes=5)
    client.force_login(moderator)
    row = _row(client.get(CHANGELIST).content.decode(), "Ý kiến có liên kết")

    assert "&lt;b&gt;Đậm?&lt;/b&gt;" in row  # escaped, never markup
    assert "<b>" not in row
    assert "ĐOẠN-CUỐI-KHÔNG-HIỆN" not in row  # about 200 characters, then "…"
    excerpt = re.search(r'class="queue-excerpt">(.*?)</span>', row, flags=re.S).group(1)
    assert 190 <= len(unescape(excerpt)) <= 200
    assert "Trần Thị Mai" in row
    assert "09******78" in row
    assert "0912345678" not in row
    assert ">Hội đồng nhân dân tỉnh chất vấn việc triển khai…<" in row  # short
    assert f'title="{article.title}"' in row  # whole on hover
    assert ">5 phút trước</time>" in row
    assert '<span class="flag-badge">nhiều liên kết</span>' in row
    assert "4 liên kết" in row
    assert "status-badge--pending" in row
    assert ">Chờ duyệt<" in row


def test_times_are_relative_within_a_day_and_dated_before(client, moderator):
    _sent(CommentFactory(title="Vừa gửi"), seconds=10)
    _sent(CommentFactory(title="Ba giờ trước"), hours=3, minutes=10)
    _sent(CommentFactory(title="Gần một ngày"), hours=23, minutes=50)
    old = _sent(CommentFactory(title="Hai ngày trước"), days=2)
    old.refresh_from_db()
    client.force_login(moderator)
    html = client.get(CHANGELIST).content.decode()
    assert ">vừa xong</time>" in _row(html, "Vừa gửi")
    # Whatever the time of day: three hours ago may be yesterday evening.
    assert ">3 giờ trước</time>" in _row(html, "Ba giờ trước")
    assert ">23 giờ trước</time>" in _row(html, "Gần một ngày")
    dated = timezone.localtime(old.created_at).strftime("%H:%M %d/%m/%Y")
    assert f">{dated}</time>" in _row(html, "Hai ngày trước")


def test_full_phone_number_for_holders_of_the_permission(client, moderator):
    moderator.user_permissions.add(Permission.objects.get(codename="view_personal_data"))
    CommentFactory(title="Có số điện thoại", phone="0912345678")
    client.force_login(moderator)
    assert "0912345678" in _row(client.get(CHANGELIST).content.decode(), "Có số điện thoại")


def test_queue_has_no_navigation_sidebar_and_a_keyboard_help_line(client, moderator):
    CommentFactory()
    client.force_login(moderator)
    for url in (CHANGELIST, reverse("admin:comments_comment_change", args=[1])):
        html = client.get(url).content.decode()
        assert 'id="nav-sidebar"' not in html
    html = client.get(CHANGELIST).content.decode()
    assert "data-shortcuts hidden" in html  # shown by the script that makes the keys work
    assert "js/moderation" in html
    assert "<kbd>j</kbd>/<kbd>k</kbd>" in html


def test_row_buttons_decide_and_come_back_to_the_same_list(client, moderator):
    first = CommentFactory(title="Duyệt từ danh sách")
    second = CommentFactory(title="Spam từ danh sách")
    client.force_login(moderator)
    list_url = CHANGELIST + "?flag=none&p=1"
    row = _row(client.get(list_url).content.decode(), first.title)
    approve = re.search(r'formaction="([^"]+)" name="decision" value="approve"', row).group(1)
    response = client.post(unescape(approve), {"decision": "approve"})
    assert response.status_code == 302
    assert response["Location"] == list_url
    row = _row(client.get(list_url).content.decode(), second.title)
    spam = re.search(r'formaction="([^"]+)" name="decision" value="spam"', row).group(1)
    client.post(unescape(spam), {"decision": "spam"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert (first.status, first.moderated_by) == (Comment.Status.APPROVED, moderator)
    assert (second.status, second.rejection_reason) == (Comment.Status.SPAM, "spam")
    # Rejecting asks for a reason: the row's link leads to it on the comment's page.
    third = CommentFactory(title="Cần lý do")
    row = _row(client.get(CHANGELIST).content.decode(), third.title)
    assert f'href="{reverse("admin:comments_comment_change", args=[third.pk])}#reject"' in row


def test_the_decision_panel_is_above_the_comment(client, moderator):
    comment = CommentFactory(title="Tiêu đề ý kiến")
    client.force_login(moderator)
    html = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content
    html = html.decode()
    assert html.index('id="moderation"') < html.index('class="module aligned')
    assert html.index('id="moderation"') < html.index("Tiêu đề ý kiến</div>")


def test_the_reject_reason_has_no_default_and_must_be_chosen(client, moderator):
    comment = CommentFactory()
    client.force_login(moderator)
    change_url = reverse("admin:comments_comment_change", args=[comment.pk])
    page = client.get(change_url).content.decode()
    select = re.search(r'<select name="reason".*?</select>', page, flags=re.S).group(0)
    assert re.findall(r'<option value="([^"]*)" selected>([^<]*)<', select) == [
        ("", "— Chọn lý do —")
    ]

    response = client.post(
        reverse("admin:comments_comment_moderate", args=[comment.pk]),
        {"decision": "reject", "reason": "", "note": "Lời nhắn đã gõ"},
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Hãy chọn lý do từ chối." in html
    assert "Bình luận chưa bị từ chối" in html
    assert re.search(
        r"<textarea name=\"note\"[^>]*>\s*Lời nhắn đã gõ</textarea>", html
    )  # nothing typed is lost
    comment.refresh_from_db()
    assert (comment.status, comment.rejection_reason) == (Comment.Status.PENDING, "")


def test_other_without_a_note_keeps_the_chosen_reason(client, moderator):
    comment = CommentFactory()
    client.force_login(moderator)
    response = client.post(
        reverse("admin:comments_comment_moderate", args=[comment.pk]),
        {"decision": "reject", "reason": "other", "note": "  "},
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hãy ghi rõ lý do" in html
    assert re.search(r'<option value="other" selected>', html)
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_bulk_reject_has_no_default_reason_either(client, moderator):
    comment = CommentFactory()
    client.force_login(moderator)
    response = client.post(
        CHANGELIST,
        {"action": "reject_selected", "_selected_action": [comment.pk], "apply": "1"},
    )
    assert "Hãy chọn lý do từ chối." in response.content.decode()
    comment.refresh_from_db()
    assert comment.status == Comment.Status.PENDING


def test_the_index_tells_how_long_the_oldest_comment_has_waited(client, moderator):
    _sent(CommentFactory(), hours=3, minutes=20)
    CommentFactory()
    _sent(CommentFactory(approved=True), days=9)  # decided: not part of the backlog
    client.force_login(moderator)
    html = client.get("/admin/").content.decode().replace("\xa0", " ")
    assert "Bình luận chờ lâu nhất: 3 giờ" in html
    Comment.objects.pending().delete()
    assert "chờ lâu nhất" not in client.get("/admin/").content.decode()


def test_a_fresh_backlog_is_under_a_minute_old(client, moderator):
    CommentFactory()
    client.force_login(moderator)
    assert "Bình luận chờ lâu nhất: chưa đến 1 phút" in client.get("/admin/").content.decode()
