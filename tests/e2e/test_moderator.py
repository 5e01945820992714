"""A moderator approves a pending comment in the admin; the reader then sees it, escaped."""

import re

import pytest
from django.contrib.auth.models import Group

from comments.models import Comment
from core import roles
from tests.comments.factories import CommentFactory
from tests.conftest import ensure_groups
from tests.e2e.conftest import log_in, screenshot
from tests.e2e.data import build_newsroom
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)


def test_moderator_approves_a_comment_and_the_reader_sees_it(open_page):
    ensure_groups()
    moderator = UserFactory(username="kiemduyet", is_staff=True, first_name="Kim", last_name="Đặng")
    moderator.groups.add(Group.objects.get(name=roles.MODERATOR))
    article = build_newsroom()[0]
    comment = CommentFactory(
        article=article,
        name="Nguyễn Thị Hoa",
        phone="0912345678",
        title="Mong HĐND tiếp tục giám sát",
        content="Bài viết rất thiết thực.\n<script>alert('x')</script> <b>không in đậm</b>",
    )
    CommentFactory(article=article, title="Một bình luận khác đang chờ")

    reader = open_page()
    reader.goto(article.get_absolute_url())
    assert "Mong HĐND tiếp tục giám sát" not in reader.content()

    admin = open_page()
    log_in(admin, "kiemduyet")
    assert "Bình luận chờ kiểm duyệt" in admin.inner_text("#waiting-work")
    assert admin.inner_text("#waiting-work .waiting-work__count") == "2"
    screenshot(admin, "moderator-1-admin-index")
    admin.click("#waiting-work a")
    admin.wait_for_url(re.compile(r"/admin/comments/comment/"))
    assert "09******78" in admin.content()
    assert "0912345678" not in admin.content()
    screenshot(admin, "moderator-2-queue")
    admin.click(f"text={comment.title}")
    admin.wait_for_url(re.compile(rf"/admin/comments/comment/{comment.pk}/change/"))
    screenshot(admin, "moderator-3-comment")
    admin.click("button[value=approve]")
    admin.wait_for_selector(".messagelist .success")
    assert "Đã duyệt" in admin.inner_text(".messagelist")
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED
    assert comment.moderated_by == moderator

    reader.reload()
    section = reader.inner_text("#binh-luan")
    assert reader.locator("#comments-title").text_content().strip() == "1 bình luận"
    assert "Mong HĐND tiếp tục giám sát" in section
    assert "Nguyễn Thị Hoa" in section
    assert "<script>alert('x')</script> <b>không in đậm</b>" in section  # shown as typed
    assert reader.locator("#binh-luan b").count() == 0
    assert "0912345678" not in reader.content()
    screenshot(reader, "moderator-4-reader-sees-the-comment")
    assert not reader.errors
    assert not admin.errors
