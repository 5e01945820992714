"""A moderator works the queue at 1366 px and on a phone: everything in view, the keyboard
does the work (j/k, a, s, r), a rejection needs a reason, the index shows the backlog's age."""

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import Group
from django.utils import timezone
from playwright.sync_api import expect

from comments.models import Comment
from core import roles
from tests.comments.factories import CommentFactory
from tests.conftest import ensure_groups
from tests.e2e.conftest import log_in, no_horizontal_scroll, screenshot
from tests.e2e.data import build_newsroom
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

LONG_TEXT = (
    "Tôi là cử tri phường Đông Hà, rất quan tâm tới tiến độ dự án đường ven sông. Đề nghị "
    "HĐND tỉnh giám sát chặt việc giải phóng mặt bằng, công khai phương án bồi thường và "
    "lịch thi công để người dân yên tâm. Xem thêm tại http://a.example http://b.example "
    "http://c.example http://d.example. Cảm ơn Ban biên tập."
)


def _queue():
    """Five pending comments of different ages and flags, one approved, on two articles."""
    ensure_groups()
    moderator = UserFactory(username="kiemduyet", is_staff=True, first_name="Kim")
    moderator.groups.add(Group.objects.get(name=roles.MODERATOR))
    article = build_newsroom()[0]
    long_title = ArticleFactory(
        published=True,
        category=article.category,
        title="Hội đồng nhân dân tỉnh chất vấn việc triển khai các dự án đầu tư công chậm "
        "tiến độ, giải ngân thấp trong năm 2025 và giải pháp cho năm tới",
    )
    specs = [
        ("Đề nghị giám sát dự án đường ven sông", long_title, {"hours": 3, "minutes": 5}, True),
        ("Cảm ơn bài viết", article, {"hours": 1}, False),
        ("Quảng cáo vay tiền nhanh", article, {"minutes": 40}, False),
        ("Bình luận cần từ chối", long_title, {"minutes": 20}, False),
        ("Một ý kiến khác", article, {"minutes": 5}, False),
    ]
    comments = []
    for title, on, ago, flagged in specs:
        comment = CommentFactory(
            article=on,
            title=title,
            name="Nguyễn Văn Bình" if flagged else "Lê Thị Hồng",
            phone="0912345678",
            content=LONG_TEXT if flagged else "Ý kiến ngắn của bạn đọc.\nDòng thứ hai.",
            flag_many_links=flagged,
            flag_blocked_words=flagged,
            flag_details="4 liên kết; từ bị chặn: vay tiền" if flagged else "",
        )
        Comment.objects.filter(pk=comment.pk).update(created_at=timezone.now() - timedelta(**ago))
        comments.append(comment)
    CommentFactory(article=article, approved=True, title="Đã duyệt từ trước")
    return moderator, comments


def _right_edge_in_view(page, selector: str) -> bool:
    return page.evaluate(
        """(sel) => [...document.querySelectorAll(sel)].every(
            (el) => el.getBoundingClientRect().right <= document.documentElement.clientWidth)""",
        selector,
    )


