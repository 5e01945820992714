"""The reader's pages as DESIGN §1 lays them out."""

import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone

from articles.models import Article
from articles.viewcounts import flush_view_counts
from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory, UserFactory, png_bytes

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")


@pytest.fixture
def series_article(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    series = SeriesFactory(title="Nâng cao chất lượng hoạt động HĐND các cấp")
    author = UserFactory(first_name="Lan", last_name="Nguyễn")
    article = ArticleFactory(
        series=series,
        part_number=1,
        title="Khẳng định vai trò cơ quan dân cử",
        lead="Kỳ họp đã thông qua 20 nghị quyết.",
        body="<h2>Đổi mới</h2><p>Đoạn một.</p><h3>Chi tiết</h3><p>Đoạn hai.</p>",
        byline="Hà Anh",
        created_by=author,
        status=Article.Status.PUBLISHED,
        published_at=datetime(2020, 1, 25, 12, 28, tzinfo=VN),
        cover_alt="Quang cảnh kỳ họp",
        cover_caption="Quang cảnh kỳ họp thứ mười",
    )
    article.cover_image.save("cover.png", ContentFile(png_bytes(1600, 900)), save=True)
    return article


def main_of(html: str) -> str:
    return html[html.index("<main") : html.index("</main>")]


def test_article_page_anatomy_in_order(client, series_article):
    html = main_of(client.get(series_article.get_absolute_url()).content.decode())
    kicker = 'href="/loat-bai/nang-cao-chat-luong-hoat-dong-hdnd-cac-cap/">Nâng cao chất lượng hoạt động HĐND các cấp:</a>'
    title = "<h1"
    parts = [
        kicker,
        title,
        "Bài 1: Khẳng định vai trò cơ quan dân cử",
        "12:28 25/01/2020",
        "<strong>HNP - Kỳ họp đã thông qua 20 nghị quyết.</strong>",
        'alt="Quang cảnh kỳ họp"',
        "Quang cảnh kỳ họp thứ mười</figcaption>",
        "<h2>Đổi mới</h2>",
        '<p class="article__byline">Hà Anh</p>',
        "Các bài mới đăng",
        "Các bài đã đăng",
    ]
    positions = [html.index(part) for part in parts]
    assert positions == sorted(positions)


def test_byline_falls_back_to_the_authors_name(client):
    author = UserFactory(first_name="Minh", last_name="Trần")
    article = ArticleFactory(published=True, byline="", created_by=author)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<p class="article__byline">Trần Minh</p>' in html


def test_dateline_comes_from_the_setting(client, settings):
    settings.SITE_DATELINE = "TTXVN"
    article = ArticleFactory(published=True, lead="Sáng nay…")
    assert (
        "<strong>TTXVN - Sáng nay…</strong>"
        in client.get(article.get_absolute_url()).content.decode()
    )


def test_cover_uses_renditions_with_srcset(client, series_article):
    html = client.get(series_article.get_absolute_url()).content.decode()
    match = re.search(r'<figure class="cover">\s*<img ([^>]+)>', html)
    attrs = match.group(1)
    assert re.search(r'srcset="[^"]+\.webp 480w, [^"]+\.webp 800w, [^"]+\.webp 1200w"', attrs)
    assert 'width="1600" height="900"' in attrs


def test_newer_and_older_lists_of_the_same_category(client):
    category, other = CategoryFactory(), CategoryFactory()
    now = timezone.now()
    articles = [
        ArticleFactory(
            category=category,
            published=True,
            published_at=now - timedelta(days=30 - d),
            title=f"Tin số {d:02d}",
        )
        for d in range(25)
    ]
    ArticleFactory(category=other, published=True, title="Tin chuyên mục khác")
    ArticleFactory(category=category, title="Bản nháp không hiện")
    middle = articles[12]
    html = main_of(client.get(middle.get_absolute_url()).content.decode())
    newer = html[html.index("Các bài mới đăng") : html.index("Các bài đã đăng")]
    older = html[html.index("Các bài đã đăng") :]
    assert re.findall(r"Tin số (\d\d)", newer) == [f"{d:02d}" for d in range(13, 23)]
    assert re.findall(r"Tin số (\d\d)", older)[:10] == [f"{d:02d}" for d in range(11, 1, -1)]
    assert "Tin chuyên mục khác" not in newer + older
    assert "Bản nháp không hiện" not in html
    assert timezone.localtime(articles[13].published_at).strftime("%d/%m/%Y") in newer


def test_view_count_is_shown_and_grows_with_each_flushed_view(client):
    article = ArticleFactory(published=True)
    client.get(article.get_absolute_url())
    client.get(article.get_absolute_url())
    flush_view_counts()
    html = client.get(article.get_absolute_url()).content.decode()
    assert "2 lượt xem" in html
    article.refresh_from_db()
    assert article.view_count == 2


def test_view_counts_use_vietnamese_thousands_separators(client):
    article = ArticleFactory(published=True, title="Bài đọc nhiều", view_count=2953)
    page = client.get(article.get_absolute_url()).content.decode()
    header = page[page.index("article__views") :]
    assert header.split("</span>")[0].endswith(">2.953 lượt xem")
    box = page[page.index("Đọc nhiều nhất") :]
    assert "2.953 lượt xem" in box
    assert "2953" not in page


def test_the_footer_carries_the_portals_legal_lines_from_settings(client, settings):
    settings.SITE_OWNER = "Hội đồng nhân dân tỉnh"
    settings.SITE_LICENCE = "Giấy phép số 12/GP-TTĐT cấp ngày 01/02/2025"
    settings.SITE_RESPONSIBLE = "Trần Văn Minh"
    settings.SITE_ADDRESS = "Số 8 đường Lê Lợi"
    settings.SITE_PHONE = "0236 3 123 456"
    footer = client.get("/").content.decode().split('class="site-footer"')[1]
    assert "Cơ quan chủ quản: Hội đồng nhân dân tỉnh" in footer
    assert "Giấy phép số 12/GP-TTĐT cấp ngày 01/02/2025" in footer
    assert "Chịu trách nhiệm chính: Trần Văn Minh" in footer
    assert "Địa chỉ: Số 8 đường Lê Lợi" in footer
    assert '<a href="tel:02363123456">0236 3 123 456</a>' in footer
    settings.SITE_LICENCE = settings.SITE_PHONE = ""
    settings.PAGE_CACHE_RELEASE = "settings-changed"  # a restart with the new settings
    footer = client.get("/").content.decode().split('class="site-footer"')[1]
    assert "Giấy phép" not in footer
    assert "Điện thoại" not in footer
    assert "Chịu trách nhiệm chính: Trần Văn Minh" in footer


def test_most_read_box_lists_the_last_30_days_by_views(client):
    now = timezone.now()
    ArticleFactory(
        published=True, title="Đọc nhiều", view_count=900, published_at=now - timedelta(days=3)
    )
    ArticleFactory(
        published=True, title="Ít đọc", view_count=5, published_at=now - timedelta(days=2)
    )
    ArticleFactory(
        published=True, title="Cũ quá", view_count=5000, published_at=now - timedelta(days=40)
    )
    html = client.get("/").content.decode()
    box = html[html.index("Đọc nhiều nhất") :]
    assert box.index("Đọc nhiều") < box.index("Ít đọc")
    assert "Cũ quá" not in box


def test_old_or_wrong_slug_redirects_permanently_to_the_canonical_url(client):
    article = ArticleFactory(published=True, title="Tiêu đề mới")
    response = client.get(f"/bai-viet/tieu-de-cu-{article.pk}/")
    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url()


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.REVIEW])
def test_unpublished_articles_are_not_found(client, status):
    article = ArticleFactory(status=status)
    assert client.get(article.get_absolute_url()).status_code == 404


