"""Search at /tim-kiem/?q=: accent-insensitive, ranked, published only, safe with any input.

The same tests run on SQLite (folded `search_text`) and PostgreSQL (full-text search with
the `hnp_vi` unaccent configuration); the last ones check PostgreSQL's own machinery."""

import unicodedata
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import timezone

from articles.analysis import document
from articles.models import Article
from articles.search import (
    MAX_QUERY_LENGTH,
    clean_query,
    query_terms,
    snippet,
)
from tests.factories import ArticleFactory, CategoryFactory, SeriesFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = "/tim-kiem/"


def search(client, q, **params):
    response = client.get(SEARCH_URL, {"q": q, **params})
    assert response.status_code == 200
    return response


def found(client, q) -> list[int]:
    """Ids of the articles on the first result page, in order."""
    return [result.article.pk for result in search(client, q).context["results"]]


def test_the_route_is_named_and_the_header_form_points_at_it(client):
    assert reverse("articles:search") == SEARCH_URL
    html = client.get("/").content.decode()
    assert f'action="{SEARCH_URL}"' in html


@pytest.mark.parametrize("q", ["ha noi", "Hà Nội", "HÀ NỘI", "hà nội", "Ha Noi", "HA NOI"])
def test_diacritics_and_case_do_not_matter(client, q):
    article = ArticleFactory(published=True, title="Hà Nội đẩy mạnh cải cách hành chính")
    ArticleFactory(published=True, title="Thời tiết miền Trung")
    assert found(client, q) == [article.pk]


def test_text_typed_without_diacritics_is_found_with_them(client):
    article = ArticleFactory(published=True, title="Tin ngan: ha noi mo rong duong vanh dai")
    assert found(client, "Hà Nội") == [article.pk]


@pytest.mark.parametrize("q", ["hdnd", "HDND", "HĐND", "hđnd", "Hđnd"])
def test_d_with_stroke_matches_d(client, q):
    # Unicode gives đ/Đ no decomposition: folding must map them to d by hand.
    article = ArticleFactory(published=True, title="Kỳ họp thứ 10 HĐND tỉnh khóa XVI")
    assert found(client, q) == [article.pk]


def test_a_word_typed_with_d_finds_dong(client):
    article = ArticleFactory(published=True, title="Đồng chí Bí thư Đảng ủy thăm đơn vị")
    assert found(client, "dong chi bi thu dang uy") == [article.pk]


def test_decomposed_unicode_in_the_article_is_found(client):
    # Some Vietnamese keyboards type "Unicode tổ hợp": a letter followed by combining marks.
    title = unicodedata.normalize("NFD", "Hội nghị tổng kết công tác năm")
    article = ArticleFactory(published=True, title=title)
    assert found(client, "hoi nghi tong ket") == [article.pk]
    assert found(client, "Hội nghị tổng kết") == [article.pk]


def test_a_decomposed_query_finds_composed_text(client):
    article = ArticleFactory(published=True, title="Hội nghị tổng kết công tác năm")
    assert found(client, unicodedata.normalize("NFD", "Hội nghị")) == [article.pk]


def test_every_word_must_appear(client):
    both = ArticleFactory(published=True, title="Giám sát ngân sách tỉnh")
    ArticleFactory(published=True, title="Giám sát môi trường")
    assert found(client, "giam sat ngan sach") == [both.pk]


def test_words_match_whole_words_only(client):
    ArticleFactory(published=True, title="Thanh Hóa tăng trưởng", lead="Chà, nhà hàng.")
    assert found(client, "ha") == []
    assert found(client, "hoa") != []


def test_words_may_come_from_title_lead_and_body_together(client):
    article = ArticleFactory(
        published=True, title="Kỳ họp thường lệ", lead="Đại biểu chất vấn.", body="<p>Ngân sách</p>"
    )
    assert found(client, "ky hop dai bieu ngan sach") == [article.pk]


