"""Flags inform moderators; a flagged comment still waits in the queue (nothing is lost)."""

import pytest

from comments.models import BlockedWord, Comment
from tests.comments.conftest import comment_data, comment_url, shown_seconds_ago

pytestmark = pytest.mark.django_db


@pytest.fixture
def sender(client, article):
    """Sends a comment (each from its own address, so limits stay out of the way)."""
    addresses = iter(f"192.0.2.{n}" for n in range(10, 250))

    def send(**fields):
        response = client.post(
            comment_url(article), comment_data(client, **fields), REMOTE_ADDR=next(addresses)
        )
        assert response.status_code == 302, response.content.decode()[:300]
        return Comment.objects.latest("pk")

    return send


def test_more_than_two_links_is_flagged(sender):
    comment = sender(content="Xem https://a.vn, http://b.com và www.c.net nhé")
    assert comment.flag_many_links
    assert comment.status == Comment.Status.PENDING
    assert "3 liên kết" in comment.flag_details
    assert not sender(content="Chỉ một link https://a.vn").flag_many_links


def test_blocked_words_match_regardless_of_case_and_diacritics(sender):
    BlockedWord.objects.create(phrase="lừa đảo")
    comment = sender(content="Đây là trò LUA DAO trắng trợn")
    assert comment.flag_blocked_words
    assert "lừa đảo" in comment.flag_details
    # A whole word only: "lừa" alone does not match the phrase.
    assert not sender(content="Đừng để bị lừa bởi tin đồn").flag_blocked_words


def test_the_same_content_again_within_a_day_is_flagged(sender):
    first = sender(content="Nội dung y hệt nhau")
    again = sender(content="  nội dung Y HỆT   nhau ")
    assert not first.flag_duplicate
    assert again.flag_duplicate


def test_filled_honeypot_is_flagged(sender):
    comment = sender(website="http://spam.example")
    assert comment.flag_bot
    assert "ô ẩn bị điền" in comment.flag_details


def test_sent_too_fast_after_the_form_was_shown_is_flagged(sender):
    comment = sender(shown=shown_seconds_ago(0.5))
    assert comment.flag_bot
    assert "giây sau khi hiện biểu mẫu" in comment.flag_details


def test_missing_or_forged_form_time_is_flagged(sender):
    assert sender(shown="").flag_bot
    assert sender(shown="1700000000:forged").flag_bot


def test_an_ordinary_comment_has_no_flag(sender):
    comment = sender()
    assert not comment.is_flagged
    assert comment.flag_details == ""


def test_moderators_edit_the_blocked_words(client, moderator):
    client.force_login(moderator)
    response = client.post("/admin/comments/blockedword/add/", {"phrase": "quảng cáo"})
    assert response.status_code == 302
    assert BlockedWord.objects.filter(phrase="quảng cáo").exists()
