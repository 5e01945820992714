"""Bodies larger than their page accepts are refused from their Content-Length, before
the CSRF check or a view reads a byte of them."""

import io

import pytest
from django.conf import settings
from django.urls import reverse

from comments.models import Comment
from tests.comments.conftest import comment_data, comment_url
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

MB = 1024 * 1024


class Unreadable(io.RawIOBase):
    """A request body nobody may read: the test fails if anything tries."""

    def __init__(self):
        self.read_from = False

    def readable(self):
        return True

    def read(self, size=-1):
        self.read_from = True
        raise AssertionError("the body was read")

    readinto = read
    readline = read


def post_declaring(client, path: str, length: int, **extra):
    body = Unreadable()
    response = client.generic(
        "POST",
        path,
        b"",
        content_type="multipart/form-data; boundary=xyz",
        CONTENT_LENGTH=str(length),
        **{"wsgi.input": body},
        **extra,
    )
    return response, body


@pytest.fixture
def article():
    return ArticleFactory(published=True)


def test_a_600_mb_multipart_post_to_a_comment_page_is_refused_unread(client, article):
    client.cookies["csrftoken"] = "a" * 32  # the CSRF check would parse the body first
    response, body = post_declaring(client, comment_url(article), 600 * MB)
    assert response.status_code == 413
    assert body.read_from is False
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response.content.decode() == "Dữ liệu gửi lên quá lớn (tối đa 64,0\xa0KB)."
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    ("path", "limit"),
    [
        ("comment", settings.COMMENT_MAX_REQUEST_BYTES),
        ("/binh-luan/ma-xac-nhan/", settings.COMMENT_MAX_REQUEST_BYTES),
        ("/tai-anh-len/", settings.IMAGE_UPLOAD_MAX_BYTES + 64 * 1024),
        (
            f"/{settings.ADMIN_URL}articles/article/add/",
            settings.IMAGE_UPLOAD_MAX_BYTES + settings.DATA_UPLOAD_MAX_MEMORY_SIZE,
        ),
        (f"/{settings.ADMIN_URL}login/", settings.IMAGE_UPLOAD_MAX_BYTES + 2_621_440),
        ("/", settings.DATA_UPLOAD_MAX_MEMORY_SIZE),
        ("/tim-kiem/", settings.DATA_UPLOAD_MAX_MEMORY_SIZE),
        ("/no-such-page/", settings.DATA_UPLOAD_MAX_MEMORY_SIZE),
    ],
)
def test_each_part_of_the_site_has_its_limit(client, article, path, limit):
    path = comment_url(article) if path == "comment" else path
    over, _ = post_declaring(client, path, limit + 1)
    assert over.status_code == 413
    under, body = post_declaring(client, path, limit)
    assert under.status_code != 413


def test_a_comment_within_the_limit_goes_through(client, article):
    response = client.post(comment_url(article), comment_data(client, content="x" * 3000))
    assert response.status_code == 302


def test_the_image_limit_follows_the_setting(client, article, settings):
    settings.REQUEST_MAX_BYTES = {**settings.REQUEST_MAX_BYTES, "articles:image_upload": 1000}
    response, body = post_declaring(client, reverse("articles:image_upload"), 1001)
    assert response.status_code == 413
    assert not body.read_from


@pytest.mark.parametrize("length", ["", "abc", "-5", "1e9"])
def test_a_missing_or_garbled_length_is_left_to_django(client, article, length):
    """Django reads nothing without a valid Content-Length; nothing to refuse."""
    response = client.generic(
        "POST", comment_url(article), b"", content_type="text/plain", CONTENT_LENGTH=length
    )
    assert response.status_code < 500