def test_matches_in_the_title_rank_above_the_lead_and_the_lead_above_the_body(client):
    now = timezone.now()
    in_body = ArticleFactory(
        published=True,
        published_at=now - timedelta(hours=1),
        title="Tin tức trong ngày",
        body="<p>Lễ khánh thành cầu mới.</p>",
    )
    in_lead = ArticleFactory(
        published=True,
        published_at=now - timedelta(hours=2),
        title="Giao thông thuận lợi hơn",
        lead="Tỉnh tổ chức khánh thành cầu mới.",
    )
    in_title = ArticleFactory(
        published=True, published_at=now - timedelta(hours=3), title="Khánh thành cầu mới"
    )
    assert found(client, "khanh thanh cau") == [in_title.pk, in_lead.pk, in_body.pk]


def test_many_body_mentions_do_not_outrank_one_title(client):
    now = timezone.now()
    repeated = ArticleFactory(
        published=True,
        published_at=now,
        title="Tổng hợp",
        lead="Tổng hợp trong tuần.",
        body="<p>" + "Chuyển đổi số. " * 40 + "</p>",
    )
    titled = ArticleFactory(
        published=True, published_at=now - timedelta(days=30), title="Chuyển đổi số ở xã"
    )
    assert found(client, "chuyen doi so") == [titled.pk, repeated.pk]


def test_equal_matches_come_newest_first(client):
    now = timezone.now()
    older = ArticleFactory(published=True, published_at=now - timedelta(days=2), title="Mưa lớn")
    newer = ArticleFactory(published=True, published_at=now - timedelta(days=1), title="Mưa lớn")
    assert found(client, "mua lon") == [newer.pk, older.pk]


def test_only_published_articles_are_found(client):
    title = "Nghị quyết về phát triển du lịch"
    visible = ArticleFactory(published=True, title=title)
    ArticleFactory(title=title)  # draft
    ArticleFactory(title=title, status=Article.Status.REVIEW)
    ArticleFactory(
        title=title,
        status=Article.Status.PUBLISHED,
        published_at=timezone.now() + timedelta(hours=2),  # scheduled
    )
    assert found(client, "nghi quyet du lich") == [visible.pk]


def test_search_chains_with_published_either_way():
    visible = ArticleFactory(published=True, title="Đường làng mới")
    ArticleFactory(title="Đường làng mới")
    assert list(Article.objects.published().search("duong lang")) == [visible]
    assert list(Article.objects.search("duong lang").published()) == [visible]
    assert Article.objects.search("duong lang").count() == 2


def test_an_edited_article_is_found_by_its_new_words():
    article = ArticleFactory(published=True, title="Bản tin sáng")
    article.title = "Bản tin tối"
    article.save(update_fields=["title", "updated_at"])
    assert list(Article.objects.published().search("ban tin toi")) == [article]
    assert list(Article.objects.published().search("ban tin sang")) == []


def test_bulk_created_articles_are_found_by_the_document_they_were_given():
    # bulk_create skips save(): whoever bulk-creates fills the search document (the
    # benchmark generator does); PostgreSQL's trigger indexes it.
    category, user = CategoryFactory(), ArticleFactory().created_by
    now = timezone.now()
    Article.objects.bulk_create(
        [
            Article(
                category=category,
                created_by=user,
                title="Lễ hội đền Hùng",
                slug="le-hoi-den-hung",
                lead="Hàng vạn người dự.",
                search_text=document(
                    title="Lễ hội đền Hùng", lead="Hàng vạn người dự.", body_text=""
                ),
                status=Article.Status.PUBLISHED,
                published_at=now - timedelta(minutes=5),
            )
        ]
    )
    assert Article.objects.published().search("le hoi den hung").count() == 1


