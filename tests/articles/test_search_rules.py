"""The rules of Vietnamese search (issue 14), each shown on a few articles, on SQLite and
PostgreSQL alike: whole syllables, phrases first, quoted phrases only, exact accents
first, both tone spellings, synonyms editors keep, suggestions, the result limit."""

from datetime import timedelta

import pytest
from django.utils import timezone

from articles import search
from articles.analysis import exact_form
from articles.models import SearchSynonym
from articles.text import fold
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db

SEARCH_URL = "/tim-kiem/"


def article(title, *, hours=1, lead="Tin tổng hợp.", body="<p>Nội dung.</p>"):
    return ArticleFactory(
        published=True,
        published_at=timezone.now() - timedelta(hours=hours),
        title=title,
        lead=lead,
        body=body,
    )


def found(client, q) -> list[int]:
    response = client.get(SEARCH_URL, {"q": q})
    assert response.status_code == 200
    return [result.article.pk for result in response.context["results"]]


def test_a_syllable_never_matches_inside_another(client):
    article("Khả năng chống ngập", lead="Thả cá.", body="<p>Nhà hàng.</p>")
    assert found(client, "ha") == []
    assert found(client, "kha") != []


def test_the_issue_example_puts_the_phrase_first(client):
    scattered = article("Hạ tầng: nơi nội đồng nối liền", hours=1, lead="Khả năng hoàn thành.")
    hanoi = article("Mưa lớn ở Hà Nội", hours=100)
    assert found(client, "ha noi") == [hanoi.pk, scattered.pk]


def test_a_quoted_phrase_matches_only_the_phrase(client):
    phrase = article("Hội đồng nhân dân họp", hours=50)
    scattered = article("Hội thi nông dân", hours=1, lead="Đồng bào và nhân dân tham gia.")
    assert found(client, "hội đồng nhân dân") == [phrase.pk, scattered.pk]
    assert found(client, '"hội đồng nhân dân"') == [phrase.pk]
    assert found(client, "“hoi dong nhan dan”") == [phrase.pk]


def test_exact_accents_rank_first_only_when_typed(client):
    place = article("Nơi tổ chức lễ hội", hours=1)
    inside = article("Nội bộ đoàn kết", hours=10)
    assert found(client, "nội") == [inside.pk, place.pk]
    assert found(client, "nơi") == [place.pk, inside.pk]
    assert found(client, "noi") == [place.pk, inside.pk]  # no accents: newest first


@pytest.mark.parametrize(
    ("old", "new"), [("hòa", "hoà"), ("thủy", "thuỷ"), ("qúy", "quý"), ("khỏe", "khoẻ")]
)
def test_both_tone_spellings_find_each_other_as_exact(client, old, new):
    assert exact_form(old) == exact_form(new)
    written_old = article(f"Chuyện {old} ở làng", hours=10)
    without_accents = article(f"Chuyện {fold(old)} trên phố", hours=1)
    assert found(client, new) == [written_old.pk, without_accents.pk]


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("HĐND tỉnh", "Hội đồng nhân dân tỉnh họp"),
        ("hội đồng nhân dân tỉnh", "HĐND tỉnh họp"),
        ("ubnd", "Ủy ban nhân dân xã tiếp dân"),
        ("uy ban nhan dan", "UBND xã tiếp dân"),
        ("tp hue", "Thành phố Huế trùng tu"),
        ("thanh pho hue", "TP Huế trùng tu"),
    ],
)
def test_abbreviations_work_both_ways(client, query, title):
    wanted = article(title)
    article("Tin khác trong ngày")
    assert found(client, query) == [wanted.pk]


@pytest.mark.usefixtures("pages_stored_at_once")
def test_editors_keep_the_synonym_table_and_search_pages_change_at_once(
    client, editor, django_capture_on_commit_callbacks
):
    article("Mặt trận Tổ quốc xã họp")
    assert found(client, "mttq") == []
    assert client.get(SEARCH_URL, {"q": "mttq"}).context is None  # served from the cache
    admin = client.__class__()
    admin.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        response = admin.post(
            "/admin/articles/searchsynonym/add/",
            {"term": "MTTQ", "meaning": "mặt trận tổ quốc"},
        )
    assert response.status_code == 302
    assert SearchSynonym.objects.filter(term="MTTQ").exists()
    html = client.get(SEARCH_URL, {"q": "mttq"}).content.decode()
    assert "<mark>Mặt trận Tổ quốc</mark> xã họp" in html


def test_the_synonym_form_refuses_empty_or_identical_sides_in_vietnamese(client, editor):
    admin = client.__class__()
    admin.force_login(editor)
    response = admin.post("/admin/articles/searchsynonym/add/", {"term": "!!", "meaning": "HĐND"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "Hãy viết ít nhất một từ" in html
    assert 'value="HĐND"' in html  # nothing typed is lost
    response = admin.post("/admin/articles/searchsynonym/add/", {"term": "HĐND", "meaning": "hdnd"})
    assert "phải khác" in response.content.decode()


def test_the_first_synonyms_come_with_the_migrations():
    pairs = set(SearchSynonym.objects.values_list("term", "meaning"))
    assert {
        ("HĐND", "hội đồng nhân dân"),
        ("UBND", "ủy ban nhân dân"),
        ("TP", "thành phố"),
    } <= pairs


def test_a_query_that_finds_nothing_gets_the_closest_one_that_does(client):
    article("Nghị quyết về ngân sách")
    html = client.get(SEARCH_URL, {"q": "nghi quyeet"}).content.decode()
    assert "Ý bạn là:" in html
    assert '<a href="?q=nghi+quyet">nghi quyet</a>' in html
    html = client.get(SEARCH_URL, {"q": "xyzzyqq"}).content.decode()
    assert "Ý bạn là:" not in html


def test_a_quoted_query_without_the_phrase_suggests_the_words(client):
    article("Ngân sách và nghị quyết")
    html = client.get(SEARCH_URL, {"q": '"nghị quyết ngân sách"'}).content.decode()
    assert '<a href="?q=nghi+quyet+ngan+sach">nghi quyet ngan sach</a>' in html


def test_beyond_the_limit_the_best_matches_are_shown_and_the_page_says_so(client, monkeypatch):
    monkeypatch.setattr(search, "RESULT_LIMIT", 3)
    import articles.views

    monkeypatch.setattr(articles.views, "RESULT_LIMIT", 3)
    # Newer articles that only scatter the words must not push out older, better ones.
    newer = [article("Thông báo", hours=n, lead="Giao ban về thông tin.") for n in (1, 2, 3, 4)]
    in_title = article("Giao thông nông thôn", hours=100)
    in_lead = article("Tin tổng hợp", hours=90, lead="Giao thông đô thị.")
    in_body = article("Tin ngắn", hours=80, lead="Tin.", body="<p>Đường giao thông mới.</p>")
    response = client.get(SEARCH_URL, {"q": "giao thong"})
    shown = [r.article.pk for r in response.context["results"]]
    assert shown == [in_title.pk, in_lead.pk, in_body.pk]
    assert not set(shown) & {a.pk for a in newer}
    assert "Hơn 3 bài viết" in response.content.decode()
    assert "3 bài phù hợp nhất" in response.content.decode()

    # Of one band, the newest come first; the walk stops once the page is full.
    response = client.get(SEARCH_URL, {"q": "giao ban"})
    assert [r.article.pk for r in response.context["results"]] == [a.pk for a in newer[:3]]
