"""What article, category and series pages tell search engines and social networks."""

import html as html_lib
import json
import re
import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import factory
import pytest
from django.utils.text import Truncator

from articles.models import Article
from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory, UserFactory

VIETNAM = ZoneInfo("Asia/Ho_Chi_Minh")

pytestmark = pytest.mark.django_db

JSON_LD_RE = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.DOTALL)


def page(client, url) -> str:
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def meta(html: str, key: str) -> str | None:
    """The content of <meta property=key> or <meta name=key>, unescaped."""
    match = re.search(rf'<meta (?:property|name)="{re.escape(key)}" content="([^"]*)">', html)
    return html_lib.unescape(match.group(1)) if match else None


def json_ld(html: str) -> dict:
    blocks = JSON_LD_RE.findall(html)
    assert len(blocks) == 1
    return json.loads(blocks[0])


@pytest.fixture
def article(db):
    return ArticleFactory(
        published=True,
        category=CategoryFactory(name="Thời sự"),
        title="Khai mạc kỳ họp thứ 10 HĐND tỉnh",
        lead="Sáng nay, HĐND tỉnh khai mạc kỳ họp thứ 10 để xem xét nhiều nghị quyết quan trọng.",
        byline="Thu Hà",
        published_at=datetime(2025, 1, 25, 12, 28, tzinfo=VIETNAM),
        cover_image=factory.django.ImageField(filename="ky-hop.jpg", format="JPEG", width=1600),
        cover_alt="Quang cảnh phiên khai mạc",
    )


def test_title_description_and_canonical(client, article, settings):
    html = page(client, article.get_absolute_url())
    assert f"<title>{article.title} - {settings.SITE_NAME}</title>" in html
    assert meta(html, "description") == article.lead
    canonical = f"http://testserver{article.get_absolute_url()}"
    assert f'<link rel="canonical" href="{canonical}">' in html


def test_a_wrong_slug_still_has_the_canonical_address(client, article):
    response = client.get(f"/bai-viet/sai-duong-dan-{article.pk}/", follow=True)
    assert response.redirect_chain[0][1] == 301
    assert f'rel="canonical" href="http://testserver{article.get_absolute_url()}"' in (
        response.content.decode()
    )


def test_open_graph_tags(client, article, settings):
    html = page(client, article.get_absolute_url())
    assert meta(html, "og:type") == "article"
    assert meta(html, "og:title") == article.title
    assert meta(html, "og:description") == article.lead
    assert meta(html, "og:url") == f"http://testserver{article.get_absolute_url()}"
    assert meta(html, "og:site_name") == settings.SITE_NAME
    assert meta(html, "og:locale") == "vi_VN"
    image = meta(html, "og:image")
    assert image.startswith("http://testserver/media/")
    assert image == article_image(article)
    assert meta(html, "og:image:alt") == "Quang cảnh phiên khai mạc"
    assert meta(html, "article:published_time") == "2025-01-25T12:28:00+07:00"
    assert meta(html, "article:section") == "Thời sự"
    modified = datetime.fromisoformat(meta(html, "article:modified_time"))
    assert modified == article.updated_at


def article_image(article) -> str:
    return f"http://testserver{article.cover_1200.url}"


def test_twitter_card_tags(client, article):
    html = page(client, article.get_absolute_url())
    assert meta(html, "twitter:card") == "summary_large_image"
    assert meta(html, "twitter:title") == article.title
    assert meta(html, "twitter:description") == article.lead
    assert meta(html, "twitter:image") == article_image(article)
    assert meta(html, "twitter:image:alt") == "Quang cảnh phiên khai mạc"


def test_without_a_cover_there_is_no_image_and_a_small_card(client):
    article = ArticleFactory(published=True)
    html = page(client, article.get_absolute_url())
    assert meta(html, "og:image") is None
    assert meta(html, "twitter:card") == "summary"
    assert "image" not in json_ld(html)


def test_json_ld_news_article(client, article, settings):
    data = json_ld(page(client, article.get_absolute_url()))
    url = f"http://testserver{article.get_absolute_url()}"
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == article.title
    assert data["description"] == article.lead
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url}
    assert data["datePublished"] == "2025-01-25T12:28:00+07:00"
    assert datetime.fromisoformat(data["dateModified"]) == article.updated_at
    assert data["author"] == [{"@type": "Person", "name": "Thu Hà"}]
    assert data["image"] == [article_image(article)]
    assert data["publisher"]["@type"] == "Organization"
    assert data["publisher"]["name"] == settings.SITE_NAME
    assert data["publisher"]["logo"]["url"].startswith("http://testserver/static/")
    assert data["inLanguage"] == "vi"