def test_a_new_reader_finds_an_article_by_typing_its_title_without_diacritics(client):
    # Enough other articles that the right one has to be ranked, not just found.
    for n in range(15):
        ArticleFactory(
            published=True,
            title=f"Hội đồng nhân dân xã số {n} họp phiên thường kỳ",
            body="<p>Khẳng định vai trò giám sát.</p>",
        )
    wanted = ArticleFactory(
        published=True,
        published_at=timezone.now() - timedelta(days=400),
        title="Khẳng định vai trò của Hội đồng nhân dân các cấp",
    )
    home = client.get("/").content.decode()
    assert 'name="q"' in home

    response = search(client, "khang dinh vai tro cua hoi dong nhan dan cac cap")
    results = response.context["results"]
    assert results[0].article == wanted
    html = response.content.decode()
    assert wanted.get_absolute_url() in html
    assert "<mark>Khẳng định vai trò của Hội đồng nhân dân các cấp</mark>" in html


def test_a_result_shows_title_date_category_and_a_highlighted_snippet(client):
    category = CategoryFactory(name="Thời sự")
    article = ArticleFactory(
        published=True,
        category=category,
        title="Hà Nội mở rộng đường vành đai",
        lead="Thành phố Hà Nội khởi công dự án.",
        published_at=datetime(2025, 1, 25, 12, 28, tzinfo=ZoneInfo("Asia/Ho_Chi_Minh")),
    )
    html = search(client, "ha noi").content.decode()
    url = article.get_absolute_url()
    assert f'<a href="{url}"><mark>Hà Nội</mark> mở rộng' in html
    assert "12:28 25/01/2025" in html
    assert 'href="/chuyen-muc/thoi-su/">Thời sự</a>' in html
    assert "Thành phố <mark>Hà Nội</mark> khởi công dự án." in html


def test_a_series_result_shows_its_kicker_and_part(client):
    series = SeriesFactory(title="Nâng cao chất lượng HĐND")
    ArticleFactory(published=True, series=series, part_number=2, title="Tiếp xúc cử tri")
    html = search(client, "tiep xuc cu tri").content.decode()
    assert "Nâng cao chất lượng HĐND:" in html
    assert "Bài 2: <mark>Tiếp xúc cử tri</mark>" in html


def test_the_snippet_comes_from_the_body_when_the_lead_has_no_match(client):
    ArticleFactory(
        published=True,
        title="Báo cáo",
        lead="Tóm tắt nội dung.",
        body="<p>Phần đầu.</p><h2>Chi tiết</h2><p>Ngân sách năm 2025 tăng 8%.</p>",
    )
    html = search(client, "ngan sach").content.decode()
    assert "<mark>Ngân sách</mark> năm 2025 tăng 8%." in html


def test_the_snippet_is_the_lead_when_the_title_holds_every_word(client):
    ArticleFactory(
        published=True,
        title="Bản tin Hà Nội",
        lead="Tin vắn trong ngày của Thủ đô.",
        body="<p>Nội dung ở Hà Nội.</p>",
    )
    html = search(client, "ha noi").content.decode()
    assert "Tin vắn trong ngày của Thủ đô." in html
    assert "Nội dung ở" not in html


def test_the_snippet_comes_from_the_text_with_more_of_the_words(client):
    ArticleFactory(
        published=True,
        title="Báo cáo",
        lead="Tóm tắt về ngân sách.",
        body="<p>Ngân sách tỉnh năm nay tăng.</p>",
    )
    html = search(client, "ngan sach tinh").content.decode()
    assert "<mark>Ngân sách tỉnh</mark> năm nay tăng." in html


def test_the_snippet_and_title_are_escaped(client):
    ArticleFactory(
        published=True,
        title="Thẻ <b>đậm</b> & ký hiệu",
        lead='Chuỗi <script>alert("x")</script> vẫn là chữ.',
    )
    html = search(client, "ky hieu").content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "Thẻ &lt;b&gt;đậm&lt;/b&gt; &amp; <mark>ký hiệu</mark>" in html


