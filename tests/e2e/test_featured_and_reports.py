"""A moderator features a comment; readers (without JavaScript) report another one until it
is hidden; the moderator finds it in the "reported" list and restores it."""

import re

import pytest
from django.contrib.auth.models import Group

from comments.models import Comment, CommentReport
from core import roles
from tests.comments.factories import CommentFactory
from tests.conftest import ensure_groups
from tests.e2e.conftest import SCREENSHOTS, log_in, no_horizontal_scroll, screenshot
from tests.e2e.data import build_newsroom
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

BADGE = "Bình luận tiêu biểu"


def reader_from(open_page, address: str, width: int = 1366):
    """A reader without JavaScript, behind the site's proxy at `address`."""
    return open_page(
        width=width,
        height=900 if width > 500 else 844,
        java_script_enabled=False,
        extra_http_headers={"X-Forwarded-For": address},
    )


def test_featured_and_reported_comments(open_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1  # readers are told apart by their forwarded address
    settings.COMMENT_REPORTS_TO_HIDE = 2
    ensure_groups()
    moderator = UserFactory(username="kiemduyet", is_staff=True, first_name="Kim", last_name="Đặng")
    moderator.groups.add(Group.objects.get(name=roles.MODERATOR))
    article = build_newsroom()[0]
    rude = CommentFactory(
        article=article,
        approved=True,
        name="Trần Văn Bình",
        title="Bình luận bị bạn đọc báo vi phạm",
        content="Một nội dung mà nhiều bạn đọc thấy xúc phạm.",
    )
    useful = CommentFactory(
        article=article,
        approved=True,
        name="Lê Thị Mai",
        title="Đề nghị công khai tiến độ các dự án",
        content="Cử tri phường tôi mong được biết tiến độ dự án nâng cấp đường liên xã.",
    )

    # The moderator features the useful comment from its page in the admin.
    admin = open_page()
    log_in(admin, "kiemduyet")
    admin.goto(f"/admin/comments/comment/{useful.pk}/change/")
    admin.click("button[value=feature]")
    admin.wait_for_selector(".messagelist .success")
    assert "Đã chọn là tiêu biểu" in admin.inner_text(".messagelist")
    assert admin.locator("button[value=unfeature]").count() == 1
    screenshot(admin, "featured-1-admin-comment-1366")

    # Readers see it first, with its badge, at both widths.
    for width in (1366, 390):
        reader = reader_from(open_page, "198.51.100.1", width)
        reader.goto(article.get_absolute_url())
        titles = reader.locator(".comment__title").all_inner_texts()
        assert titles == [useful.title, rude.title]
        assert reader.inner_text(".comment--featured .comment__badge") == BADGE
        assert no_horizontal_scroll(reader)
        screenshot(reader, f"featured-2-article-{width}")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        reader.locator("#binh-luan").screenshot(
            path=str(SCREENSHOTS / f"featured-3-comment-section-{width}.png")
        )

    # A first reader reports the other comment: a reason is required, then it is recorded.
    for width in (390, 1366):
        first = reader_from(open_page, "198.51.100.1", width)
        first.goto(article.get_absolute_url())
        first.click(f"#binh-luan-{rude.pk} .comment__report")
        first.wait_for_url(re.compile(rf"/binh-luan/{rude.pk}/bao-vi-pham/$"))
        assert rude.title in first.inner_text("main")
        first.click("text=Gửi báo vi phạm")
        assert "Hãy chọn lý do báo vi phạm." in first.inner_text(".field__error")
        assert no_horizontal_scroll(first)
        screenshot(first, f"report-1-form-error-{width}")
        first.get_by_label("Sai sự thật", exact=True).check()
        first.click("text=Gửi báo vi phạm")
        first.wait_for_url(re.compile(r"\?da-gui=1$"))
        assert "Báo cáo của bạn đã được ghi nhận" in first.inner_text("main")
        screenshot(first, f"report-2-thanks-{width}")
    # Sent twice from the same source: counted once.
    rude.refresh_from_db()
    assert (rude.report_count, rude.status) == (1, Comment.Status.APPROVED)

    # A second reader's report hides it at once.
    second = reader_from(open_page, "198.51.100.2")
    second.goto(f"/binh-luan/{rude.pk}/bao-vi-pham/")
    second.get_by_label("Xúc phạm", exact=True).check()
    second.click("text=Gửi báo vi phạm")
    second.wait_for_url(re.compile(r"\?da-gui=1$"))
    rude.refresh_from_db()
    assert rude.status == Comment.Status.REPORTED
    assert CommentReport.objects.filter(comment=rude).count() == 2
    second.goto(article.get_absolute_url())
    assert rude.title not in second.inner_text("#binh-luan")
    assert useful.title in second.inner_text("#binh-luan")

    # The moderator finds it from the admin's home page, and restores it.
    admin.goto("/admin/")
    admin.click("a[href$='?status__exact=reported']")
    admin.wait_for_url(re.compile(r"status__exact=reported"))
    assert rude.title in admin.inner_text("#result_list")
    assert "2 lượt báo vi phạm" in admin.inner_text("#result_list")
    screenshot(admin, "report-3-reported-queue-1366")
    admin.click(f"text={rude.title}")
    admin.wait_for_url(re.compile(rf"/admin/comments/comment/{rude.pk}/change/"))
    assert "Đã ẩn khỏi bạn đọc sau 2 lượt báo vi phạm" in admin.inner_text("#moderation")
    assert "Sai sự thật (1), Xúc phạm (1)" in admin.inner_text("#content-main")
    screenshot(admin, "report-4-reported-comment-1366")
    admin.click("button[value=approve]")
    admin.wait_for_selector(".messagelist .success")
    rude.refresh_from_db()
    assert (rude.status, rude.report_count) == (Comment.Status.APPROVED, 0)
    second.reload()  # past the browser's few seconds of cache (PAGE_PROXY_SECONDS)
    assert rude.title in second.inner_text("#binh-luan")

    phone_admin = open_page(width=390, height=844)
    log_in(phone_admin, "kiemduyet")
    phone_admin.goto("/admin/comments/comment/?status__exact=approved")
    screenshot(phone_admin, "report-5-approved-list-390")
    assert not admin.errors
