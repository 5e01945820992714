"""An editor closes an article's comments while a reader (without JavaScript) is writing one:
the comment is refused with its text kept, the article shows its approved comments and
"Đã đóng bình luận" at once; reopened, the form is back. Cards count approved comments."""

import re

import pytest

from articles.models import Article
from comments.models import Comment
from core import roles
from tests.comments.factories import CommentFactory
from tests.conftest import ensure_groups
from tests.e2e.conftest import log_in, no_horizontal_scroll, screenshot
from tests.e2e.data import build_newsroom
from tests.e2e.test_editing import staff

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
CLOSED = "Đã đóng bình luận"


def both_widths(page, name: str, focus: str | None = None):
    """At 1366 and 390 px: the whole page, or the screen around `focus`."""
    for width, size in (("1366", {"width": 1366, "height": 900}), ("390", PHONE)):
        page.set_viewport_size(size)
        if focus:
            page.locator(focus).scroll_into_view_if_needed()
        screenshot(page, f"{name}-{width}", full_page=focus is None)
    assert no_horizontal_scroll(page), f"{name}: the page scrolls sideways on a phone"
    page.set_viewport_size({"width": 1366, "height": 900})
    assert no_horizontal_scroll(page), f"{name}: the page scrolls sideways on a phone"
    page.set_viewport_size({"width": 1366, "height": 900})


def set_comments_open(admin, article, is_open: bool):
    admin.goto(f"/admin/articles/article/{article.pk}/change/")
    box = admin.locator("#id_comments_open")
    box.check() if is_open else box.uncheck()
    admin.click("input[name=_save]")
    admin.wait_for_selector(".messagelist .success")


def test_an_editor_closes_comments_while_a_reader_writes_one(open_page, settings):
    settings.COMMENT_RATE_SHORT = settings.COMMENT_RATE_LONG = "100/s"
    ensure_groups()
    staff("bientap", roles.EDITOR, first_name="Hùng", last_name="Lê")
    article = build_newsroom()[0]
    CommentFactory(article=article, approved=True, name="Lê Văn Tâm", title="Ý kiến đã được duyệt")

    reader = open_page(java_script_enabled=False)
    reader.goto("/")
    card = reader.locator(".card", has_text=article.title).first
    assert "1 bình luận" in card.inner_text()
    both_widths(reader, "closing-1-home-card-count", focus=f".card:has-text('{article.title}')")

    # The reader starts writing on the comment page (no JavaScript)…
    reader.goto(article.get_absolute_url())
    reader.click("text=Viết bình luận >> nth=-1")
    reader.wait_for_url(re.compile(r"/binh-luan/"))
    reader.fill("#id_name", "Nguyễn Thị Hoa")
    reader.fill("#id_title", "Khi nào sửa đường Lê Lợi?")
    reader.fill("#id_content", "Xin hỏi tòa soạn:\nkhi nào sửa xong đường Lê Lợi?")
    reader.check("#id_consent")

    # …while an editor closes the article's comments in the admin.
    admin = open_page()
    log_in(admin, "bientap")
    admin.goto(f"/admin/articles/article/{article.pk}/change/")
    assert admin.is_checked("#id_comments_open")
    admin.uncheck("#id_comments_open")
    both_widths(admin, "closing-2-editor-unticks-comments-open", focus=".field-comments_open")
    admin.click("input[name=_save]")
    admin.wait_for_selector(".messagelist .success")
    assert not Article.objects.get(pk=article.pk).comments_open

    reader.click(".comment-form__form button.button[type=submit]")
    reader.wait_for_selector(".comments-closed [role=alert]")
    assert "đã đóng bình luận" in reader.inner_text(".comments-closed [role=alert]")
    assert reader.input_value("#kept-2") == "Khi nào sửa đường Lê Lợi?"
    assert reader.input_value("#kept-3") == "Xin hỏi tòa soạn:\nkhi nào sửa xong đường Lê Lợi?"
    assert not Comment.objects.filter(title="Khi nào sửa đường Lê Lợi?").exists()
    both_widths(reader, "closing-3-comment-refused-text-kept")

    # The article page (cached for readers) changed at once.
    reader.goto(article.get_absolute_url())
    reader.reload()  # past the browser's own copy of the page (PAGE_PROXY_SECONDS)
    section = reader.inner_text("#binh-luan")
    assert CLOSED in section
    assert "Ý kiến đã được duyệt" in section
    assert reader.locator("#binh-luan form").count() == 0
    assert reader.locator("text=Viết bình luận").count() == 0
    both_widths(reader, "closing-4-article-closed")

    # Reopened: the form is back.
    set_comments_open(admin, article, True)
    assert Article.objects.get(pk=article.pk).comments_open
    reader.reload()  # past the browser's own copy (PAGE_PROXY_SECONDS)
    assert CLOSED not in reader.inner_text("#binh-luan")
    assert reader.locator("#binh-luan form").count() == 1
    assert not admin.errors