def test_json_ld_author_without_byline_is_the_account_name(client):
    user = UserFactory(username="pv-lan", first_name="Lan", last_name="Nguyễn")
    article = ArticleFactory(published=True, created_by=user)
    assert json_ld(page(client, article.get_absolute_url()))["author"][0]["name"] == "Nguyễn Lan"


def test_json_ld_headline_is_the_part_title_and_at_most_110_characters(client):
    series = SeriesFactory()
    article = ArticleFactory(published=True, series=series, part_number=3, title="Ý kiến " * 30)
    headline = json_ld(page(client, article.get_absolute_url()))["headline"]
    assert headline.startswith("Bài 3: Ý kiến")
    assert len(headline) <= 110


def test_texts_cannot_break_out_of_the_json_ld_or_the_tags(client):
    title = '</script><script>alert("tieu de")</script> & <!-- "x"'
    lead = '"><script>alert(1)</script> Nội dung'
    article = ArticleFactory(published=True, title=title, lead=lead)
    html = page(client, article.get_absolute_url())
    assert "<script>alert" not in html
    assert "<!-- " not in html.split("<body")[0]
    data = json_ld(html)
    assert data["headline"] == title
    assert data["description"] == lead
    assert meta(html, "og:title") == title
    assert meta(html, "description") == lead


def test_the_json_ld_block_is_not_script_the_csp_would_run(client, article):
    response = client.get(article.get_absolute_url())
    assert "script-src 'self'" in response["Content-Security-Policy"]
    scripts = re.findall(r"<script(?: [^>]*)?>", response.content.decode())
    inline = [tag for tag in scripts if "src=" not in tag]
    assert inline == ['<script type="application/ld+json">']


def test_a_preview_is_not_described_for_sharing(client, editor):
    article = ArticleFactory(title="Bản nháp")
    client.force_login(editor)
    html = page(client, f"/xem-truoc/{article.pk}/")
    assert '<meta name="robots" content="noindex">' in html
    assert meta(html, "og:title") is None
    assert not JSON_LD_RE.search(html)
    assert article.status == Article.Status.DRAFT


def test_category_page_title_and_canonical(client, settings):
    category = CategoryFactory(name="Kinh tế", slug="kinh-te")
    ArticleFactory.create_batch(21, published=True, category=category)
    html = page(client, "/chuyen-muc/kinh-te/")
    assert f"<title>Kinh tế - {settings.SITE_NAME}</title>" in html
    assert '<link rel="canonical" href="http://testserver/chuyen-muc/kinh-te/">' in html
    second = page(client, "/chuyen-muc/kinh-te/?page=2")
    assert f"<title>Kinh tế - trang 2 - {settings.SITE_NAME}</title>" in second
    assert '<link rel="canonical" href="http://testserver/chuyen-muc/kinh-te/?page=2">' in second


def test_series_page_title_and_canonical(client, settings):
    series = SeriesFactory(title="Chuyển đổi số", slug="chuyen-doi-so", description="Năm kỳ.")
    ArticleFactory(published=True, series=series, part_number=1)
    html = page(client, "/loat-bai/chuyen-doi-so/")
    assert f"<title>Chuyển đổi số - {settings.SITE_NAME}</title>" in html
    assert '<link rel="canonical" href="http://testserver/loat-bai/chuyen-doi-so/">' in html
    assert meta(html, "description") == "Năm kỳ."


def test_an_edit_before_a_scheduled_publication_is_not_a_later_modification(client):
    article = ArticleFactory(published=True)
    Article.objects.filter(pk=article.pk).update(
        updated_at=article.published_at - timedelta(hours=3)
    )
    html = page(client, article.get_absolute_url())
    published = datetime.fromisoformat(meta(html, "article:published_time"))
    assert datetime.fromisoformat(meta(html, "article:modified_time")) == published
    data = json_ld(html)
    assert datetime.fromisoformat(data["dateModified"]) == published


def test_long_leads_are_cut_for_descriptions_and_short_ones_kept(client):
    lead = "Hội đồng nhân dân thành phố khai mạc kỳ họp thường lệ cuối năm. " * 6
    article = ArticleFactory(published=True, lead=lead.strip())
    html = page(client, article.get_absolute_url())
    assert meta(html, "description") == Truncator(lead.strip()).chars(200)
    assert meta(html, "og:description") == Truncator(lead.strip()).chars(300)
    assert meta(html, "description").endswith("…")
    assert len(meta(html, "description")) == 200


def test_shorten_counts_letters_as_truncatechars_does():
    from articles.text import shorten

    decomposed = unicodedata.normalize("NFD", "Hà Nội " * 30)  # marks as separate characters
    assert len(decomposed) > 210
    for text in ("Ngắn", decomposed, "Chữ " * 80):
        assert shorten(text, 210) == Truncator(text).chars(210)
