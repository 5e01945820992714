"""Per-source limits kept in the shared cache: they hold across clients and processes."""

import pytest
from django.test import Client

from comments.models import Comment
from tests.comments.conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db


def test_a_second_comment_within_seconds_is_refused_with_429_and_the_text_kept(article):
    first, second = Client(), Client()  # two browsers behind the same address
    assert (
        first.post(
            comment_url(article), comment_data(first), REMOTE_ADDR="198.51.100.4"
        ).status_code
        == 302
    )
    data = comment_data(second, content="Bình luận thứ hai, đừng để mất.")
    response = second.post(comment_url(article), data, REMOTE_ADDR="198.51.100.4")
    assert response.status_code == 429
    html = response.content.decode()
    assert "Bạn gửi bình luận quá nhanh" in html
    assert "Bình luận thứ hai, đừng để mất." in html
    assert 'value="Ý kiến về kỳ họp"' in html
    assert Comment.objects.count() == 1


def test_another_source_is_not_affected(client, article):
    assert (
        client.post(
            comment_url(article), comment_data(client), REMOTE_ADDR="198.51.100.4"
        ).status_code
        == 302
    )
    other = Client()
    assert (
        other.post(
            comment_url(article), comment_data(other), REMOTE_ADDR="198.51.100.5"
        ).status_code
        == 302
    )


def test_five_comments_per_ten_minutes(client, article, settings):
    settings.COMMENT_RATE_SHORT = "100/s"  # isolate the long window
    settings.COMMENT_RATE_LONG = "5/10m"
    statuses = [
        client.post(
            comment_url(article), comment_data(client, title=f"Lần {n}"), REMOTE_ADDR="198.51.100.9"
        ).status_code
        for n in range(6)
    ]
    assert statuses == [302] * 5 + [429]
    assert Comment.objects.count() == 5


def test_a_refused_attempt_does_not_use_up_the_limit(client, article):
    """Typos (a wrong captcha) are not counted: only stored comments are."""
    bad = client.post(
        comment_url(article), comment_data(client, captcha_1="00000x"), REMOTE_ADDR="198.51.100.7"
    )
    assert bad.status_code == 400
    good = client.post(comment_url(article), comment_data(client), REMOTE_ADDR="198.51.100.7")
    assert good.status_code == 302


def test_forged_forwarded_for_does_not_bypass_the_limit_without_trusted_proxies(
    client, article, settings
):
    settings.TRUSTED_PROXY_COUNT = 0
    client.post(
        comment_url(article),
        comment_data(client),
        REMOTE_ADDR="198.51.100.4",
        HTTP_X_FORWARDED_FOR="1.1.1.1",
    )
    response = client.post(
        comment_url(article),
        comment_data(client, title="Lần hai"),
        REMOTE_ADDR="198.51.100.4",
        HTTP_X_FORWARDED_FOR="2.2.2.2",
    )
    assert response.status_code == 429


def test_behind_one_trusted_proxy_the_client_is_the_last_forwarded_address(
    client, article, settings
):
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy (10.0.0.1) appends the address it saw; the forged left part is ignored.
    client.post(
        comment_url(article),
        comment_data(client),
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="9.9.9.9, 198.51.100.4",
    )
    same_client = client.post(
        comment_url(article),
        comment_data(client, title="Lần hai"),
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="8.8.8.8, 198.51.100.4",
    )
    assert same_client.status_code == 429
    other_client = client.post(
        comment_url(article),
        comment_data(client, title="Lần ba"),
        REMOTE_ADDR="10.0.0.1",
        HTTP_X_FORWARDED_FOR="198.51.100.77",
    )
    assert other_client.status_code == 302
