"""Requests that arrive together: each is counted before it is decided, and a solved
captcha is used once, whoever reaches it first."""

import threading

import pytest
from captcha.models import CaptchaStore
from django.db import connection, connections
from django.db.models import QuerySet
from django.test import Client

import comments.views
from comments.models import Comment
from tests.comments.conftest import comment_data, comment_url, shown_seconds_ago


@pytest.mark.django_db
def test_a_post_arriving_while_another_is_being_stored_is_counted(client, article, monkeypatch):
    """The second post comes in while the first is being stored (the window in which six
    parallel posts used to pass the check before any was counted)."""
    other = Client()
    second = comment_data(other, title="Cùng lúc", content="Gửi song song, đừng để mất.")
    inner = []
    real_submit = comments.views.submit_comment

    def submit_while_another_arrives(**kwargs):
        if not inner:
            inner.append(None)  # the inner post may store too: only once
            inner[0] = other.post(comment_url(article), second, REMOTE_ADDR="198.51.100.20")
        return real_submit(**kwargs)

    monkeypatch.setattr(comments.views, "submit_comment", submit_while_another_arrives)
    first = client.post(comment_url(article), comment_data(client), REMOTE_ADDR="198.51.100.20")

    assert first.status_code == 302
    assert inner[0].status_code == 429
    assert "Gửi song song, đừng để mất." in inner[0].content.decode()  # the text is kept
    assert Comment.objects.count() == 1


@pytest.mark.django_db
def test_a_captcha_read_by_two_posts_at_once_lets_only_one_through(client, article, monkeypatch):
    """The second post checks the same solved captcha between the first one reading it and
    deleting it: only the request whose DELETE removed the row may go on."""
    data = comment_data(client)
    other = Client()
    inner = []
    real_first = QuerySet.first

    def first_then_another_post(queryset):
        found = real_first(queryset)
        if queryset.model is CaptchaStore and not inner:
            inner.append(None)  # the inner post reads the captcha too: only once
            inner[0] = other.post(
                comment_url(article), {**data, "title": "Bản chép"}, REMOTE_ADDR="198.51.100.31"
            )
        return found

    monkeypatch.setattr(QuerySet, "first", first_then_another_post)
    response = client.post(comment_url(article), data, REMOTE_ADDR="198.51.100.30")

    assert inner[0].status_code == 302
    assert response.status_code == 400
    assert "Mã xác nhận này đã được dùng" in response.content.decode()
    assert list(Comment.objects.values_list("title", flat=True)) == ["Bản chép"]


# --- real parallel requests (PostgreSQL: each thread has its own connection) ------------


def _post_together(requests: list[tuple[dict, str]], url: str) -> list[int]:
    """POST each (data, address) from its own thread, all released at the same moment."""
    barrier = threading.Barrier(len(requests))
    statuses = [None] * len(requests)

    def send(index, data, address):
        try:
            browser = Client()
            barrier.wait()
            statuses[index] = browser.post(url, data, REMOTE_ADDR=address).status_code
        finally:
            connections.close_all()

    threads = [
        threading.Thread(target=send, args=(i, data, address))
        for i, (data, address) in enumerate(requests)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return statuses


def _solved_captchas(count: int) -> list[CaptchaStore]:
    return [CaptchaStore.objects.get(hashkey=CaptchaStore.generate_key()) for _ in range(count)]


def _data(store: CaptchaStore, n: int) -> dict:
    return {
        "name": "Nguyễn Thị Hoa",
        "phone": "",
        "title": f"Gửi song song {n}",
        "content": f"Bình luận số {n}.",
        "captcha_0": store.hashkey,
        "captcha_1": store.response,
        "consent": "on",
        "website": "",
        "shown": shown_seconds_ago(),
    }


@pytest.fixture
def _postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("threads need a database each of them can reach: PostgreSQL")


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_postgresql")
def test_six_parallel_posts_from_one_source_store_one(settings):
    from tests.factories import ArticleFactory

    # One a day: a window that cannot roll over during the test.
    settings.COMMENT_RATE_SHORT = "1/d"
    article = ArticleFactory(published=True)
    stores = _solved_captchas(6)
    statuses = _post_together(
        [(_data(store, n), "203.0.113.66") for n, store in enumerate(stores)], comment_url(article)
    )
    assert sorted(statuses) == [302] + [429] * 5
    assert Comment.objects.count() == 1


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("_postgresql")
def test_one_solved_captcha_posted_six_times_at_once_stores_one(settings):
    from tests.factories import ArticleFactory

    settings.COMMENT_RATE_SHORT = settings.COMMENT_RATE_LONG = "1000/s"
    article = ArticleFactory(published=True)
    (store,) = _solved_captchas(1)
    statuses = _post_together(
        [(_data(store, n), f"203.0.113.{70 + n}") for n in range(6)], comment_url(article)
    )
    assert sorted(statuses) == [302] + [400] * 5
    assert Comment.objects.count() == 1
    assert not CaptchaStore.objects.filter(pk=store.pk).exists()