def test_moderator_works_the_queue_with_the_keyboard(open_page):
    moderator, comments = _queue()
    flagged, thanks, advert, to_reject, last = comments
    admin = open_page(1366, 900)
    log_in(admin, "kiemduyet")

    backlog = admin.inner_text("#waiting-work").replace("\xa0", " ")
    assert "Bình luận chờ lâu nhất: 3 giờ" in backlog
    screenshot(admin, "moderation-1-index-1366")

    admin.goto("/admin/comments/comment/")
    assert no_horizontal_scroll(admin)
    # Every column, the flags and the status included, is on screen without scrolling.
    for cell in ("td.field-sent_at", "td.field-flags_column", "td.field-status_column"):
        assert _right_edge_in_view(admin, cell), cell
    row = admin.locator("#result_list tbody tr", has_text=flagged.title)
    assert row.locator(".flag-badge", has_text="nhiều liên kết").is_visible()
    assert "09******78" in row.inner_text()
    assert "3 giờ trước" in row.inner_text().replace("\xa0", " ")
    assert row.locator(".queue-article").evaluate("el => el.getClientRects().length <= 3 * 1")
    assert row.locator(".queue-article").evaluate(
        "el => el.getBoundingClientRect().height < 4 * parseFloat(getComputedStyle(el).lineHeight)"
    )
    help_line = admin.locator("[data-shortcuts]")
    assert help_line.is_visible()
    assert "j/k" in help_line.inner_text()
    screenshot(admin, "moderation-2-queue-1366")

    # j moves to the first comment, j again to the second: highlighted and focused.
    admin.keyboard.press("j")
    admin.keyboard.press("j")
    current = admin.locator("#result_list tbody tr.queue-row--current")
    assert current.count() == 1
    assert thanks.title in current.inner_text()
    assert admin.evaluate("document.activeElement.textContent") == thanks.title
    outline = admin.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # visible focus
    screenshot(admin, "moderation-3-queue-keyboard-focus-1366", full_page=False)

    # a approves it; the list comes back with the same place selected: the next comment.
    admin.keyboard.press("a")
    admin.wait_for_selector(".messagelist .success")
    thanks.refresh_from_db()
    assert (thanks.status, thanks.moderated_by) == (Comment.Status.APPROVED, moderator)
    current = admin.locator("#result_list tbody tr.queue-row--current")
    assert advert.title in current.inner_text()

    # s marks that one as spam.
    admin.keyboard.press("s")
    admin.wait_for_selector(".messagelist .success")
    advert.refresh_from_db()
    assert (advert.status, advert.rejection_reason) == (Comment.Status.SPAM, "spam")
    assert to_reject.title in admin.inner_text("#result_list tbody tr.queue-row--current")

    # r opens the comment at the reason, which nobody chose yet.
    admin.keyboard.press("r")
    admin.wait_for_url(re.compile(rf"/admin/comments/comment/{to_reject.pk}/change/#reject$"))
    expect(admin.locator("select[name=reason]")).to_be_focused()
    assert admin.input_value("select[name=reason]") == ""
    panel_top = admin.locator("#moderation").bounding_box()["y"]
    fields_top = admin.locator("fieldset.module.aligned").first.bounding_box()["y"]
    assert panel_top < fields_top  # the decision first, the comment's fields below
    admin.fill("textarea[name=note]", "Nội dung trùng với bình luận trước")
    admin.click("button[value=reject]")
    admin.wait_for_selector("#moderation .errorlist")
    assert "Hãy chọn lý do từ chối." in admin.inner_text("#moderation")
    assert admin.input_value("textarea[name=note]") == "Nội dung trùng với bình luận trước"
    to_reject.refresh_from_db()
    assert to_reject.status == Comment.Status.PENDING
    screenshot(admin, "moderation-4-reject-needs-a-reason-1366")
    admin.select_option("select[name=reason]", "off_topic")
    admin.click("button[value=reject]")
    admin.wait_for_selector(".messagelist .success")
    to_reject.refresh_from_db()
    assert (to_reject.status, to_reject.rejection_reason) == ("rejected", "off_topic")
    assert to_reject.rejection_note == "Nội dung trùng với bình luận trước"

    # The help line turns the keys off, and they stay off.
    admin.goto("/admin/comments/comment/")
    admin.click("[data-shortcuts-toggle]")
    assert "Phím tắt đang tắt" in admin.inner_text("[data-shortcuts]")
    admin.reload()
    admin.keyboard.press("j")
    assert admin.locator("tr.queue-row--current").count() == 0
    admin.click("[data-shortcuts-toggle]")
    assert not admin.errors
    assert Comment.objects.pending().count() == 2
    assert last.title in admin.inner_text("#result_list")


def test_the_queue_and_a_comment_read_well_on_a_phone(open_page):
    _moderator, comments = _queue()
    flagged = comments[0]
    phone = open_page(390, 844, is_mobile=True, has_touch=True)
    log_in(phone, "kiemduyet")
    assert no_horizontal_scroll(phone)
    screenshot(phone, "moderation-5-index-390")

    phone.goto("/admin/comments/comment/")
    assert no_horizontal_scroll(phone)
    row = phone.locator("#result_list tbody tr", has_text=flagged.title)
    for part in (".queue-excerpt", ".queue-name", ".queue-article", ".flag-badge", "time"):
        assert row.locator(part).first.is_visible(), part
    assert _right_edge_in_view(phone, "#result_list tbody td")
    screenshot(phone, "moderation-6-queue-390")

    row.locator(".queue-title").click()
    phone.wait_for_url(re.compile(rf"/admin/comments/comment/{flagged.pk}/change/"))
    assert no_horizontal_scroll(phone)
    assert phone.locator("button[value=approve]").is_visible()
    screenshot(phone, "moderation-7-comment-390")
    phone.click("button[value=approve]")
    phone.wait_for_selector(".messagelist .success")
    flagged.refresh_from_db()
    assert flagged.status == Comment.Status.APPROVED
    assert not phone.errors


def test_a_comment_page_at_1366(open_page):
    _moderator, comments = _queue()
    admin = open_page(1366, 900)
    log_in(admin, "kiemduyet")
    admin.goto(f"/admin/comments/comment/{comments[0].pk}/change/")
    assert no_horizontal_scroll(admin)
    assert "Phím tắt" in admin.inner_text("#moderation")
    screenshot(admin, "moderation-8-comment-1366")
    admin.keyboard.press("a")
    admin.wait_for_selector(".messagelist .success")
    assert Comment.objects.get(pk=comments[0].pk).status == Comment.Status.APPROVED
    # The next pending comment opens.
    assert f"/admin/comments/comment/{comments[1].pk}/change/" in admin.url
    assert not admin.errors
