"""Writing and editing in the admin, as a journalist and an editor do it, at 1366 and 390 px:
the editing area in the site's typography, the dateline, a taken part number with the cover
kept, a submitted article shown rendered and withdrawn, revisions and restoring one."""

import re

import pytest
from django.contrib.auth.models import Group

from articles.models import Article
from core import roles
from tests.conftest import ensure_groups
from tests.e2e.conftest import log_in, no_horizontal_scroll, screenshot
from tests.e2e.data import BODY, SERIES_TITLE, build_newsroom
from tests.e2e.test_newsroom import make_photo
from tests.factories import ArticleFactory, UserFactory

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}
TITLE = "Cử tri kiến nghị sớm hoàn thành tuyến đường ven sông"
LEAD = "Tại buổi tiếp xúc cử tri, nhiều ý kiến đề nghị sớm nâng cấp tuyến đường ven sông."
CAPTION = (
    "Toàn cảnh buổi tiếp xúc cử tri phường Trung tâm với đại biểu HĐND thành phố, "
    "sáng 25/1/2026, tại nhà văn hóa khu phố 3."
)

# Reader page element -> the same element in the editing area; the properties compared.
TYPOGRAPHY = {
    "h2": "h2",
    "h3": "h3",
    "p": ":scope > p",
    "blockquote": "blockquote",
    "li": "li",
}
PROPERTIES = ("fontSize", "fontWeight", "fontFamily", "lineHeight", "fontStyle", "listStyleType")


def staff(username, group, **names):
    user = UserFactory(username=username, is_staff=True, **names)
    user.groups.add(Group.objects.get(name=group))
    return user


def styles(page, root: str) -> dict:
    return page.evaluate(
        """([root, selectors, properties]) => {
            const base = document.querySelector(root);
            const out = {};
            for (const [name, selector] of Object.entries(selectors)) {
                const el = base.querySelector(selector);
                if (!el) { out[name] = null; continue; }
                const style = getComputedStyle(el);
                out[name] = Object.fromEntries(properties.map(p => [p, style[p]]));
                out[name].fontFamily = style.fontFamily.split(",")[0].replace(/"/g, "").trim();
            }
            return out;
        }""",
        [root, TYPOGRAPHY, list(PROPERTIES)],
    )


def pick(page, field: str, text: str):
    """An autocomplete field (select2): open, type, choose."""
    page.click(f"#id_{field} + .select2 .select2-selection")
    page.fill(".select2-search__field", text)
    page.click(f".select2-results__option:has-text('{text}')")


def both_widths(page, name: str):
    """Screenshots of the page as it is at 1366 px, then at 390 px (a phone), and back."""
    screenshot(page, f"{name}-1366")
    page.set_viewport_size(PHONE)
    screenshot(page, f"{name}-390")
    assert no_horizontal_scroll(page), f"{name}: the page scrolls sideways on a phone"
    page.set_viewport_size({"width": 1366, "height": 900})


def test_the_editing_area_looks_like_the_article_page(open_page):
    ensure_groups()
    staff("bientap", roles.EDITOR, first_name="Hùng", last_name="Lê")
    parts = build_newsroom()
    article = (
        parts[0]
        if isinstance(parts, list)
        else Article.objects.filter(series__isnull=False).first()
    )

    page = open_page()
    log_in(page, "bientap")
    page.goto(article.get_absolute_url())
    reader = styles(page, ".article__body")

    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.wait_for_selector(".ck-editor__editable h2")
    editor = styles(page, ".ck-editor__editable")
    assert reader["h2"] is not None
    for name in TYPOGRAPHY:
        assert editor[name] == reader[name], f"{name}: editor {editor[name]} ≠ page {reader[name]}"
    assert float(editor["h2"]["fontSize"].removesuffix("px")) > 20
    page.locator(".ck-editor__editable h2").first.scroll_into_view_if_needed()
    both_widths(page, "editing-1-editor-typography")
    assert not page.errors


