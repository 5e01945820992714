"""The newsroom answers readers: official replies under comments, and the "Hỏi đáp" page."""

from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape

from comments import replies, services
from comments.models import Comment, Reply
from core import roles
from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

QUESTIONS = "/hoi-dap/"
ADD = "/admin/comments/reply/add/"


def answer(comment, actor, content="Xin cảm ơn bạn đọc.", signature=""):
    return replies.answer_comment(
        comment=comment, actor=actor, content=content, signature=signature
    )


# --- who may answer, and what ----------------------------------------------------------


def test_moderators_and_editors_may_answer_journalists_may_not(moderator, editor, journalist):
    assert roles.can_answer_comments(moderator)
    assert roles.can_answer_comments(editor)
    assert not roles.can_answer_comments(journalist)
    with pytest.raises(PermissionDenied):
        answer(CommentFactory(approved=True), journalist)
    assert Reply.objects.count() == 0
    assert answer(CommentFactory(approved=True), editor).created_by == editor


@pytest.mark.parametrize("status", ["pending", "rejected", "spam"])
def test_only_approved_comments_are_answered(moderator, status):
    with pytest.raises(ValidationError):
        answer(CommentFactory(status=status), moderator)
    assert Reply.objects.count() == 0


def test_one_answer_per_comment_and_never_empty(moderator):
    comment = CommentFactory(approved=True)
    with pytest.raises(ValidationError):
        answer(comment, moderator, content="   \n  ")
    answer(comment, moderator)
    with pytest.raises(ValidationError):
        answer(comment, moderator, content="Lần hai")
    assert Reply.objects.filter(comment=comment).count() == 1


# --- on the article page -----------------------------------------------------------------


def test_the_answer_sits_under_its_comment_marked_as_the_newsrooms(client, moderator):
    comment = CommentFactory(approved=True, title="Khi nào sửa đường?", phone="0912345678")
    CommentFactory(article=comment.article, approved=True, title="Câu hỏi sau")
    reply = answer(comment, moderator, content="Đoạn một.\nDòng hai.\n\nĐoạn hai.")
    html = client.get(comment.article.get_absolute_url()).content.decode()
    question = html.index("Khi nào sửa đường?")
    marked = html.index("Trả lời của Ban biên tập")
    assert question < marked < html.index("Câu hỏi sau")
    assert "Trả lời chính thức" in html
    assert "<p>Đoạn một.<br>Dòng hai.</p><p>Đoạn hai.</p>" in html
    assert timezone.localtime(reply.created_at).strftime("%H:%M %d/%m/%Y") in html
    assert "Ban biên tập đã trả lời 1 câu hỏi trong bài này." in html
    assert "0912345678" not in html


def test_a_signed_answer_names_the_department(client, moderator):
    comment = CommentFactory(approved=True)
    answer(comment, moderator, signature="  Phòng   Quản lý đô thị ")
    html = client.get(comment.article.get_absolute_url()).content.decode()
    assert "Phản hồi của Phòng Quản lý đô thị" in html
    assert "Trả lời của Ban biên tập" not in html


@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>'])
def test_answers_are_plain_text(client, moderator, payload):
    comment = CommentFactory(approved=True)
    answer(comment, moderator, content=payload, signature=payload)
    for url in (comment.article.get_absolute_url(), QUESTIONS):
        html = client.get(url).content.decode()
        assert escape(payload) in html
        assert payload not in html


def test_the_comment_page_without_javascript_shows_answers_too(client, moderator):
    comment = CommentFactory(approved=True)
    answer(comment, moderator, content="Trả lời hiện cả ở trang bình luận.")
    url = reverse("comments:page", kwargs={"slug": comment.article.slug, "pk": comment.article.pk})
    assert "Trả lời hiện cả ở trang bình luận." in client.get(url).content.decode()


