"""The newsroom answers a reader: a moderator writes the answer in the admin, the reader
sees it under their comment and on the "Hỏi đáp" page, with or without JavaScript."""

import re

import pytest
from django.contrib.auth.models import Group

from comments.models import Reply
from core import roles
from tests.comments.factories import CommentFactory
from tests.conftest import ensure_groups
from tests.e2e.conftest import PASSWORD, log_in, no_horizontal_scroll, screenshot
from tests.e2e.data import build_newsroom
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

QUESTION = "Bao giờ sửa xong đường Trần Phú?"
ANSWER = "Công trình hoàn thành trong tháng 12.\n\nBan Quản lý dự án sẽ thông báo lịch rào chắn."


def test_a_moderator_answers_and_readers_see_it_on_both_pages(open_page):
    ensure_groups()
    moderator = UserFactory(username="kiemduyet", is_staff=True, first_name="Kim", last_name="Đặng")
    moderator.set_password(PASSWORD)
    moderator.save()
    moderator.groups.add(Group.objects.get(name=roles.MODERATOR))
    article = build_newsroom()[0]
    comment = CommentFactory(
        article=article,
        approved=True,
        name="Trần Văn Bình",
        phone="0912345678",
        title=QUESTION,
        content="Đoạn đường trước chợ đã rào chắn ba tháng.\n<b>Mong sớm xong</b>",
    )
    CommentFactory(article=article, approved=True, title="Một ý kiến chưa được trả lời")

    admin = open_page()
    log_in(admin, "kiemduyet")
    admin.goto(f"/admin/comments/comment/{comment.pk}/change/")
    admin.click("#tra-loi a.button")
    admin.wait_for_url(re.compile(r"/admin/comments/reply/add/\?comment="))
    assert QUESTION in admin.inner_text(".reply-question")
    assert admin.input_value("#id_comment") == str(comment.pk)
    # Nothing written: refused in Vietnamese, the signature kept.
    admin.fill("#id_signature", "Ban Quản lý dự án giao thông")
    admin.click("input[name=_save]")
    assert "Hãy viết nội dung câu trả lời." in admin.inner_text("#content-main")
    assert admin.input_value("#id_signature") == "Ban Quản lý dự án giao thông"
    admin.fill("#id_content", ANSWER)
    screenshot(admin, "replies-1-admin-answer-form")
    admin.click("input[name=_save]")
    admin.wait_for_url(re.compile(rf"/admin/comments/comment/{comment.pk}/change/"))
    assert "Câu trả lời đã được đăng dưới bình luận." in admin.inner_text(".messagelist")
    assert "Công trình hoàn thành trong tháng 12." in admin.inner_text("#tra-loi")
    screenshot(admin, "replies-2-comment-page-answered")
    reply = Reply.objects.get(comment=comment)
    assert reply.created_by == moderator
    admin.goto("/admin/comments/comment/?status__exact=approved")
    row = admin.locator("#result_list tr", has_text=QUESTION)
    assert "đã trả lời" in row.inner_text()
    screenshot(admin, "replies-2-queue-answered")
    admin.set_viewport_size({"width": 390, "height": 844})
    screenshot(admin, "replies-2-queue-answered-390")
    admin.goto(f"/admin/comments/reply/{reply.pk}/change/")
    assert QUESTION in admin.inner_text(".reply-question")
    screenshot(admin, "replies-2-edit-form-390")
    assert not admin.errors

    for width in (1366, 390):
        for javascript in (True, False):
            reader = open_page(width=width, java_script_enabled=javascript)
            reader.goto(article.get_absolute_url())
            card = reader.locator(f"#binh-luan-{comment.pk}")
            answer = card.locator(".reply")
            assert answer.is_visible()
            assert "Phản hồi của Ban Quản lý dự án giao thông" in answer.inner_text()
            assert "Trả lời chính thức" in answer.inner_text()
            assert answer.locator("p", has_text="Ban Quản lý dự án sẽ thông báo").count() == 1
            assert "Ban biên tập đã trả lời 1 câu hỏi" in reader.inner_text("#binh-luan")
            assert card.locator("b").count() == 0  # the reader's text stays text
            assert "0912345678" not in reader.content()
            assert no_horizontal_scroll(reader)
            suffix = "" if javascript else "-no-js"
            card.scroll_into_view_if_needed()
            screenshot(reader, f"replies-3-article-{width}{suffix}", full_page=False)

            reader.click("text=Xem tất cả hỏi đáp")
            reader.wait_for_url(re.compile(r"/hoi-dap/$"))
            assert reader.locator("h1").inner_text() == "Hỏi đáp"
            items = reader.locator(".question")
            assert items.count() == 1
            assert QUESTION in items.inner_text()
            assert "Một ý kiến chưa được trả lời" not in reader.content()
            assert no_horizontal_scroll(reader)
            screenshot(reader, f"replies-4-questions-{width}{suffix}")
            reader.click(f"text={article.title}")
            reader.wait_for_url(re.compile(rf"#binh-luan-{comment.pk}$"))
            assert not reader.errors
