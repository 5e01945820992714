"""The moderation queue stays fast with a million comments: a fixed number of queries per
view, counts that are exact where they are cheap and estimated where they are not, and a
search that reads an index (figures in comments/migrations/0003_queue_indexes.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from comments.admin import QueueCountPaginator
from comments.models import Comment, flagged_q
from tests.comments.factories import CommentFactory
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "/admin/comments/comment/"


def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")


def _queries(client, url) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def _add_comments(n, *, articles):
    for k in range(n):
        article = articles[k % len(articles)]
        CommentFactory(article=article, name=f"Bạn đọc {k}", flag_many_links=k % 3 == 0)
        CommentFactory(article=article, approved=True, flag_duplicate=k % 4 == 0)
        CommentFactory(article=article, status=Comment.Status.SPAM)


def test_queue_views_cost_the_same_queries_with_ten_times_the_comments(client, moderator):
    articles = [ArticleFactory(published=True, title=f"Bài có bình luận {k}") for k in range(3)]
    _add_comments(3, articles=articles)
    client.force_login(moderator)
    urls = [
        CHANGELIST,
        CHANGELIST + "?p=2",
        CHANGELIST + "?status__exact=all",
        CHANGELIST + "?status__exact=approved",
        CHANGELIST + "?flag=any",
        CHANGELIST + "?status__exact=all&flag=many_links",
        CHANGELIST + "?status__exact=all&flag=none",
        CHANGELIST + f"?article={articles[0].pk}",
        CHANGELIST + f"?status__exact=all&article={articles[0].pk}",
        CHANGELIST + "?created_at__gte=2000-01-01+00:00:00%2B07:00",
        CHANGELIST + "?q=Bạn đọc",
        CHANGELIST + "?status__exact=all&q=bình luận",
    ]
    for url in urls:
        client.get(url)  # the session, permissions and menus settle
    few = {url: _queries(client, url) for url in urls}
    _add_comments(30, articles=articles)
    assert {url: _queries(client, url) for url in urls} == few


def test_article_filter_lists_articles_with_pending_comments_busiest_first(client, moderator):
    busy = ArticleFactory(published=True, title="Nhiều ý kiến chờ duyệt")
    quiet = ArticleFactory(published=True, title="Một ý kiến chờ duyệt")
    done = ArticleFactory(published=True, title="Đã duyệt hết")
    CommentFactory.create_batch(3, article=busy)
    CommentFactory(article=quiet)
    CommentFactory.create_batch(5, article=done, approved=True)
    client.force_login(moderator)
    html = client.get(CHANGELIST).content.decode()
    assert html.index("Nhiều ý kiến chờ duyệt (3)") < html.index("Một ý kiến chờ duyệt (1)")
    assert "Đã duyệt hết" not in html


def test_queue_filters_by_the_date_it_was_sent(client, moderator):
    CommentFactory(title="Gửi vừa xong")
    client.force_login(moderator)
    assert "created_at__gte=" in client.get(CHANGELIST).content.decode()  # its choices
    since_2000 = "2000-01-01+00:00:00%2B07:00"
    html = client.get(f"{CHANGELIST}?created_at__gte={since_2000}").content.decode()
    assert "Gửi vừa xong" in html
    html = client.get(f"{CHANGELIST}?created_at__lt={since_2000}").content.decode()
    assert "Gửi vừa xong" not in html


# --- search --------------------------------------------------------------------------


def test_search_needs_every_word_in_the_comment_or_its_article_title():
    article = ArticleFactory(published=True, title="Kỳ họp thứ mười HĐND tỉnh")
    by_name = CommentFactory(name="Trần Văn Hùng", title="Ý kiến", content="Đồng ý.")
    in_content = CommentFactory(title="Góp ý", content="Thủ tục hành chính còn rườm rà.")
    in_title = CommentFactory(title="Sản phẩm OCOP", content="Rất tốt.")
    on_article = CommentFactory(article=article, title="Hay", content="Rất hay.")

    def found(text):
        return set(Comment.objects.search(text))

    assert found("Hùng") == {by_name}
    assert found("Thủ tục rườm") == {in_content}
    assert found("ocop") == {in_title}  # case does not matter
    assert found("Kỳ họp") == {on_article}
    assert found("Kỳ họp hay") == {on_article}  # one word in the article, one in the comment
    assert found("Hùng rườm") == set()  # every word must appear
    assert found('"hành chính còn"') == {in_content}
    assert found('"chính hành"') == set()


def test_admin_search_box_uses_the_same_search(client, moderator):
    CommentFactory(title="Về dự án cầu", content="Cần làm nhanh.")
    CommentFactory(title="Khác", content="Không liên quan.")
    client.force_login(moderator)
    html = client.get(CHANGELIST + "?q=dự án nhanh").content.decode()
    assert "Về dự án cầu" in html
    assert "Không liên quan" not in html


# --- counting ------------------------------------------------------------------------


def _counted(queryset, **settings) -> tuple[int, list[str]]:
    paginator = QueueCountPaginator(queryset, 50)
    for name, value in settings.items():
        setattr(paginator, name, value)
    with CaptureQueriesContext(connection) as queries:
        count = paginator.count
    return count, [query["sql"] for query in queries.captured_queries]


def test_a_short_list_is_counted_exactly():
    CommentFactory.create_batch(3)
    CommentFactory.create_batch(2, approved=True)
    count, sql = _counted(Comment.objects.pending())
    assert count == 3
    assert any("COUNT(" in statement for statement in sql)


@pytest.mark.postgresql
def test_a_long_or_costly_list_shows_the_planner_estimate_instead_of_counting():
    _needs_postgresql()
    CommentFactory.create_batch(40, approved=True)
    CommentFactory.create_batch(2)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE comments_comment")

    count, sql = _counted(Comment.objects.approved(), threshold=10)
    assert 10 < count < 400
    assert not any("COUNT(" in statement for statement in sql)

    count, sql = _counted(Comment.objects.approved(), threshold=1_000, cost_limit=0)
    assert not any("COUNT(" in statement for statement in sql)

    count, sql = _counted(Comment.objects.approved(), threshold=1_000, cost_limit=10**9)
    assert count == 40
    assert any("COUNT(" in statement for statement in sql)

    # The unfiltered list is estimated from the table's statistics, as before.
    count, sql = _counted(Comment.objects.all(), threshold=10)
    assert count == 42
    assert not any("COUNT(" in statement for statement in sql)


# --- indexes -------------------------------------------------------------------------


def _plan(queryset) -> str:
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        # Tables of a test are tiny: reading them whole would always win.
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("EXPLAIN " + sql, params)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    return plan


@pytest.mark.postgresql
@pytest.mark.parametrize(
    ("what", "index"),
    [
        ("search", "comment_search_idx"),
        ("article titles", "article_title_trgm_idx"),
        ("pending, oldest first", "comment_pending_idx"),
        ("pending per article", "comment_pending_idx"),
        ("flagged, oldest first", "comment_flagged_idx"),
        ("all, oldest first", "comment_created_idx"),
        ("one article's, oldest first", "comment_article_time_idx"),
    ],
)
def test_queue_queries_read_their_index(what, index):
    _needs_postgresql()
    article = ArticleFactory(published=True)
    CommentFactory(article=article)
    oldest_first = ("created_at", "pk")
    queryset = {
        "search": lambda: Comment.objects.search("thủ tục").order_by(),
        "article titles": lambda: Article.objects.filter(title__icontains="thủ tục").order_by(),
        "pending, oldest first": lambda: Comment.objects.pending().order_by(*oldest_first)[:50],
        "pending per article": lambda: Comment.objects.waiting_per_article()[:15],
        "flagged, oldest first": lambda: Comment.objects.filter(flagged_q()).order_by(
            *oldest_first
        )[:50],
        "all, oldest first": lambda: Comment.objects.order_by(*oldest_first)[:50],
        "one article's, oldest first": lambda: Comment.objects.filter(article=article).order_by(
            *oldest_first
        )[:50],
    }[what]()
    assert index in _plan(queryset)