def test_journalist_writes_meets_a_taken_part_keeps_the_cover_submits_and_withdraws(
    open_page, tmp_path
):
    ensure_groups()
    staff("phongvien", roles.JOURNALIST, first_name="Lan", last_name="Nguyễn")
    build_newsroom()
    holder = Article.objects.get(part_number=2)
    photo = tmp_path / "tiep-xuc-cu-tri.jpg"
    make_photo(photo)

    page = open_page()
    log_in(page, "phongvien")
    page.goto("/admin/articles/article/add/")
    page.fill("#id_title", TITLE)
    pick(page, "category", "Hoạt động HĐND")
    pick(page, "series", SERIES_TITLE)
    page.fill("#id_part_number", "2")
    page.fill("#id_lead", "(HNP) – " + LEAD)
    page.locator(".ck-editor__editable").click()
    page.keyboard.type("Buổi tiếp xúc diễn ra sáng thứ Bảy.")
    page.set_input_files("#id_cover_image", str(photo))
    # The chosen picture is shown before it is sent, with its name.
    assert page.inner_text(".cover-widget__chosen") == "tiep-xuc-cu-tri.jpg"
    page.wait_for_function(
        "() => { const img = document.querySelector('.cover-widget__preview');"
        " return img && img.complete && img.naturalWidth > 0; }"
    )
    page.fill("#id_cover_alt", "Cử tri phát biểu tại buổi tiếp xúc")
    page.fill("#id_cover_caption", CAPTION)
    caption_box = page.locator("#id_cover_caption").bounding_box()
    assert caption_box["width"] > 600, "the caption input is too narrow for a long caption"
    page.click("input[name=_save]")

    # Refused: the part is named and linked, the picture is kept.
    error = page.locator(".field-part_number .errorlist")
    assert "Bài 2 của loạt bài này đã là" in error.inner_text()
    assert error.locator("a").get_attribute("href") == holder.get_absolute_url()
    assert "Ảnh bạn đã chọn được giữ lại" in page.inner_text("#cover-kept")
    page.wait_for_function(
        "() => { const img = document.querySelector('#cover-kept img');"
        " return img && img.complete && img.naturalWidth > 0; }"
    )
    assert page.input_value("#id_cover_caption") == CAPTION
    assert page.input_value("#id_title") == TITLE
    page.locator(".form-row.field-part_number").scroll_into_view_if_needed()
    both_widths(page, "editing-2-journalist-part-taken-cover-kept")

    page.fill("#id_part_number", "4")
    page.click("input[name=_continue]")
    page.wait_for_url(re.compile(r"/admin/articles/article/\d+/change/$"))
    assert "đã được bỏ khỏi đầu sapo" in page.inner_text(".messagelist")
    article = Article.objects.get(title=TITLE)
    assert article.lead == LEAD
    assert article.cover_image.name.startswith("covers/")
    assert article.cover_caption == CAPTION
    # The cover is a thumbnail now, with wide caption and alt inputs.
    page.wait_for_function(
        "() => { const img = document.querySelector('.cover-widget__thumbnail');"
        " return img && img.complete && img.naturalWidth > 0; }"
    )
    page.locator(".form-row.field-cover_image").scroll_into_view_if_needed()
    both_widths(page, "editing-3-journalist-cover-thumbnail")

    page.click("input[name=_submit_review]")
    page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    # Shown as readers will see it, not as HTML; with "Rút lại để sửa".
    assert (
        page.locator(".article-body p").first.inner_text() == "Buổi tiếp xúc diễn ra sáng thứ Bảy."
    )
    assert "<p>" not in page.inner_text("#content-main")
    assert page.locator("input[name=_save]").count() == 0
    both_widths(page, "editing-4-journalist-submitted-rendered")

    page.click("#withdraw-button")
    page.wait_for_url(re.compile(rf"/admin/articles/article/{article.pk}/change/$"))
    assert "đã trở về bản nháp" in page.inner_text(".messagelist")
    assert page.locator("input[name=_save]").count() == 1
    article.refresh_from_db()
    assert article.status == Article.Status.DRAFT
    both_widths(page, "editing-5-journalist-withdrawn")
    assert not page.errors


def test_editor_reads_the_history_and_restores_a_version(open_page):
    ensure_groups()
    staff("phongvien", roles.JOURNALIST, first_name="Lan", last_name="Nguyễn")
    staff("bientap", roles.EDITOR, first_name="Hùng", last_name="Lê")
    journalist = UserFactory(username="phongvien")
    article = ArticleFactory(
        title="Kỳ họp thứ mười HĐND thành phố",
        lead="Kỳ họp thông qua 20 nghị quyết quan trọng.",
        body=BODY,
        created_by=journalist,
    )
    from articles import services

    services.submit_for_review(article=article, user=journalist)

    page = open_page()
    log_in(page, "bientap")
    page.goto(f"/admin/articles/article/{article.pk}/change/")
    page.fill("#id_lead", "Kỳ họp thông qua 21 nghị quyết quan trọng về kinh tế.")
    page.evaluate(
        """() => {
            const editor = document.querySelector('.ck-editor__editable').ckeditorInstance;
            editor.setData(editor.getData().replace('20 nghị quyết được thông qua',
                                                    '21 nghị quyết được thông qua'));
        }"""
    )
    page.click("input[name=_publish]")
    page.wait_for_url(re.compile(r"/admin/articles/article/$"))
    article.refresh_from_db()
    assert article.is_published

    page.goto(f"/admin/articles/article/{article.pk}/history/")
    rows = page.locator("#revisions tbody tr")
    assert rows.count() == 4
    texts = [rows.nth(i).inner_text() for i in range(4)]
    assert "Đã xuất bản" in texts[0]
    assert "Lê Hùng" in texts[0]
    assert "Sửa bài" in texts[1]
    assert "sapo" in texts[1]
    assert "Gửi duyệt" in texts[2]
    assert "Nguyễn Lan" in texts[2]
    both_widths(page, "editing-6-editor-history")

    rows.nth(1).locator("a").click()
    page.wait_for_selector("#changes")
    lead_diff = page.locator(".revision__change--lead").inner_html()
    assert "<del>20</del><ins>21</ins>" in lead_diff
    assert "<ins> về kinh tế</ins>" in lead_diff
    assert "<del>20</del><ins>21</ins>" in page.locator(".revision__change--body").inner_html()
    both_widths(page, "editing-7-editor-revision-diff")

    page.goto(f"/admin/articles/article/{article.pk}/history/")
    page.locator("#revisions tbody tr").nth(2).locator("a").click()
    page.click("text=So với bài hiện tại")
    assert "<del>21</del><ins>20</ins>" in page.locator(".revision__change--lead").inner_html()
    page.click("#restore-button")
    page.wait_for_url(re.compile(rf"/admin/articles/article/{article.pk}/history/$"))
    assert "Đã khôi phục phiên bản 2" in page.inner_text(".messagelist")
    assert "Khôi phục phiên bản 2" in page.locator("#revisions tbody tr").first.inner_text()
    article.refresh_from_db()
    assert article.lead == "Kỳ họp thông qua 20 nghị quyết quan trọng."
    assert article.is_published
    both_widths(page, "editing-8-editor-restored")

    reader = open_page()
    reader.goto(article.get_absolute_url())
    assert "20 nghị quyết quan trọng" in reader.inner_text(".article__lead")
    assert not page.errors
