"""The article page writes nothing and is the same for every reader (DESIGN §3)."""

import pytest
from captcha.models import CaptchaStore

from tests.comments.conftest import comment_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def test_plain_article_view_creates_no_captcha_and_sets_no_cookie(client, article):
    response = client.get(article.get_absolute_url())
    assert response.status_code == 200
    assert CaptchaStore.objects.count() == 0
    assert not response.cookies
    assert "Cookie" not in response.get("Vary", "")
    html = response.content.decode()
    # The form's fields are there; the per-reader parts are not.
    for name in ("name", "phone", "title", "content", "consent", "captcha_0", "captcha_1"):
        assert f'name="{name}"' in html
    assert 'name="csrfmiddlewaretoken" value=""' in html
    assert 'name="captcha_0" value=""' in html


def test_article_page_links_to_the_comment_page_for_readers_without_javascript(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'href="{comment_url(article)}#viet-binh-luan"' in html
    assert "Viết bình luận" in html


def test_comment_page_renders_the_same_form_with_its_captcha(client, article):
    response = client.get(comment_url(article))
    assert response.status_code == 200
    assert CaptchaStore.objects.count() == 1
    key = CaptchaStore.objects.get().hashkey
    html = response.content.decode()
    assert f'name="captcha_0" value="{key}"' in html
    assert f"/captcha/image/{key}/" in html
    assert 'name="csrfmiddlewaretoken" value=""' not in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_comment_page_with_an_old_slug_redirects_permanently(client, article):
    response = client.get(comment_url(article).replace(article.slug, "ten-cu"))
    assert response.status_code == 301
    assert response["Location"] == comment_url(article)


def test_unpublished_article_has_no_comment_page(client):
    draft = ArticleFactory()
    assert client.get(comment_url(draft)).status_code == 404


def test_session_endpoint_is_never_cached(client):
    response = client.get("/binh-luan/ma-xac-nhan/")
    assert response.status_code == 200
    assert "no-cache" in response["Cache-Control"] or "no-store" in response["Cache-Control"]
    data = response.json()
    assert set(data) == {"csrf_token", "captcha", "shown"}
    assert data["captcha"]["image_url"].startswith("/captcha/image/")
