"""The body is sanitised with nh3 when stored, whatever the editor or a crafted POST sent."""

import pytest
from django.urls import reverse

from articles.models import Article
from articles.text import sanitize_html
from tests.factories import ArticleFactory, CategoryFactory

pytestmark = pytest.mark.django_db

DANGEROUS = [
    ("<p>a<script>alert(1)</script>b</p>", "<p>ab</p>"),
    ('<p onclick="alert(1)">x</p>', "<p>x</p>"),
    ('<a href="javascript:alert(1)">x</a>', '<a rel="noopener noreferrer">x</a>'),
    ('<img src="data:image/png;base64,AAAA" alt="x">', '<img alt="x">'),
    ('<p style="color:red">x</p>', "<p>x</p>"),
    ('<iframe src="https://evil.example"></iframe><p>x</p>', "<p>x</p>"),
    ("<style>body{display:none}</style><p>x</p>", "<p>x</p>"),
    ('<svg onload="alert(1)"><circle/></svg>', ""),
    ('<object data="x.swf"></object>', ""),
    ('<form action="/x"><input name="a"></form>', ""),
    ("<!-- comment --><p>x</p>", "<p>x</p>"),
    (
        '<a href="https://example.vn" target="_blank">x</a>',
        '<a href="https://example.vn" rel="noopener noreferrer">x</a>',
    ),
]


@pytest.mark.parametrize(("dirty", "clean"), DANGEROUS)
def test_dangerous_markup_is_removed(dirty, clean):
    assert sanitize_html(dirty) == clean


def test_what_a_news_article_needs_is_kept():
    body = (
        "<h2>Mục</h2><h3>Tiểu mục</h3><p><strong>Đậm</strong> <em>nghiêng</em> "
        '<a href="https://hnp.example.vn/x">liên kết</a></p><ul><li>một</li></ul><ol><li>hai</li></ol>'
        "<blockquote><p>Trích dẫn</p></blockquote>"
        '<figure class="image"><img src="/media/uploads/2026/11/a.jpg" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>'
        '<figure class="table"><table><thead><tr><th>Cột</th></tr></thead><tbody><tr><td colspan="2">Ô</td></tr></tbody></table></figure>'
    )
    cleaned = sanitize_html(body)
    for fragment in (
        "<h2>Mục</h2>",
        "<h3>Tiểu mục</h3>",
        "<strong>Đậm</strong>",
        "<em>nghiêng</em>",
        'href="https://hnp.example.vn/x"',
        "<blockquote>",
        '<figure class="image"><img src="/media/uploads/2026/11/a.jpg" alt="Ảnh"><figcaption>Chú thích</figcaption></figure>',
        '<td colspan="2">Ô</td>',
        "<ul><li>một</li></ul>",
    ):
        assert fragment in cleaned


def test_the_model_sanitises_on_save():
    article = ArticleFactory(
        body='<p>ok</p><script>alert(1)</script><img src=x onerror="alert(1)">'
    )
    article.refresh_from_db()
    assert article.body == '<p>ok</p><img src="x">'


def test_a_crafted_admin_post_is_sanitised(client, editor):
    category = CategoryFactory()
    client.force_login(editor)
    client.post(
        reverse("admin:articles_article_add"),
        {
            "title": "Bài có mã độc",
            "category": category.pk,
            "lead": "Sapo",
            "body": '<h2 onmouseover="steal()">Tiêu đề</h2><script>steal()</script><p style="x">Nội dung</p>',
        },
    )
    assert Article.objects.get().body == "<h2>Tiêu đề</h2><p>Nội dung</p>"


def test_the_public_page_shows_the_sanitised_body(client):
    article = ArticleFactory(published=True, body="<p>An toàn</p><script>alert('x')</script>")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "<p>An toàn</p>" in html
    assert "alert('x')" not in html