def test_home_shows_the_lead_story_latest_and_each_category(client):
    news, culture = CategoryFactory(name="Thời sự"), CategoryFactory(name="Văn hóa")
    ArticleFactory(category=news, published=True, title="Tin thường")
    ArticleFactory(category=culture, published=True, title="Tin văn hóa")
    ArticleFactory(category=news, published=True, title="Tin nổi bật", is_featured=True,
                   published_at=timezone.now() - timedelta(days=1))  # fmt: skip
    ArticleFactory(category=news, title="Bản nháp")
    html = main_of(client.get("/").content.decode())
    lead = html[html.index('class="lead-story"') : html.index("Tin mới nhất")]
    assert "Tin nổi bật" in lead
    assert 'id="cat-thoi-su"' in html
    assert 'id="cat-van-hoa"' in html
    assert "Tin văn hóa" in html
    assert "Tin thường" in html
    assert "Bản nháp" not in html


def test_category_page_is_paginated_and_includes_sub_categories(client):
    parent = CategoryFactory(name="Thời sự")
    child = CategoryFactory(name="Trong tỉnh", parent=parent)
    for n in range(25):
        ArticleFactory(category=child if n % 2 else parent, published=True, title=f"Tin {n:02d}")
    first = client.get(parent.get_absolute_url()).content.decode()
    assert len(re.findall(r'class="card__title"', first)) == 20
    assert "Trang 1/2" in first
    assert 'href="/chuyen-muc/trong-tinh/"' in first
    second = client.get(parent.get_absolute_url() + "?page=2").content.decode()
    assert len(re.findall(r'class="card__title"', second)) == 5
    assert client.get("/chuyen-muc/khong-co/").status_code == 404


def test_series_page_lists_all_parts_in_order_with_part_numbers(client):
    series = SeriesFactory(title="Loạt bài cải cách")
    for part in (3, 1, 2):
        ArticleFactory(series=series, part_number=part, published=True, title=f"Phần {part}")
    ArticleFactory(series=series, part_number=4, title="Chưa đăng")
    html = main_of(client.get(series.get_absolute_url()).content.decode())
    assert re.findall(r"Bài (\d): Phần", html) == ["1", "2", "3"]
    assert "Chưa đăng" not in html


def test_pages_are_vietnamese_and_accessible(client, series_article):
    for url in ("/", series_article.get_absolute_url(), series_article.category.get_absolute_url(),
                series_article.series.get_absolute_url()):  # fmt: skip
        html = client.get(url).content.decode()
        assert '<html lang="vi">' in html
        assert html.count("<h1") == 1
        assert re.search(r"<img(?![^>]*\balt=)[^>]*>", html) is None, "every image has an alt"
