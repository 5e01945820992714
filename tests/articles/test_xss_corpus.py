"""The XSS corpus against the article body sanitiser and the search page: nothing that runs
script comes out, and broken markup no longer swallows the rest of an article."""

import pytest
from django.utils.html import escape

from articles.search import clean_query
from articles.text import _ALLOWED_TAGS, sanitize_html
from tests.factories import ArticleFactory
from tests.xss_corpus import PAYLOADS, unsafe_parts


def _ids(payload: str) -> str:
    return payload[:40]


@pytest.mark.parametrize("payload", PAYLOADS, ids=_ids)
def test_nothing_that_runs_script_survives_the_body_sanitiser(payload):
    cleaned = sanitize_html(f"<p>Trước</p>{payload}<p>Phần còn lại của bài.</p>")
    assert unsafe_parts(cleaned, _ALLOWED_TAGS) == []
    assert "alert(1)</script>" not in cleaned
    assert "<p>Trước</p>" in cleaned


@pytest.mark.parametrize("payload", PAYLOADS, ids=_ids)
def test_the_rest_of_the_article_is_kept_after_any_of_them(payload):
    cleaned = sanitize_html(f"<p>Trước</p>{payload}<p>Phần còn lại của bài.</p><p>Hết.</p>")
    assert "Phần còn lại của bài." in cleaned
    assert "<p>Hết.</p>" in cleaned


@pytest.mark.parametrize(
    "broken",
    [
        "<math><style>",
        "<math><mi><style>",
        "<svg><style>",
        "<style>",
        "<script>",
        "<textarea>",
        "<title>",
        "<xmp>",
        "<iframe>",
        "<noembed>",
        "<noscript>",
        "<template>",
        "<!--",
        "<math><mtext><table><mglyph><style>",
        "<svg><foreignObject>",
    ],
)
def test_an_unclosed_element_does_not_swallow_the_rest_of_the_body(broken):
    body = f"<h2>Mục 1</h2><p>Đoạn một.</p>{broken}<h2>Mục 2</h2><p>Đoạn hai, <strong>đậm</strong>.</p>"
    cleaned = sanitize_html(body)
    assert cleaned.startswith("<h2>Mục 1</h2><p>Đoạn một.</p>")
    assert "<h2>Mục 2</h2><p>Đoạn hai, <strong>đậm</strong>.</p>" in cleaned


def test_closed_blocks_of_script_and_style_are_removed_with_their_content():
    cleaned = sanitize_html(
        "<p>a</p><style>p{color:red}</style><p>b</p><script>steal()</script><p>c</p>"
    )
    assert cleaned == "<p>a</p><p>b</p><p>c</p>"


def test_pathological_markup_is_sanitised_quickly():
    import time

    for body in ("<a" * 100_000, "<a" + "b" * 200_000, "<style>" * 30_000, "<!--" * 50_000):
        started = time.monotonic()
        sanitize_html(body)
        assert time.monotonic() - started < 2, body[:20]


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS[:12], ids=_ids)
def test_the_article_page_shows_the_sanitised_body(client, payload):
    article = ArticleFactory(published=True, body=f"<p>Mở đầu</p>{payload}<p>Kết thúc</p>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "alert(1)</script>" not in html
    assert "onerror=alert" not in html
    assert "Kết thúc" in html


@pytest.mark.django_db
@pytest.mark.parametrize("payload", PAYLOADS, ids=_ids)
def test_search_echoes_the_query_escaped(client, payload):
    response = client.get("/tim-kiem/", {"q": payload})
    assert response.status_code == 200
    html = response.content.decode()
    shown = clean_query(payload)
    assert escape(shown) in html
    if "<" in shown:
        assert shown not in html


@pytest.mark.django_db
def test_search_results_show_titles_escaped_with_the_words_marked(client):
    ArticleFactory(
        published=True,
        title='Hà Nội <script>alert(1)</script> <img src=x onerror="alert(1)">',
        lead="Tin <b>mới</b> về Hà Nội",
    )
    html = client.get("/tim-kiem/", {"q": "ha noi"}).content.decode()
    assert "<script>alert(1)" not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<mark>Hà Nội</mark>" in html
