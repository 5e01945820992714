"""A reader finds a series article, writes a comment through the captcha, and reads it."""

import re

import pytest
from captcha.models import CaptchaStore

from comments.models import Comment
from tests.e2e.conftest import no_horizontal_scroll, screenshot
from tests.e2e.data import SERIES_TITLE, build_newsroom

pytestmark = pytest.mark.django_db(transaction=True)


def captcha_answer(page) -> str:
    key = page.input_value("input[name=captcha_0]")
    return CaptchaStore.objects.get(hashkey=key).response


def start_writing(page):
    page.click("#id_name")
    page.wait_for_selector("[data-captcha-image]:not([hidden])")


def test_reader_comments_on_a_series_article(page, settings):
    # This scenario is about the captcha: the per-source limits have their own tests.
    settings.COMMENT_RATE_SHORT = settings.COMMENT_RATE_LONG = "100/s"
    parts = build_newsroom()

    page.goto("/")
    screenshot(page, "reader-1-home-desktop")
    page.click(f"text=Bài 1: {parts[0].title}")
    page.wait_for_url(re.compile(re.escape(parts[0].get_absolute_url()) + "$"))
    assert page.inner_text(".article__kicker") == f"{SERIES_TITLE}:"
    assert page.inner_text("h1") == f"Bài 1: {parts[0].title}"
    assert page.inner_text(".article__lead").startswith("HNP - Kỳ họp cuối năm")
    # Reading the article created no captcha: it comes when the reader starts writing.
    assert CaptchaStore.objects.count() == 0

    start_writing(page)
    first_image = page.get_attribute("[data-captcha-image]", "src")
    page.evaluate("window.__samePage = true")
    page.click("text=Lấy lại mã bảo mật")
    page.wait_for_function(
        "src => document.querySelector('[data-captcha-image]').getAttribute('src') !== src",
        arg=first_image,
    )
    assert page.evaluate("window.__samePage") is True, "the page was reloaded"
    assert page.get_attribute("[data-captcha-image]", "src") != first_image
    page.wait_for_function(
        "() => { const img = document.querySelector('[data-captcha-image]');"
        " return img.complete && img.naturalWidth > 0; }"
    )

    page.fill("#id_name", "Nguyễn Thị Hoa")
    page.fill("#id_phone", "0912 345 678")
    page.fill("#id_title", "Mong HĐND tiếp tục giám sát")
    page.fill("#id_content", "Bài viết rất thiết thực.\nMong có thêm kỳ sau <b>sớm</b>.")
    page.fill("#id_captcha_1", captcha_answer(page))
    page.check("#id_consent")
    screenshot(page, "reader-2-form-filled-desktop")
    page.click("button:has-text('Gửi bình luận')")
    page.wait_for_url(re.compile(r"binh-luan=cho-duyet"))
    assert "đang chờ kiểm duyệt" in page.inner_text(".notice--success")
    screenshot(page, "reader-3-comment-awaits-moderation-desktop")
    comment = Comment.objects.get()
    assert (comment.status, comment.phone, comment.title) == (
        "pending",
        "0912345678",
        "Mong HĐND tiếp tục giám sát",
    )
    # Held for moderation: not shown yet.
    assert "Mong HĐND tiếp tục giám sát" not in page.inner_text(
        "#binh-luan .comment-list, #binh-luan .comments__empty"
    )

    # A second comment with a wrong code: refused, nothing typed is lost.
    start_writing(page)
    page.fill("#id_name", "Trần Văn Bình")
    page.fill("#id_title", "Ý kiến thứ hai")
    page.fill("#id_content", "Nội dung tôi không muốn phải gõ lại.")
    right = captcha_answer(page)
    page.fill("#id_captcha_1", "00000" if right != "00000" else "11111")
    page.check("#id_consent")
    page.click("button:has-text('Gửi bình luận')")
    page.wait_for_selector("#id_captcha_error")
    assert "Mã xác nhận không đúng" in page.inner_text("#id_captcha_error")
    assert page.input_value("#id_content") == "Nội dung tôi không muốn phải gõ lại."
    assert page.input_value("#id_name") == "Trần Văn Bình"
    assert page.input_value("#id_title") == "Ý kiến thứ hai"
    assert page.is_checked("#id_consent")
    assert page.input_value("#id_captcha_1") == ""
    screenshot(page, "reader-4-wrong-captcha-desktop")
    assert Comment.objects.count() == 1

    # A new code: the error about the old one goes; Enter in a field sends the comment.
    page.click("text=Lấy lại mã bảo mật")
    page.wait_for_selector("#id_captcha_error", state="detached")
    assert page.get_attribute("#id_captcha_1", "aria-invalid") is None
    page.wait_for_function("() => document.querySelector('input[name=captcha_0]').value")
    page.fill("#id_captcha_1", captcha_answer(page))
    page.press("#id_title", "Enter")
    page.wait_for_url(re.compile(r"binh-luan=cho-duyet"))
    assert Comment.objects.filter(title="Ý kiến thứ hai").exists()
    assert not page.errors


