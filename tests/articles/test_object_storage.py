"""Uploads on S3-compatible object storage: a real S3 server (moto) on 127.0.0.1 receives
the editor's pictures, covers and their renditions, and pages link to its public URLs."""

import re
import urllib.request
from io import BytesIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from articles.models import COVER_WIDTHS, Article
from tests.factories import ArticleFactory, CategoryFactory, png_bytes
from tests.s3 import new_bucket, s3_server

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def s3_endpoint(tmp_path_factory):
    with s3_server(tmp_path_factory.mktemp("moto") / "moto.log") as endpoint:
        yield endpoint


@pytest.fixture
def bucket(s3_endpoint, settings, tmp_path):
    """Uploads go to a new bucket; the local media folder is empty and must stay so."""
    bucket = new_bucket(s3_endpoint)
    settings.MEDIA_ROOT = str(tmp_path)
    settings.STORAGES = {**settings.STORAGES, "default": bucket.storage_options()}
    return bucket


def fetch(url: str) -> tuple[bytes, str, str]:
    """What a reader's browser gets from `url`: body, Content-Type, Cache-Control."""
    assert url.startswith("http://127.0.0.1:")
    with urllib.request.urlopen(url, timeout=10) as response:  # noqa: S310 - our own S3 server
        return response.read(), response.headers["Content-Type"], response.headers["Cache-Control"]


def local_files(root) -> list[Path]:
    return [path for path in Path(root).rglob("*") if path.is_file()]


def test_an_editor_upload_goes_to_the_bucket_and_the_editor_gets_its_public_url(
    client, journalist, bucket, settings
):
    client.force_login(journalist)
    response = client.post(
        "/tai-anh-len/",
        {"upload": SimpleUploadedFile("anh.png", png_bytes(300, 200, (0, 0, 0)), "image/png")},
    )
    assert response.status_code == 200, response.content
    url = response.json()["url"]
    assert url.startswith(f"{bucket.endpoint}/{bucket.name}/uploads/")
    key = url.removeprefix(f"{bucket.endpoint}/{bucket.name}/")
    assert bucket.keys("uploads/") == [key]
    body, content_type, cache_control = fetch(url)
    assert content_type == "image/jpeg"
    assert "immutable" in cache_control
    with Image.open(BytesIO(body)) as image:
        assert image.size == (300, 200)
    assert local_files(settings.MEDIA_ROOT) == []


def test_a_cover_and_its_renditions_go_to_the_bucket_and_the_page_links_them(
    client, editor, bucket, settings
):
    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Ảnh bìa trên kho lưu trữ",
            "category": CategoryFactory().pk,
            "lead": "Sapo",
            "body": "<p>Nội dung</p>",
            "cover_image": SimpleUploadedFile("bia.png", png_bytes(1600, 900), "image/png"),
            "cover_alt": "Quang cảnh kỳ họp",
            "_publish": "1",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    article = Article.objects.get()
    assert article.is_published
    keys = bucket.keys()
    assert article.cover_image.name in keys
    renditions = [key for key in keys if key.startswith("CACHE/") and key.endswith(".webp")]
    assert len(renditions) == len(COVER_WIDTHS)

    client.logout()
    html = client.get(article.get_absolute_url()).content.decode()
    srcset = re.search(r'<figure class="cover">\s*<img [^>]*srcset="([^"]+)"', html).group(1)
    urls = [candidate.split()[0] for candidate in srcset.split(", ")]
    prefix = f"{bucket.endpoint}/{bucket.name}/"
    assert all(url.startswith(prefix) for url in urls), urls
    assert sorted(url.removeprefix(prefix) for url in urls) == renditions
    for url, width in zip(urls, COVER_WIDTHS, strict=True):
        body, content_type, _cache = fetch(url)
        assert content_type == "image/webp"
        with Image.open(BytesIO(body)) as image:
            assert image.width == width
    assert local_files(settings.MEDIA_ROOT) == []


def test_pages_link_the_cdn_domain_when_one_is_set(client, bucket, settings):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": bucket.storage_options(custom_domain="anh.hnp.example.vn"),
    }
    article = ArticleFactory(published=True, cover_alt="Ảnh")
    article.cover_image.save("bia.png", ContentFile(png_bytes(1600, 900)), save=True)
    html = client.get(article.get_absolute_url()).content.decode()
    srcset = re.search(r'<figure class="cover">\s*<img [^>]*srcset="([^"]+)"', html).group(1)
    urls = [candidate.split()[0] for candidate in srcset.split(", ")]
    assert len(urls) == len(COVER_WIDTHS)
    for url in urls:
        assert url.startswith("https://anh.hnp.example.vn/CACHE/"), url
        # The CDN serves what the bucket holds under the same name.
        assert url.removeprefix("https://anh.hnp.example.vn/") in bucket.keys("CACHE/")
    assert 'content="https://anh.hnp.example.vn/CACHE/' in html  # og:image, for previews
