"""The article page rebuilt (its views were added, a comment was approved) reuses what did
not change: the story, its metadata and the related lists are fragments each worker keeps
under the site's version and the article's last edit. Every change still shows at once."""

from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from articles.services import publish_article, reader_pages_changed
from articles.viewcounts import flush_view_counts
from core.pagecache import scope_changed
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def article_reads(client, url) -> tuple[str, int]:
    """The page, and how many queries read articles for it."""
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    reads = [q for q in queries.captured_queries if 'FROM "articles_article"' in q["sql"]]
    return response.content.decode(), len(reads)


@pytest.fixture
def story():
    article = ArticleFactory(
        published=True,
        title="Kỳ họp thứ mười",
        lead="Khai mạc kỳ họp.",
        published_at=timezone.now() - timedelta(days=1),
    )
    for days in (3, 2):
        ArticleFactory(
            published=True,
            category=article.category,
            title=f"Tin cũ {days} ngày",
            published_at=timezone.now() - timedelta(days=days),
        )
    return article


def test_a_rebuilt_page_reads_only_its_article(client, story, page_cache_off):
    url = story.get_absolute_url()
    html, first = article_reads(client, url)
    assert "Tin cũ 2 ngày" in html
    assert first == 3  # the article, its category's recent articles, the most read
    again, second = article_reads(client, url)
    assert second == 1  # the article: the rest is the same fragments
    assert again == html


def test_views_edits_and_new_articles_show_at_once(
    client, story, editor, django_capture_on_commit_callbacks
):
    url = story.get_absolute_url()
    client.get(url)
    flush_view_counts()
    html = client.get(url).content.decode()
    assert f"{story.view_count + 1} lượt xem" in html
    assert "Khai mạc kỳ họp." in html

    story.lead = "Bế mạc kỳ họp."
    with django_capture_on_commit_callbacks(execute=True):
        story.save()
        reader_pages_changed()
    html = client.get(url).content.decode()
    assert "Bế mạc kỳ họp." in html
    assert "Khai mạc kỳ họp." not in html

    newer = ArticleFactory(category=story.category, title="Tin mới trong ngày")
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article=newer, editor=editor)
    html = client.get(url).content.decode()
    recent = html.split('id="newer-title"')[1].split("</section>")[0]
    assert "Tin mới trong ngày" in recent


def rendered(response) -> set[str]:
    return {template.name for template in response.templates}


def test_another_articles_change_keeps_this_story_but_a_category_change_does_not(
    client, story, editor, rf, django_capture_on_commit_callbacks
):
    from django.contrib import admin

    from articles.models import Category

    url = story.get_absolute_url()
    assert "includes/_breadcrumb.html" in rendered(client.get(url))
    other = ArticleFactory(title="Tin khác chuyên mục")
    with django_capture_on_commit_callbacks(execute=True):
        publish_article(article=other, editor=editor)
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"  # the site changed: the page is rebuilt…
    assert "includes/_breadcrumb.html" not in rendered(response)  # …around the same story

    category = story.category
    category.name = "Chuyên mục mới tên"
    request = rf.post("/")
    request.user = editor
    with django_capture_on_commit_callbacks(execute=True):
        admin.site._registry[Category].save_model(request, category, None, True)
    response = client.get(url)
    assert "includes/_breadcrumb.html" in rendered(response)
    breadcrumb = response.content.decode().split('class="breadcrumb"')[1].split("</nav>")[0]
    assert "Chuyên mục mới tên" in breadcrumb


def test_an_article_without_comments_does_not_look_for_them(client, story, page_cache_off):
    from tests.comments.factories import CommentFactory

    def comment_reads():
        with CaptureQueriesContext(connection) as queries:
            html = client.get(story.get_absolute_url()).content.decode()
        reads = [q for q in queries.captured_queries if "comments_comment" in q["sql"]]
        return html, len(reads)

    html, reads = comment_reads()
    assert "Chưa có bình luận nào." in html
    assert reads == 0  # its stored count says none
    CommentFactory(article=story, approved=True, title="Ý kiến đầu tiên")
    scope_changed(f"article:{story.pk}")  # as approving does
    html, reads = comment_reads()
    assert "Ý kiến đầu tiên" in html
    assert reads == 1


def test_the_article_is_read_alone_and_its_names_come_from_the_workers_copy(
    client, editor, rf, django_capture_on_commit_callbacks, page_cache_off
):
    """One query without joins reads the article (nor its search document); its category,
    that one's parent and its series are kept per worker under the taxonomy version, so
    renaming any of them in the admin shows at once."""
    from django.contrib import admin

    from articles.models import Category, Series
    from tests.factories import CategoryFactory, SeriesFactory

    parent = CategoryFactory(name="Thời sự")
    category = CategoryFactory(name="Trong nước", parent=parent)
    series = SeriesFactory(title="Chuyển đổi số")
    article = ArticleFactory(
        published=True, category=category, series=series, part_number=1, title="Bước đầu"
    )
    url = article.get_absolute_url()
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        html = client.get(url).content.decode()
    [read] = [q for q in queries.captured_queries if "articles_article" in q["sql"]]
    assert "JOIN" not in read["sql"]
    assert "search_text" not in read["sql"]
    assert "Thời sự" in html
    assert "Trong nước" in html
    assert "Chuyển đổi số:" in html

    request = rf.post("/")
    request.user = editor
    for model, obj, field, name in (
        (Category, parent, "name", "Thời sự và chính trị"),
        (Series, series, "title", "Chuyển đổi số quốc gia"),
    ):
        setattr(obj, field, name)
        with django_capture_on_commit_callbacks(execute=True):
            admin.site._registry[model].save_model(request, obj, None, True)
        assert name in client.get(url).content.decode()


def test_articles_without_comments_share_one_rendered_section_with_their_own_form_address(
    client, page_cache_off
):
    from comments.templatetags import comment_tags

    comment_tags._empty_sections.clear()
    first, second = (ArticleFactory(published=True) for _ in range(2))
    html = {}
    for article in (first, second):
        response = client.get(article.get_absolute_url())
        html[article] = response.content.decode().split('id="binh-luan"')[1].split("</section>")[0]
        assert "Chưa có bình luận nào." in html[article]
        assert f'action="{article.get_absolute_url()}binh-luan/#viet-binh-luan"' in html[article]
    assert ("comments/_section.html" in rendered(response)) is False  # the second: reused
    address = {article: f"{article.get_absolute_url()}binh-luan/" for article in html}
    assert html[first].replace(address[first], "") == html[second].replace(address[second], "")
