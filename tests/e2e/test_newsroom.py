"""A journalist writes an article in CKEditor 5 and submits it; an editor publishes it."""

import re

import pytest
from django.contrib.auth.models import Group
from PIL import Image, ImageDraw

from articles.models import Article
from core import roles
from tests.conftest import ensure_groups
from tests.e2e.conftest import log_in, screenshot
from tests.e2e.data import build_newsroom
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

TITLE = "Cử tri phường Trung tâm kiến nghị nâng cấp tuyến đường ven sông"


def staff(username, group, **names):
    user = UserFactory(username=username, is_staff=True, **names)
    user.groups.add(Group.objects.get(name=group))
    return user


def make_photo(path):
    image = Image.new("RGB", (1400, 900), (34, 98, 160))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 620, 1400, 900), fill=(52, 130, 70))
    draw.ellipse((1050, 120, 1250, 320), fill=(250, 210, 80))
    image.save(path, format="JPEG", quality=90)


def test_journalist_writes_and_submits_editor_publishes(open_page, tmp_path):
    ensure_groups()
    staff("phongvien", roles.JOURNALIST, first_name="Lan", last_name="Nguyễn")
    editor = staff("bientap", roles.EDITOR, first_name="Hùng", last_name="Lê")
    build_newsroom()
    photo = tmp_path / "tuyen-duong.jpg"
    make_photo(photo)

    journalist_page = open_page()
    log_in(journalist_page, "phongvien")
    journalist_page.goto("/admin/articles/article/add/")
    journalist_page.fill("#id_title", TITLE)
    # The category is an autocomplete field: type, then pick.
    journalist_page.click("#id_category + .select2 .select2-selection")
    journalist_page.fill(".select2-search__field", "Hoạt động")
    journalist_page.click(".select2-results__option:has-text('Hoạt động HĐND')")
    journalist_page.fill(
        "#id_lead", "Tại buổi tiếp xúc cử tri, nhiều ý kiến đề nghị sớm nâng cấp tuyến đường."
    )

    editable = journalist_page.locator(".ck-editor__editable")
    editable.click()
    journalist_page.keyboard.type(
        "Buổi tiếp xúc cử tri diễn ra sáng thứ Bảy với hơn 100 người tham dự."
    )
    journalist_page.keyboard.press("Enter")
    journalist_page.click(".ck-heading-dropdown > button")
    journalist_page.locator(".ck-heading-dropdown .ck-list__item", has_text="Tiêu đề mục").click()
    journalist_page.keyboard.type("Kiến nghị về hạ tầng")
    journalist_page.keyboard.press("Enter")
    journalist_page.set_input_files(".ck-file-dialog-button input[type=file]", str(photo))
    journalist_page.wait_for_selector(
        ".ck-editor__editable figure.image img[src*='/media/uploads/']"
    )
    journalist_page.click(
        ".ck-balloon-panel_visible button[data-cke-tooltip-text='Hiện chú thích']"
    )
    journalist_page.keyboard.type("Tuyến đường ven sông xuống cấp sau mùa mưa.")
    journalist_page.click(
        ".ck-balloon-panel_visible button[data-cke-tooltip-text='Đổi chữ alt của ảnh']"
    )
    journalist_page.keyboard.type("Mặt đường ven sông có nhiều ổ gà")
    journalist_page.keyboard.press("Enter")
    screenshot(journalist_page, "newsroom-1-journalist-writes")

    assert journalist_page.locator("input[name=_publish]").count() == 0, (
        "a journalist sees a publish button"
    )
    journalist_page.click("input[name=_submit_review]")
    journalist_page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    assert "gửi duyệt" in journalist_page.inner_text(".messagelist")
    screenshot(journalist_page, "newsroom-2-submitted")
    article = Article.objects.get(title=TITLE)
    assert article.status == Article.Status.REVIEW
    assert "<h2>Kiến nghị về hạ tầng</h2>" in article.body
    assert re.search(
        r'<figure class="image"><img src="/media/uploads/[^"]+\.jpg"[^>]*alt="Mặt đường',
        article.body,
    )
    assert "<figcaption>Tuyến đường ven sông xuống cấp sau mùa mưa.</figcaption>" in article.body
    assert "style=" not in article.body

    # The journalist can neither publish it nor, now that it is submitted, change it.
    journalist_page.goto(f"/admin/articles/article/{article.pk}/change/")
    assert journalist_page.locator("input[name=_publish]").count() == 0
    assert journalist_page.locator("input[name=_save]").count() == 0

    editor_page = open_page()
    log_in(editor_page, "bientap")
    assert "Bài chờ duyệt" in editor_page.inner_text("#waiting-work")
    editor_page.click("#waiting-work a")
    editor_page.click(f"text={TITLE}")
    editor_page.wait_for_selector("input[name=_publish]")
    screenshot(editor_page, "newsroom-3-editor-reviews")
    editor_page.click("input[name=_publish]")
    editor_page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    assert "xuất bản" in editor_page.inner_text(".messagelist")
    article.refresh_from_db()
    assert article.is_published
    assert article.published_by == editor

    reader = open_page()
    reader.goto("/")
    reader.click(f"text={TITLE}")
    reader.wait_for_url(re.compile(re.escape(article.get_absolute_url())))
    body = reader.locator(".article__body")
    assert body.locator("h2").inner_text() == "Kiến nghị về hạ tầng"
    figure = body.locator("figure.image")
    assert (
        figure.locator("figcaption").inner_text() == "Tuyến đường ven sông xuống cấp sau mùa mưa."
    )
    reader.wait_for_function(
        "() => { const img = document.querySelector('.article__body figure img');"
        " return img.complete && img.naturalWidth > 0; }"
    )
    assert reader.inner_text(".article__byline") == "Nguyễn Lan"
    screenshot(reader, "newsroom-4-published-article")
    assert not journalist_page.errors
    assert not editor_page.errors
    assert not reader.errors