def test_cached_pages_show_an_answer_its_edit_and_its_withdrawal_at_once(
    client, moderator, editor, django_capture_on_commit_callbacks
):
    comment = CommentFactory(approved=True, title="Câu hỏi về học phí")
    page = comment.article.get_absolute_url()
    for url in (page, page, QUESTIONS, QUESTIONS):  # seen, and cached
        client.get(url)
    assert "Chưa có câu hỏi nào được trả lời." in client.get(QUESTIONS).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        reply = answer(comment, moderator, content="Bản đầu")
    assert "Bản đầu" in client.get(page).content.decode()
    assert "Câu hỏi về học phí" in client.get(QUESTIONS).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        replies.edit_reply(reply=reply, actor=editor, content="Bản sửa", signature="")
    assert "Bản sửa" in client.get(page).content.decode()
    assert "Bản sửa" in client.get(QUESTIONS).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        replies.withdraw_reply(reply=Reply.objects.get(), actor=editor)
    assert "Bản sửa" not in client.get(page).content.decode()
    assert "Câu hỏi về học phí" not in client.get(QUESTIONS).content.decode()


def test_hiding_an_answered_comment_takes_it_off_the_questions_page_at_once(
    client, moderator, django_capture_on_commit_callbacks
):
    comment = CommentFactory(approved=True, title="Sẽ bị gỡ khỏi hỏi đáp")
    answer(comment, moderator)
    assert "Sẽ bị gỡ khỏi hỏi đáp" in client.get(QUESTIONS).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        services.reject_comment(comment=comment, moderator=moderator, reason="off_topic")
    assert "Sẽ bị gỡ khỏi hỏi đáp" not in client.get(QUESTIONS).content.decode()


# --- the "Hỏi đáp" page ------------------------------------------------------------------


def test_questions_page_lists_answers_newest_first_with_their_article(client, moderator):
    older = CommentFactory(approved=True, title="Hỏi trước", phone="0987000111")
    newer = CommentFactory(approved=True, title="Hỏi sau")
    unanswered = CommentFactory(approved=True, title="Chưa trả lời")
    r_old, r_new = answer(older, moderator), answer(newer, moderator)
    Reply.objects.filter(pk=r_old.pk).update(created_at=timezone.now() - timedelta(days=1))
    Reply.objects.filter(pk=r_new.pk).update(created_at=timezone.now() - timedelta(hours=1))
    hidden = ArticleFactory(published=False)
    answer(CommentFactory(article=hidden, approved=True, title="Bài chưa đăng"), moderator)
    response = client.get(QUESTIONS)
    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="page-title">Hỏi đáp</h1>' in html
    assert html.index("Hỏi sau") < html.index("Hỏi trước")
    assert unanswered.title not in html
    assert "Bài chưa đăng" not in html
    assert f'href="{older.article.get_absolute_url()}#binh-luan-{older.pk}"' in html
    assert "0987000111" not in html
    # Linked from every page's footer.
    assert 'href="/hoi-dap/"' in client.get("/").content.decode()


def test_questions_page_is_paginated(client, moderator):
    for n in range(23):
        answer(CommentFactory(approved=True, title=f"Câu hỏi số {n:02d}"), moderator)
    first = client.get(QUESTIONS).content.decode()
    assert first.count('class="question"') == 20
    assert "Trang 1/2" in first
    assert 'href="?page=2"' in first
    second = client.get(QUESTIONS + "?page=2").content.decode()
    assert second.count('class="question"') == 3
    assert client.get(QUESTIONS + "?page=99").status_code == 404


def test_questions_page_queries_do_not_grow_with_answers(
    client, moderator, django_assert_num_queries, page_cache_off, cache_reads
):
    for _ in range(2):
        answer(CommentFactory(approved=True), moderator)
    client.get(QUESTIONS)  # fragments (menu, most read) kept in the worker's memory
    with CaptureQueriesContext(connection) as few:
        assert client.get(QUESTIONS).status_code == 200
    # The count and the page of answers (questions and articles joined), plus the shared
    # cache's read of the site's version (the fragments' key).
    assert len(few.captured_queries) == 2 + cache_reads(1)
    for _ in range(15):
        answer(CommentFactory(approved=True), moderator)
    with django_assert_num_queries(len(few.captured_queries)):
        assert client.get(QUESTIONS).status_code == 200


