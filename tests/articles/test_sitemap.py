"""/sitemap.xml (an index of sections) and /robots.txt."""

import xml.etree.ElementTree as ET
from datetime import datetime, timedelta

import pytest
from django.utils import timezone

from articles.models import Article
from articles.sitemaps import ArticleSitemap
from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory

pytestmark = pytest.mark.django_db

NS = {"sm": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def read_xml(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/xml"
    return ET.fromstring(response.content)


def index_locations(client) -> list[str]:
    root = read_xml(client, "/sitemap.xml")
    assert root.tag == "{http://www.sitemaps.org/schemas/sitemap/0.9}sitemapindex"
    return [loc.text for loc in root.findall("sm:sitemap/sm:loc", NS)]


def section(client, url) -> dict[str, str | None]:
    """loc -> lastmod of every URL in a sitemap file."""
    root = read_xml(client, url)
    return {
        node.findtext("sm:loc", namespaces=NS): node.findtext("sm:lastmod", namespaces=NS)
        for node in root.findall("sm:url", NS)
    }


def test_the_index_lists_the_sections(client):
    assert index_locations(client) == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-categories.xml",
        "http://testserver/sitemap-series.xml",
    ]


def test_articles_section_lists_published_articles_with_lastmod(client):
    visible = ArticleFactory(published=True)
    ArticleFactory()  # draft
    ArticleFactory(status=Article.Status.REVIEW)
    ArticleFactory(
        status=Article.Status.PUBLISHED, published_at=timezone.now() + timedelta(hours=1)
    )
    urls = section(client, "/sitemap-articles.xml")
    assert list(urls) == [f"http://testserver{visible.get_absolute_url()}"]
    lastmod = urls[f"http://testserver{visible.get_absolute_url()}"]
    assert lastmod == timezone.localdate(visible.updated_at).isoformat()


def test_categories_and_series_sections(client):
    parent = CategoryFactory(slug="kinh-te")
    CategoryFactory(slug="doanh-nghiep", parent=parent)
    started = SeriesFactory(slug="chuyen-doi-so")
    SeriesFactory(slug="chua-dang")  # no part published yet
    ArticleFactory(published=True, series=started, part_number=1)
    ArticleFactory(series=started, part_number=2)
    assert set(section(client, "/sitemap-categories.xml")) >= {
        "http://testserver/chuyen-muc/kinh-te/",
        "http://testserver/chuyen-muc/doanh-nghiep/",
    }
    assert list(section(client, "/sitemap-series.xml")) == [
        "http://testserver/loat-bai/chuyen-doi-so/"
    ]


def test_a_large_site_gets_more_article_pages_in_the_index(client, monkeypatch):
    monkeypatch.setattr(ArticleSitemap, "limit", 2)
    ArticleFactory.create_batch(5, published=True)
    locations = index_locations(client)
    assert locations[:3] == [
        "http://testserver/sitemap-articles.xml",
        "http://testserver/sitemap-articles.xml?p=2",
        "http://testserver/sitemap-articles.xml?p=3",
    ]
    pages = [section(client, f"/sitemap-articles.xml?p={p}") for p in (1, 2, 3)]
    assert [len(page) for page in pages] == [2, 2, 1]
    assert client.get("/sitemap-articles.xml?p=4").status_code == 404


def test_the_index_dates_the_articles_section_by_its_latest_change(client):
    ArticleFactory(published=True)
    latest = ArticleFactory(published=True)
    Article.objects.filter(pk=latest.pk).update(updated_at=timezone.now() + timedelta(minutes=5))
    latest.refresh_from_db()
    root = read_xml(client, "/sitemap.xml")
    first = root.find("sm:sitemap", NS)
    assert datetime.fromisoformat(first.findtext("sm:lastmod", namespaces=NS)) == latest.updated_at


def test_sitemap_queries_do_not_grow_with_articles(client, django_assert_max_num_queries):
    series = SeriesFactory()
    for n in range(30):
        ArticleFactory(published=True, series=series, part_number=n + 1)
    # The index: each section's latest change and page count.
    with django_assert_max_num_queries(6):
        index_locations(client)
    with django_assert_max_num_queries(2):
        assert len(section(client, "/sitemap-articles.xml")) == 30
    with django_assert_max_num_queries(2):
        section(client, "/sitemap-categories.xml")
    with django_assert_max_num_queries(2):
        section(client, "/sitemap-series.xml")


def test_robots_txt_names_the_sitemap_and_keeps_the_admin_and_search_out(client, settings):
    response = client.get("/robots.txt")
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert "User-agent: *" in lines
    assert f"Disallow: /{settings.ADMIN_URL}" in lines
    assert "Disallow: /tim-kiem/" in lines
    assert "Sitemap: http://testserver/sitemap.xml" in lines


def test_robots_txt_follows_the_admin_url_setting(client, settings):
    # ADMIN_URL is read at start-up; robots.txt shows whatever the setting is.
    settings.ADMIN_URL = "quan-tri-bi-mat/"
    assert "Disallow: /quan-tri-bi-mat/" in client.get("/robots.txt").content.decode()
