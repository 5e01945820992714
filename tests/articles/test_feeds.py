"""RSS 2.0 feeds: /rss/, /chuyen-muc/<slug>/rss/, /loat-bai/<slug>/rss/."""

import xml.etree.ElementTree as ET
from datetime import timedelta

import factory
import pytest
from django.urls import reverse
from django.utils import timezone

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory

pytestmark = pytest.mark.django_db

DC = "{http://purl.org/dc/elements/1.1/}"


def read_feed(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    root = ET.fromstring(response.content)
    assert root.tag == "rss"
    assert root.get("version") == "2.0"
    return root.find("channel")


def item_links(channel) -> list[str]:
    return [item.findtext("link") for item in channel.findall("item")]


def absolute(article) -> str:
    return f"http://testserver{article.get_absolute_url()}"


def test_routes_are_named():
    category, series = CategoryFactory(slug="thoi-su"), SeriesFactory(slug="cai-cach")
    assert reverse("articles:feed") == "/rss/"
    assert reverse("articles:category_feed", args=[category.slug]) == "/chuyen-muc/thoi-su/rss/"
    assert reverse("articles:series_feed", args=[series.slug]) == "/loat-bai/cai-cach/rss/"


def test_pages_announce_the_feeds(client):
    category = CategoryFactory()
    series = SeriesFactory()
    ArticleFactory(published=True, category=category, series=series, part_number=1)
    home = client.get("/").content.decode()
    assert 'type="application/rss+xml"' in home
    assert 'href="/rss/"' in home
    assert (
        f'href="/chuyen-muc/{category.slug}/rss/"'
        in client.get(category.get_absolute_url()).content.decode()
    )
    assert (
        f'href="/loat-bai/{series.slug}/rss/"'
        in client.get(series.get_absolute_url()).content.decode()
    )


def test_latest_feed_has_the_30_newest_published_articles(client, settings):
    now = timezone.now()
    articles = [
        ArticleFactory(published=True, published_at=now - timedelta(minutes=n)) for n in range(32)
    ]
    channel = read_feed(client, "/rss/")
    assert channel.findtext("title") == settings.SITE_NAME
    assert channel.findtext("link") == "http://testserver/"
    assert channel.findtext("language") == "vi"
    assert item_links(channel) == [absolute(a) for a in articles[:30]]


def test_feeds_hold_only_published_articles(client):
    category, series = CategoryFactory(), SeriesFactory()
    visible = ArticleFactory(published=True, category=category, series=series, part_number=1)
    ArticleFactory(category=category, series=series, part_number=2)  # draft
    ArticleFactory(category=category, series=series, part_number=3, status=Article.Status.REVIEW)
    ArticleFactory(
        category=category,
        series=series,
        part_number=4,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(hours=1),  # scheduled
    )
    for url in ("/rss/", f"/chuyen-muc/{category.slug}/rss/", f"/loat-bai/{series.slug}/rss/"):
        assert item_links(read_feed(client, url)) == [absolute(visible)], url


def test_an_item_carries_title_link_lead_date_author_and_category(client):
    category = CategoryFactory(name="Thời sự")
    article = ArticleFactory(
        published=True,
        category=category,
        title="Kỳ họp HĐND & cử tri",
        lead="HĐND tỉnh khai mạc kỳ họp <thứ 10>.",
        byline="Minh Anh",
    )
    item = read_feed(client, "/rss/").find("item")
    # Feed readers treat title and description as HTML: the text is escaped for them.
    assert item.findtext("title") == "Kỳ họp HĐND &amp; cử tri"
    assert item.findtext("description") == "HĐND tỉnh khai mạc kỳ họp &lt;thứ 10&gt;."
    assert item.findtext("link") == absolute(article)
    assert item.findtext("guid") == absolute(article)
    assert item.findtext(f"{DC}creator") == "Minh Anh"
    assert item.findtext("category") == "Thời sự"
    assert item.findtext("pubDate").endswith(article.published_at.strftime("%Y %H:%M:%S +0000"))


def test_an_item_in_a_series_is_titled_with_its_part(client):
    series = SeriesFactory()
    ArticleFactory(published=True, series=series, part_number=2, title="Giám sát")
    assert read_feed(client, "/rss/").find("item").findtext("title") == "Bài 2: Giám sát"


def test_the_cover_image_is_the_enclosure(client):
    article = ArticleFactory(
        published=True,
        cover_image=factory.django.ImageField(filename="anh-bia.jpg", format="JPEG"),
        cover_alt="Quang cảnh kỳ họp",
    )
    ArticleFactory(published=True, published_at=article.published_at - timedelta(hours=1))
    first, second = read_feed(client, "/rss/").findall("item")
    enclosure = first.find("enclosure")
    assert enclosure.get("url") == f"http://testserver{article.cover_image.url}"
    assert enclosure.get("type") == "image/jpeg"
    assert enclosure.get("length") == str(article.cover_image.size)
    assert second.find("enclosure") is None


def test_category_feed_has_its_articles_and_its_subcategories(client, settings):
    parent = CategoryFactory(name="Kinh tế")
    child = CategoryFactory(name="Doanh nghiệp", parent=parent)
    now = timezone.now()
    in_parent = ArticleFactory(published=True, category=parent, published_at=now)
    in_child = ArticleFactory(published=True, category=child, published_at=now - timedelta(1))
    ArticleFactory(published=True)  # another category
    channel = read_feed(client, f"/chuyen-muc/{parent.slug}/rss/")
    assert channel.findtext("title") == f"Kinh tế - {settings.SITE_NAME}"
    assert channel.findtext("link") == f"http://testserver{parent.get_absolute_url()}"
    assert item_links(channel) == [absolute(in_parent), absolute(in_child)]


def test_series_feed_has_its_parts_newest_first(client, settings):
    series = SeriesFactory(title="Chuyển đổi số", description="Năm kỳ về chuyển đổi số.")
    now = timezone.now()
    part1 = ArticleFactory(
        published=True, series=series, part_number=1, published_at=now - timedelta(days=2)
    )
    part2 = ArticleFactory(
        published=True, series=series, part_number=2, published_at=now - timedelta(days=1)
    )
    ArticleFactory(published=True)
    channel = read_feed(client, f"/loat-bai/{series.slug}/rss/")
    assert channel.findtext("title") == f"Chuyển đổi số - {settings.SITE_NAME}"
    assert channel.findtext("description") == "Năm kỳ về chuyển đổi số."
    assert item_links(channel) == [absolute(part2), absolute(part1)]


@pytest.mark.parametrize("url", ["/chuyen-muc/khong-co/rss/", "/loat-bai/khong-co/rss/"])
def test_unknown_category_or_series_feed_is_404(client, url):
    assert client.get(url).status_code == 404


def test_feed_texts_are_vietnamese(client):
    channel = read_feed(client, "/rss/")
    assert channel.findtext("description").startswith("Các bài viết mới nhất")


def test_feed_queries_do_not_grow_with_items(client, django_assert_max_num_queries):
    category, series = CategoryFactory(), SeriesFactory()
    for n in range(40):
        ArticleFactory(
            published=True,
            category=category,
            series=series if n % 2 else None,
            part_number=n if n % 2 else None,
        )
    with django_assert_max_num_queries(1):
        client.get("/rss/")
    # The category, its sub-categories' ids, its articles.
    with django_assert_max_num_queries(3):
        client.get(f"/chuyen-muc/{category.slug}/rss/")
    with django_assert_max_num_queries(2):
        client.get(f"/loat-bai/{series.slug}/rss/")