def test_results_are_paginated_and_pages_keep_the_query(client):
    ArticleFactory.create_batch(25, published=True, title="Phòng chống thiên tai")
    first = search(client, "phong chong")
    assert len(first.context["results"]) == 20
    assert first.context["paginator"].count == 25
    html = first.content.decode()
    assert "25 bài viết" in html
    assert 'href="?q=phong+chong&amp;page=2"' in html
    second = search(client, "phong chong", page=2)
    assert len(second.context["results"]) == 5
    first_ids = {r.article.pk for r in first.context["results"]}
    assert not first_ids & {r.article.pk for r in second.context["results"]}


@pytest.mark.parametrize("page", ["999", "0", "-1", "abc", "2.5", ""])
def test_an_odd_page_number_shows_a_page_not_an_error(client, page):
    ArticleFactory.create_batch(3, published=True, title="Phòng chống thiên tai")
    response = search(client, "thien tai", page=page)
    assert len(response.context["results"]) == 3


@pytest.mark.parametrize(
    "q",
    [
        "",
        "   ",
        '"',
        "'",
        "''",
        "%",
        "%%",
        "_",
        "\\",
        "&",
        "|",
        "!",
        ":*",
        "()",
        "<->",
        "ha & noi | !x",
        "' OR '1'='1",
        "1; DROP TABLE articles_article; --",
        '" UNION SELECT password FROM auth_user --',
        "<script>alert(1)</script>",
        '"><img src=x onerror=alert(1)>',
        "\x00",
        "ha\x00noi",
        "\t\n\r",
        "😀 🇻🇳",
        "一二三",
        "x" * 5000,
        "hà nội " * 800,
    ],
)
def test_odd_queries_give_a_normal_page(
    client, q, django_assert_max_num_queries, page_cache_off, cache_reads
):
    ArticleFactory(published=True, title="Hà Nội mùa thu")
    client.get(SEARCH_URL)  # warms the cached menu and sidebar
    # Reads of the cache: the site's version, the menu, the most-read box.
    with django_assert_max_num_queries(6 + cache_reads(3)):
        response = search(client, q)
    html = response.content.decode()
    assert "<script>alert" not in html
    assert "<img src=x" not in html
    assert "\x00" not in html
    assert len(response.context["search_query"]) <= MAX_QUERY_LENGTH


def test_the_query_is_echoed_escaped(client):
    html = search(client, "<b>\"Hà\" & 'Nội'</b>").content.decode()
    assert "&lt;b&gt;&quot;Hà&quot; &amp; &#x27;Nội&#x27;&lt;/b&gt;" in html
    assert 'value="&lt;b&gt;&quot;Hà&quot; &amp; &#x27;Nội&#x27;&lt;/b&gt;"' in html


def test_a_very_long_query_is_cut_and_still_searched(client):
    article = ArticleFactory(published=True, title="Hà Nội mùa thu")
    # Cut between words: a half word at the end would find nothing.
    assert search(client, "ha noi " + "x" * 5000).context["search_query"] == "ha noi"
    assert search(client, "x" * 5000).context["search_query"] == "x" * MAX_QUERY_LENGTH
    assert found(client, "ha noi " * 700) == [article.pk]


def test_an_empty_query_asks_for_words_and_runs_no_search(client):
    ArticleFactory(published=True)
    response = search(client, "")
    html = response.content.decode()
    assert "Nhập một hay nhiều từ" in html
    assert response.context["results"] == []


def test_no_match_says_so(client):
    html = search(client, "khong co bai nao").content.decode()
    assert "Không có bài viết nào chứa đủ các từ này." in html


def test_result_pages_are_not_indexed(client):
    html = search(client, "ha noi").content.decode()
    assert '<meta name="robots" content="noindex, follow">' in html