def test_on_a_phone_the_categories_fold_behind_a_menu_button(open_page):
    build_newsroom()
    page = open_page(width=390, height=844)
    page.goto("/")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] < 140, "the header takes a third of the phone's screen"
    assert not page.is_visible(".site-nav__list")
    button = page.locator("[data-menu-button]")
    assert button.get_attribute("aria-expanded") == "false"
    button.click()
    assert button.get_attribute("aria-expanded") == "true"
    assert page.is_visible(".site-nav__list a:has-text('Kinh tế - Xã hội')")
    screenshot(page, "reader-menu-open-390", full_page=False)
    page.click(".site-nav__list a:has-text('Kinh tế - Xã hội')")
    assert page.inner_text("h1") == "Kinh tế - Xã hội"
    # At desktop width the categories are always there, without a button.
    page.set_viewport_size({"width": 1366, "height": 900})
    assert page.is_visible(".site-nav__list a:has-text('Kinh tế - Xã hội')")
    assert not button.is_visible()
    assert not page.errors


@pytest.mark.parametrize("width", [390, 1366])
def test_article_page_fits_the_screen_and_the_form_works(open_page, width, settings):
    settings.COMMENT_RATE_SHORT = settings.COMMENT_RATE_LONG = "100/s"
    parts = build_newsroom()
    page = open_page(width=width, height=844 if width < 600 else 900)
    page.goto(parts[1].get_absolute_url())
    assert no_horizontal_scroll(page), "the article page scrolls sideways"
    screenshot(page, f"layout-article-{width}")
    for url in ("/", parts[1].series.get_absolute_url(), parts[1].category.get_absolute_url()):
        page.goto(url)
        assert no_horizontal_scroll(page), f"{url} scrolls sideways at {width}px"
        screenshot(
            page, f"layout-{'home' if url == '/' else url.strip('/').replace('/', '-')}-{width}"
        )

    page.goto(parts[1].get_absolute_url())
    start_writing(page)
    for selector in (
        "#id_name",
        "#id_phone",
        "#id_title",
        "#id_content",
        "#id_captcha_1",
        "#id_consent",
    ):
        box = page.locator(selector).bounding_box()
        assert box is not None, selector
        assert box["width"] >= 20, selector
        assert 0 <= box["x"] <= width - box["width"], selector
    page.fill("#id_name", "Lê Minh")
    page.fill("#id_title", "Gửi từ điện thoại" if width < 600 else "Gửi từ máy tính")
    page.fill("#id_content", "Đọc trên màn hình nhỏ vẫn thuận tiện.")
    page.fill("#id_captcha_1", captcha_answer(page))
    page.check("#id_consent")
    page.locator("button:has-text('Gửi bình luận')").scroll_into_view_if_needed()
    screenshot(page, f"layout-comment-form-{width}", full_page=False)
    page.click("button:has-text('Gửi bình luận')")
    page.wait_for_url(re.compile(r"binh-luan=cho-duyet"))
    assert no_horizontal_scroll(page)
    assert Comment.objects.filter(status="pending").count() == 1
    assert not page.errors
