"""What the shared template pieces promise: one breadcrumb, the most-read sidebar by default,
cover srcsets built from COVER_WIDTHS, and dates written through the locale's formats."""

import re
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.core import mail
from django.core.files.base import ContentFile
from django.template import Context, Template
from django.urls import reverse
from PIL import Image

from articles.models import COVER_WIDTHS, Article
from comments.services import send_moderation_digest
from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory, png_bytes

pytestmark = pytest.mark.django_db
VN = ZoneInfo("Asia/Ho_Chi_Minh")
WHEN = datetime(2026, 1, 25, 12, 28, tzinfo=VN)
LATER = datetime(2026, 3, 2, 8, 5, tzinfo=VN)
TEMPLATES_DIR = Path(settings.BASE_DIR) / "templates"


@pytest.fixture
def cover_article(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path)
    article = ArticleFactory(published=True, is_featured=True, cover_alt="Hội trường")
    article.cover_image.save("cover.png", ContentFile(png_bytes(1600, 900)), save=True)
    return article


def breadcrumb_of(html: str) -> str:
    return re.search(r'<nav class="breadcrumb".*?</nav>', html, re.DOTALL).group()


def expected_srcset(article) -> str:
    return ", ".join(f"{getattr(article, f'cover_{width}').url} {width}w" for width in COVER_WIDTHS)


# --- Cover renditions -----------------------------------------------------------------------


def test_the_model_has_one_rendition_per_cover_width():
    names = {name for name in vars(Article) if re.fullmatch(r"cover_\d+", name)}
    assert names == {f"cover_{width}" for width in COVER_WIDTHS}


def test_every_cover_width_has_a_rendition_of_that_width(cover_article):
    for width in COVER_WIDTHS:
        rendition = getattr(cover_article, f"cover_{width}")
        assert rendition.url.endswith(".webp")
        with Image.open(rendition.path) as image:
            assert image.width == width


def test_cover_srcset_lists_each_width_in_order(cover_article):
    html = Template("{% load article_tags %}{% cover_srcset article %}").render(
        Context({"article": cover_article})
    )
    assert html == expected_srcset(cover_article)
    assert [int(w) for w in re.findall(r" (\d+)w", html)] == list(COVER_WIDTHS)


def test_article_page_and_home_lead_story_use_the_srcset(client, cover_article):
    srcset = f'srcset="{expected_srcset(cover_article)}"'
    assert srcset in client.get(cover_article.get_absolute_url()).content.decode()
    assert srcset in client.get(reverse("articles:home")).content.decode()


# --- Breadcrumb -------------------------------------------------------------------------------


def test_breadcrumb_of_an_article_links_every_step(client):
    parent = CategoryFactory(name="Thời sự")
    category = CategoryFactory(name="Trong tỉnh", parent=parent)
    article = ArticleFactory(published=True, category=category)
    trail = breadcrumb_of(client.get(article.get_absolute_url()).content.decode())
    assert re.findall(r"<a [^>]*>([^<]+)</a>", trail) == ["Trang chủ", "Thời sự", "Trong tỉnh"]
    assert "aria-current" not in trail


def test_breadcrumb_of_a_category_marks_it_current(client):
    parent = CategoryFactory(name="Thời sự")
    category = CategoryFactory(name="Trong tỉnh", parent=parent)
    trail = breadcrumb_of(client.get(category.get_absolute_url()).content.decode())
    assert re.findall(r"<a [^>]*>([^<]+)</a>", trail) == ["Trang chủ", "Thời sự"]
    assert '<span aria-current="page">Trong tỉnh</span>' in trail


@pytest.mark.parametrize(
    ("url", "current"),
    [(lambda: SeriesFactory().get_absolute_url(), "Loạt bài"), (lambda: "/tim-kiem/", "Tìm kiếm")],
)
def test_breadcrumb_of_series_and_search_pages(client, url, current):
    trail = breadcrumb_of(client.get(url()).content.decode())
    assert re.findall(r"<a [^>]*>([^<]+)</a>", trail) == ["Trang chủ"]
    assert f'<span aria-current="page">{current}</span>' in trail


# --- Sidebar ----------------------------------------------------------------------------------


def test_reading_pages_show_the_most_read_box_by_default(client):
    article = ArticleFactory(published=True, series=SeriesFactory(), part_number=1)
    for url in (
        reverse("articles:home"),
        article.get_absolute_url(),
        article.category.get_absolute_url(),
        article.series.get_absolute_url(),
        "/tim-kiem/?q=bai",
    ):
        html = client.get(url).content.decode()
        assert html.count('<section class="box most-read"') == 1, url


def test_pages_without_a_sidebar_have_no_most_read_box(client):
    for url in (reverse("privacy"), "/khong-co-trang-nay/"):
        html = client.get(url).content.decode()
        assert "page__sidebar" not in html, url
        assert "most-read" not in html, url


# --- Dates ------------------------------------------------------------------------------------


def test_templates_write_dates_through_the_locale_formats():
    """`|date:` takes a named format (hnp/formats/vi/formats.py) or 'c' for machines."""
    used = {
        match
        for path in TEMPLATES_DIR.rglob("*")
        if path.is_file()
        for match in re.findall(r"""\|date:["']([^"']*)["']""", path.read_text())
    }
    assert used
    assert all(fmt == "c" or re.fullmatch(r"[A-Z_]+_FORMAT", fmt) for fmt in used), used


def test_time_elements_give_whole_seconds(client):
    """HTML's `datetime` takes at most three digits of a second's fraction; `|date:'c'`
    writes six whenever there are microseconds, as in every time the site records itself."""
    article = ArticleFactory(published=True, published_at=WHEN.replace(microsecond=123456))
    CommentFactory(article=article, approved=True)
    html = client.get(article.get_absolute_url()).content.decode()
    assert '<time datetime="2026-01-25T12:28:00+07:00">' in html
    times = re.findall(r'<time datetime="([^"]*)"', html)
    assert len(times) == 2, times
    assert all(re.fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+07:00", t) for t in times), times


def test_article_and_comment_times_show_hour_then_day(client):
    article = ArticleFactory(published=True, published_at=WHEN)
    comment = CommentFactory(article=article, approved=True)
    type(comment).objects.filter(pk=comment.pk).update(created_at=LATER)
    html = client.get(article.get_absolute_url()).content.decode()
    assert ">12:28 25/01/2026</time>" in html
    assert ">08:05 02/03/2026</time>" in html


def test_the_digest_mail_shows_hour_then_day(settings):
    settings.COMMENT_NOTIFY_EMAILS = ["kiemduyet@example.vn"]
    comment = CommentFactory()
    type(comment).objects.filter(pk=comment.pk).update(created_at=WHEN)
    assert send_moderation_digest() == 1
    assert "- 12:28 25/01/2026 · " in mail.outbox[0].body


def test_the_admin_decision_shows_hour_then_day(client, moderator):
    comment = CommentFactory(approved=True, moderated_by=moderator, moderated_at=WHEN)
    client.force_login(moderator)
    html = client.get(reverse("admin:comments_comment_change", args=[comment.pk])).content.decode()
    state = re.search(r'<p class="moderation-panel__state">.*?</p>', html, re.DOTALL).group()
    assert "12:28 25/01/2026" in state