def test_article_page_counts_answers_on_later_comment_pages_too(client, moderator, settings):
    settings.COMMENTS_PER_PAGE = 3
    article = ArticleFactory(published=True)
    comments = CommentFactory.create_batch(5, article=article, approved=True)
    for comment in comments[3:]:
        answer(comment, moderator)
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Ban biên tập đã trả lời 2 câu hỏi trong bài này." in html


# --- in the admin -----------------------------------------------------------------------


def test_a_moderator_answers_from_the_comments_page_and_the_queue_says_answered(client, moderator):
    comment = CommentFactory(approved=True, title="Xin hỏi về lịch tiếp dân")
    client.force_login(moderator)
    page = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content
    assert f'href="{ADD}?comment={comment.pk}"'.encode() in page
    form = client.get(f"{ADD}?comment={comment.pk}").content.decode()
    assert "Xin hỏi về lịch tiếp dân" in form  # the question above the form
    assert f'value="{comment.pk}"' in form
    response = client.post(
        ADD, {"comment": comment.pk, "content": "Lịch tiếp dân vào thứ Năm.", "signature": ""}
    )
    assert response.status_code == 302
    reply = Reply.objects.get(comment=comment)
    assert reply.created_by == moderator
    assert reply.content == "Lịch tiếp dân vào thứ Năm."
    queue = client.get("/admin/comments/comment/?status__exact=approved").content.decode()
    assert "đã trả lời" in queue


def test_a_bad_answer_is_refused_in_vietnamese_and_keeps_what_was_typed(client, moderator):
    pending = CommentFactory(title="Chưa duyệt")
    client.force_login(moderator)
    response = client.post(
        ADD, {"comment": pending.pk, "content": "Nội dung giữ lại", "signature": "Phòng A"}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "chỉ có thể trả lời bình luận đã được duyệt" in html
    assert "Nội dung giữ lại" in html
    assert 'value="Phòng A"' in html
    approved = CommentFactory(approved=True)
    html = client.post(ADD, {"comment": approved.pk, "content": " ", "signature": ""}).content
    assert "Hãy viết nội dung câu trả lời." in html.decode()
    assert Reply.objects.count() == 0


def test_editing_keeps_the_history_of_who_wrote_and_who_edited(client, moderator, editor):
    comment = CommentFactory(approved=True)
    reply = answer(comment, moderator, content="Bản đầu")
    client.force_login(editor)
    url = reverse("admin:comments_reply_change", args=[reply.pk])
    response = client.post(url, {"content": "Bản sửa", "signature": "Văn phòng"})
    assert response.status_code == 302
    reply.refresh_from_db()
    assert (reply.created_by, reply.updated_by) == (moderator, editor)
    assert reply.updated_at is not None
    versions = list(reply.history.order_by("history_date"))
    assert [(v.content, v.history_user) for v in versions] == [
        ("Bản đầu", moderator),
        ("Bản sửa", editor),
    ]
    history = client.get(reverse("admin:comments_reply_history", args=[reply.pk]))
    assert history.status_code == 200
    assert "Bản đầu" in history.content.decode()


def test_journalists_cannot_open_the_answer_form(client, journalist):
    comment = CommentFactory(approved=True)
    client.force_login(journalist)
    assert client.get(f"{ADD}?comment={comment.pk}").status_code == 403
    response = client.post(ADD, {"comment": comment.pk, "content": "Không được"})
    assert response.status_code == 403
    assert not Comment.objects.filter(reply__isnull=False).exists()
