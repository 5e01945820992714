"""Images uploaded from the editor: only real pictures, re-encoded, within limits."""

import struct
import zlib
from io import BytesIO
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth.models import Permission
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

URL = "/tai-anh-len/"


def jpeg_with_gps_exif(size=(800, 600)) -> bytes:
    image = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    exif[0x010F] = "Camera maker"  # Make
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 51.0, 0.0)}  # GPS
    out = BytesIO()
    image.save(out, format="JPEG", exif=exif)
    return out.getvalue()


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def png_declaring(width: int, height: int, payload: int = 24_000) -> bytes:
    """A small PNG file whose header claims a huge picture (a decompression bomb)."""
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    data = zlib.compress(b"\x00" * (payload * 900))[:payload]
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", data)
        + png_chunk(b"IEND", b"")
    )


def stored_files() -> list[Path]:
    root = Path(settings.MEDIA_ROOT) / "uploads"
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Each test stores into its own empty folder, so 'nothing stored' can be checked."""
    settings.MEDIA_ROOT = str(tmp_path)
    return tmp_path


@pytest.fixture
def uploader(client, journalist):
    client.force_login(journalist)
    return client


def upload(client, content: bytes, name="anh.jpg", content_type="image/jpeg"):
    return client.post(
        URL, {"upload": SimpleUploadedFile(name, content, content_type=content_type)}
    )


def test_editor_widget_posts_to_our_upload_view(client, journalist):
    client.force_login(journalist)
    html = client.get(reverse("admin:articles_article_add")).content.decode()
    assert f'data-upload-url="{URL}"' in html
    assert "django_ckeditor_5/dist/bundle.js" in html


def test_a_real_image_is_reencoded_without_metadata_under_a_generated_name(uploader):
    before = stored_files()
    original = (
        jpeg_with_gps_exif() + b"<?php system($_GET['c']); ?>"
    )  # bytes appended after the image
    response = upload(uploader, original, name="ban-do-vi-tri-nha-toi.jpg")
    assert response.status_code == 200, response.content
    url = response.json()["url"]
    assert url.startswith(settings.MEDIA_URL + "uploads/")
    assert "ban-do-vi-tri-nha-toi" not in url
    new = [p for p in stored_files() if p not in before]
    assert len(new) == 1
    data = new[0].read_bytes()
    assert b"<?php" not in data
    with Image.open(BytesIO(data)) as stored:
        assert stored.format == "JPEG"
        assert stored.size == (800, 600)
        assert not stored.getexif()
        assert "exif" not in stored.info


def test_transparent_png_stays_png(uploader):
    out = BytesIO()
    Image.new("RGBA", (50, 50), (255, 0, 0, 128)).save(out, format="PNG")
    response = upload(uploader, out.getvalue(), name="logo.png", content_type="image/png")
    assert response.status_code == 200
    assert response.json()["url"].endswith(".png")


def test_very_large_pictures_are_scaled_down(uploader, settings):
    settings.IMAGE_UPLOAD_MAX_SIDE = 1000
    response = upload(uploader, jpeg_with_gps_exif(size=(3000, 1500)))
    assert response.status_code == 200
    with Image.open(stored_files()[-1]) as stored:
        assert stored.size == (1000, 500)


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (
            b"<html><script>alert(1)</script></html>",
            "anh.jpg",
            "Tệp không phải là ảnh, hoặc đã bị hỏng.",
        ),
        (b"", "rong.jpg", "Tệp không phải là ảnh, hoặc đã bị hỏng."),
        (jpeg_with_gps_exif()[:200], "cut.jpg", "Tệp không phải là ảnh, hoặc đã bị hỏng."),
        (png_declaring(20_000, 10_000), "bom.png", "Ảnh khai báo quá nhiều điểm ảnh"),
        (png_declaring(8_000, 6_000), "lon.png", "Ảnh quá lớn (8000×6000 điểm ảnh)"),
    ],
)
def test_bad_files_get_a_clear_error_and_nothing_is_stored(uploader, content, name, message):
    response = upload(uploader, content, name=name)
    assert response.status_code == 400
    assert message in response.json()["error"]["message"]
    assert stored_files() == []


def test_the_24kb_bomb_is_small_but_declares_200_megapixels():
    bomb = png_declaring(20_000, 10_000)
    assert len(bomb) < 25_000


def test_files_over_the_size_limit_are_refused(uploader, settings):
    settings.IMAGE_UPLOAD_MAX_BYTES = 10_000
    response = upload(uploader, jpeg_with_gps_exif(size=(1600, 1200)))
    assert response.status_code == 400
    assert "Tệp quá lớn" in response.json()["error"]["message"]
    assert stored_files() == []


def test_missing_file(uploader):
    response = uploader.post(URL, {})
    assert response.status_code == 400
    assert "Chưa có tệp nào" in response.json()["error"]["message"]


def test_only_staff_with_the_permission_may_upload(client, moderator):
    assert upload(client, jpeg_with_gps_exif()).status_code == 403
    client.force_login(moderator)
    response = upload(client, jpeg_with_gps_exif())
    assert response.status_code == 403
    assert "không có quyền" in response.json()["error"]["message"]
    outsider = UserFactory(is_staff=False)
    outsider.user_permissions.add(Permission.objects.get(codename="upload_image"))
    client.force_login(outsider)
    assert upload(client, jpeg_with_gps_exif()).status_code == 403
    assert stored_files() == []


def test_get_is_not_allowed(uploader):
    assert uploader.get(URL).status_code == 405


def test_cover_images_are_reencoded_too(client, editor):
    from articles.models import Article
    from tests.factories import CategoryFactory

    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Bài có ảnh",
            "category": CategoryFactory().pk,
            "lead": "Sapo",
            "body": "<p>x</p>",
            "cover_image": SimpleUploadedFile("toa-do-gps.jpg", jpeg_with_gps_exif(), "image/jpeg"),
            "cover_alt": "Trụ sở HĐND tỉnh",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    article = Article.objects.get()
    assert "toa-do-gps" not in article.cover_image.name
    assert (article.cover_width, article.cover_height) == (800, 600)
    with Image.open(article.cover_image.path) as stored:
        assert not stored.getexif()
    # Renditions for srcset exist (WebP, several widths).
    assert article.cover_480.url.endswith(".webp")
    assert Path(article.cover_480.path).exists()


def test_a_cover_image_that_is_not_an_image_is_refused_with_the_form_kept(client, editor):
    from tests.factories import CategoryFactory

    client.force_login(editor)
    response = client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Tiêu đề giữ lại",
            "category": CategoryFactory().pk,
            "lead": "Sapo giữ lại",
            "body": "<p>x</p>",
            "cover_image": SimpleUploadedFile("x.jpg", png_declaring(20_000, 10_000), "image/jpeg"),
            "cover_alt": "Ảnh",
        },
    )
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tiêu đề giữ lại" in html
    assert "Sapo giữ lại" in html
    assert "errorlist" in html
