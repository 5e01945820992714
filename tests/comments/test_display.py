"""Approved comments under the article: plain text, oldest first, never personal data."""

from datetime import timedelta

import pytest
from django.utils import timezone
from django.utils.html import escape

from comments.models import Comment
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

XSS = [
    "<script>alert('xss')</script>",
    '<img src=x onerror="alert(1)">',
    "javascript:alert(1)",
    '"><svg onload=alert(1)>',
]


def test_approved_comments_are_shown_oldest_first_with_name_title_time(client, article):
    now = timezone.now()
    newer = CommentFactory(article=article, approved=True, title="Ý kiến sau", name="Người B")
    older = CommentFactory(article=article, approved=True, title="Ý kiến trước", name="Người A")
    Comment.objects.filter(pk=older.pk).update(created_at=now - timedelta(hours=2))
    Comment.objects.filter(pk=newer.pk).update(created_at=now - timedelta(hours=1))
    html = client.get(article.get_absolute_url()).content.decode()
    assert html.index("Ý kiến trước") < html.index("Ý kiến sau")
    assert "Người A" in html
    assert "Người B" in html
    assert "2 bình luận" in html
    assert timezone.localtime(now - timedelta(hours=2)).strftime("%H:%M %d/%m/%Y") in html


def test_without_comments_the_section_says_so_once(client, article):
    html = client.get(article.get_absolute_url()).content.decode()
    section = html[html.index('id="binh-luan"') :]
    assert '<h2 id="comments-title" class="section-title">Bình luận</h2>' in section
    assert "Chưa có bình luận nào." in section
    assert "0 bình luận" not in section


def test_pending_rejected_and_spam_comments_are_not_shown(client, article):
    for status in (Comment.Status.PENDING, Comment.Status.REJECTED, Comment.Status.SPAM):
        CommentFactory(article=article, status=status, title=f"Không hiện {status}")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Không hiện" not in html
    assert "Chưa có bình luận nào." in html


@pytest.mark.parametrize("payload", XSS)
def test_html_in_comments_is_shown_as_text(client, article, payload):
    CommentFactory(article=article, approved=True, title=payload, name=payload, content=payload)
    html = client.get(article.get_absolute_url()).content.decode()
    section = html[html.index('id="binh-luan"') :]
    # Shown exactly as typed, escaped; never as markup or a link.
    assert section.count(escape(payload)) >= 3
    if "<" in payload or '"' in payload:
        assert payload not in section
    assert 'href="javascript' not in section


def test_line_breaks_are_kept_and_links_are_not_clickable(client, article):
    CommentFactory(
        article=article, approved=True, content="Dòng một\nDòng hai\n\nXem https://example.vn"
    )
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Dòng một<br>Dòng hai<br><br>Xem https://example.vn" in html
    assert 'href="https://example.vn"' not in html


def test_phone_and_ip_never_appear_on_public_pages(client, article):
    CommentFactory(article=article, approved=True, phone="0912345678", ip_hash="f" * 64)
    for url in (article.get_absolute_url(), "/", article.category.get_absolute_url()):
        html = client.get(url).content.decode()
        assert "0912345678" not in html
        assert "09******78" not in html
        assert "f" * 64 not in html


def test_many_comments_are_paginated(client, article, settings):
    settings.COMMENTS_PER_PAGE = 5
    for n in range(12):
        CommentFactory(article=article, approved=True, title=f"Bình luận thứ {n:02d}")
    first = client.get(article.get_absolute_url()).content.decode()
    assert "Bình luận thứ 00" in first
    assert "Bình luận thứ 04" in first
    assert "Bình luận thứ 05" not in first
    assert "12 bình luận" in first
    assert "?trang-binh-luan=2#binh-luan" in first
    third = client.get(article.get_absolute_url() + "?trang-binh-luan=3").content.decode()
    assert "Bình luận thứ 10" in third
    assert "Bình luận thứ 11" in third
    assert "Bình luận thứ 09" not in third
    # A page number out of range falls back to the last page, never an error.
    assert client.get(article.get_absolute_url() + "?trang-binh-luan=99").status_code == 200


def test_article_page_queries_do_not_grow_with_comments(
    client,
    article,
    django_assert_max_num_queries,
    django_assert_num_queries,
    page_cache_off,
    cache_reads,
):
    CommentFactory.create_batch(3, article=article, approved=True)
    # A cold page fills the cached fragments (menu, comments, related lists, most read)
    # once: 10 queries, and with the database cache about 30 more (5 for each write).
    with django_assert_max_num_queries(10 + cache_reads(31)):
        assert client.get(article.get_absolute_url()).status_code == 200
    with django_assert_max_num_queries(8) as warm:
        assert client.get(article.get_absolute_url()).status_code == 200
    CommentFactory.create_batch(60, article=article, approved=True)
    with django_assert_num_queries(len(warm.captured_queries)):
        assert client.get(article.get_absolute_url()).status_code == 200