def test_search_page_queries_do_not_grow_with_results(
    client, django_assert_max_num_queries, page_cache_off, cache_reads
):
    series = SeriesFactory()
    for n in range(30):
        ArticleFactory(
            published=True,
            title=f"Cải cách hành chính {n}",
            series=series if n % 2 else None,
            part_number=n if n % 2 else None,
        )
    client.get("/")  # warms the cached menu
    with django_assert_max_num_queries(8 + cache_reads(3)):
        response = search(client, "cai cach hanh chinh")
    assert len(response.context["results"]) == 20


# --- The building blocks ------------------------------------------------------------------


def test_clean_query_removes_control_characters_and_cuts():
    assert clean_query("  Hà\x00 \t Nội\n ") == "Hà Nội"
    assert clean_query(None) == ""
    assert len(clean_query("a" * 5000)) == MAX_QUERY_LENGTH
    assert clean_query("Hà Nội " * 100) == ("Hà Nội " * 100)[:MAX_QUERY_LENGTH].rsplit(" ", 1)[0]


def test_query_terms_are_folded_words():
    assert query_terms("Hà Nội, HĐND & 'quận' Đống-Đa") == [
        "ha",
        "noi",
        "hdnd",
        "quan",
        "dong",
        "da",
    ]
    assert query_terms("%_'\"") == []


def test_snippet_marks_whole_words_in_decomposed_text():
    text = unicodedata.normalize("NFD", "Hà Nội và Hà Nam")
    html = snippet([text], ["noi"])
    assert html.count("<mark>") == 1
    assert f"<mark>{unicodedata.normalize('NFD', 'Nội')}</mark>" in html


def test_snippet_is_cut_around_the_first_match_at_word_boundaries():
    text = "Mở đầu " * 60 + "ngân sách tỉnh" + " kết thúc" * 60
    html = snippet([text], ["ngan", "sach"], length=120)
    assert html.startswith("… ")
    assert html.endswith(" …")
    assert "<mark>ngân sách</mark> tỉnh" in html
    plain = html.replace("<mark>", "").replace("</mark>", "")
    assert all(
        word in {"…", "Mở", "đầu", "ngân", "sách", "tỉnh", "kết", "thúc"} for word in plain.split()
    )


def test_snippet_without_a_match_is_the_start_of_the_lead():
    assert snippet(["Phần mở đầu.", "Thân bài."], ["khong"]) == "Phần mở đầu."


# --- PostgreSQL's own machinery ---------------------------------------------------------


def _needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")


@pytest.mark.postgresql
def test_postgresql_search_column_is_the_stored_document_with_fields_as_weights():
    _needs_postgresql()
    article = ArticleFactory(
        published=True, title="Tiêu đề", lead="Phần mở đầu", body="<p>Nội dung <b>đậm</b></p>"
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT search_vector::text, search_text FROM articles_article WHERE id = %s",
            [article.pk],
        )
        vector, text = cursor.fetchone()
    assert vector == text
    assert "'tieu':1A" in vector
    assert "'tiêu':1A" in vector
    assert "'tieu_de':1A" in vector
    assert "'mo':2B" in vector
    assert "'noi_dung':3C" in vector
    assert "'dam':3C" in vector
    assert "'p'" not in vector
    assert "'b'" not in vector


@pytest.mark.postgresql
def test_postgresql_search_uses_the_gin_index():
    _needs_postgresql()
    ArticleFactory.create_batch(3, published=True)
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL enable_seqscan = off")
        cursor.execute("SET LOCAL enable_indexscan = off")
    plan = Article.objects.search("ha noi").explain()
    assert "Bitmap Index Scan on article_search_vector_idx" in plan, plan


@pytest.mark.postgresql
def test_postgresql_search_index_has_no_pending_list():
    """Saved articles go into the GIN index itself: a pending list would be read in full
    by every search until a vacuum merged it."""
    _needs_postgresql()
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT reloptions FROM pg_class WHERE relname = 'article_search_vector_idx'"
        )
        assert "fastupdate=off" in (cursor.fetchone()[0] or [])
