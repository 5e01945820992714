import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_unknown_page_gets_a_friendly_vietnamese_404(client):
    response = client.get("/khong-co-trang-nay/")
    assert response.status_code == 404
    html = response.content.decode()
    assert '<html lang="vi">' in html
    assert "Không tìm thấy trang" in html
    assert "Về trang chủ" in html


def test_server_error_page_is_in_vietnamese():
    response = server_error(RequestFactory().get("/"))
    html = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="vi">' in html
    assert "Đã có lỗi xảy ra" in html


def test_base_layout_is_vietnamese_with_landmarks(client):
    html = client.get("/").content.decode()
    assert '<html lang="vi">' in html
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html
    assert "Trang chủ" in html
    assert "Chuyển đến nội dung chính" in html


def test_robots_txt_keeps_the_admin_out_and_names_the_sitemap(client, settings):
    body = client.get("/robots.txt").content.decode()
    assert f"Disallow: /{settings.ADMIN_URL}" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body
    assert "Disallow: /bai-viet/*/binh-luan/" in body


def test_privacy_notice_names_the_law_and_the_retention(client, settings):
    html = client.get("/chinh-sach-bao-ve-du-lieu/").content.decode()
    assert "91/2025/QH15" in html
    assert "356/2025/NĐ-CP" in html
    assert f"{settings.COMMENT_PERSONAL_DATA_DAYS} ngày" in html


def test_responses_carry_security_headers(client):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "default-src 'self'" in response["Content-Security-Policy"]
