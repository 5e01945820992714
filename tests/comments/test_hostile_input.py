"""Hand-made values in any field of the comment form get a clean answer (never a 5xx),
and nothing with a control character reaches the database (PostgreSQL refuses NUL)."""

import unicodedata

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from tests.comments.conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db

HOSTILE = ["\x00abc", "abc\x00", "\x00", "\x1b[31mđỏ", "a\x7fb", "x\x85y", "\x08\x0b\x0c"]
FIELDS = ["name", "phone", "title", "content", "captcha_0", "captcha_1", "website", "shown"]


def _no_controls(text: str) -> bool:
    return not any(unicodedata.category(ch) == "Cc" and ch not in "\n\t" for ch in text)


def _queries_with_nul(queries) -> list[str]:
    return [q["sql"] for q in queries if "\x00" in q["sql"]]


@pytest.mark.parametrize("value", HOSTILE)
@pytest.mark.parametrize("field", FIELDS)
def test_control_characters_in_any_field_get_a_clean_answer_and_never_reach_the_database(
    client, article, field, value
):
    data = comment_data(client)
    data[field] = value if field not in ("name", "title", "content") else f"Bình {value} luận"
    with CaptureQueriesContext(connection) as queries:
        response = client.post(comment_url(article), data)
    assert response.status_code in (302, 400)
    assert _queries_with_nul(queries.captured_queries) == []
    for comment in Comment.objects.all():
        for stored in (comment.name, comment.phone, comment.title, comment.content):
            assert _no_controls(stored), repr(stored)


@pytest.mark.parametrize(
    "key",
    [
        "\x00abc",
        "",
        "abc",
        "0" * 39,
        "0" * 41,
        "G" * 40,
        "'; DROP TABLE x; --",
        "ａ" * 40,
        "0" * 40 + "\x00",
    ],
)
def test_a_key_that_is_not_a_captcha_key_is_refused_without_looking_it_up(client, article, key):
    data = comment_data(client, captcha_0=key)
    with CaptureQueriesContext(connection) as queries:
        response = client.post(comment_url(article), data)
    assert response.status_code == 400
    assert "Mã xác nhận này đã được dùng" in response.content.decode()
    # Only the fresh challenge of the form shown again touches the captcha table.
    lookups = [
        q["sql"]
        for q in queries.captured_queries
        if "captcha_captchastore" in q["sql"] and not q["sql"].startswith("INSERT")
    ]
    assert lookups == []
    assert Comment.objects.count() == 0


@pytest.mark.parametrize("path", ["/captcha/image/%00abc/", "/captcha/image/abc%00/@2/"])
def test_captcha_images_with_a_nul_in_the_key_are_not_found(client, path):
    assert client.get(path).status_code == 404


def test_the_captcha_endpoint_ignores_whatever_is_sent_along(client):
    response = client.get("/binh-luan/ma-xac-nhan/?captcha_0=%00&x=%00")
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()
    assert client.post("/binh-luan/ma-xac-nhan/", {"a": "\x00"}).status_code == 405


@pytest.mark.parametrize("query", ["\x00", "ha\x00noi", "\x1b[2J", "a\x7f", "%00"])
def test_search_with_control_characters_answers_normally(client, query):
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/tim-kiem/", {"q": query, "page": "\x00"})
    assert response.status_code == 200
    assert "\x00" not in response.content.decode()
    assert _queries_with_nul(queries.captured_queries) == []
