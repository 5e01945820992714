"""A request the site cannot read gets a 400 page in Vietnamese, never a 500."""

import pytest
from django.test import Client

import hnp.views
from comments.models import Comment
from tests.comments.conftest import comment_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

TOKEN = "a" * 32


@pytest.fixture
def browser():
    """A browser with a CSRF cookie, checked as in production."""
    client = Client(enforce_csrf_checks=True)
    client.cookies["csrftoken"] = TOKEN
    return client


def post_latin1(client, path):
    body = f"name=Nguy%E9n&csrfmiddlewaretoken={TOKEN}"
    return client.post(
        path, body, content_type="application/x-www-form-urlencoded; charset=latin-1"
    )


def test_a_form_in_another_charset_gets_the_vietnamese_400_page(browser):
    article = ArticleFactory(published=True)
    response = post_latin1(browser, comment_url(article))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Yêu cầu không hợp lệ" in html
    assert "Hệ thống không đọc được dữ liệu trình duyệt của bạn gửi đến." in html
    assert 'lang="vi"' in html
    assert Comment.objects.count() == 0


def test_anywhere_on_the_site(browser):
    assert post_latin1(browser, "/tim-kiem/").status_code == 400
    assert post_latin1(browser, "/").status_code == 400


def test_when_the_page_itself_fails_the_answer_is_still_400(browser, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("template trouble")

    monkeypatch.setattr(hnp.views, "render_to_string", broken)
    response = post_latin1(browser, "/")
    assert response.status_code == 400
    assert response.content.decode() == "Hệ thống không đọc được yêu cầu này."


def test_too_many_fields_is_a_400_too(browser, settings):
    settings.DATA_UPLOAD_MAX_NUMBER_FIELDS = 10
    body = "&".join(f"f{n}=1" for n in range(20)) + f"&csrfmiddlewaretoken={TOKEN}"
    response = browser.post("/", body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.content.decode()
