"""An IPv6 client picks any address of its /64 at will: limits and fingerprints count the
/64 as one source."""

import pytest
from django.test import Client

from comments.models import Comment
from comments.personal_data import hash_ip
from core.net import source_of
from tests.comments.conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("address", "source"),
    [
        ("2001:db8:1:2::1", "2001:db8:1:2::/64"),
        ("2001:db8:1:2:ffff:ffff:ffff:ffff", "2001:db8:1:2::/64"),
        ("2001:DB8:1:2:0:0:0:1", "2001:db8:1:2::/64"),
        ("::ffff:203.0.113.7", "203.0.113.7"),
        ("203.0.113.7", "203.0.113.7"),
        ("not an address", "not an address"),
    ],
)
def test_the_source_of_an_address(address, source):
    assert source_of(address) == source


def test_addresses_of_one_64_have_one_fingerprint():
    assert hash_ip("2001:db8:1:2::1") == hash_ip("2001:db8:1:2:abcd::99")
    assert hash_ip("2001:db8:1:2::1") != hash_ip("2001:db8:1:3::1")
    assert hash_ip("::ffff:203.0.113.7") == hash_ip("203.0.113.7")


def test_a_new_address_in_the_same_64_does_not_escape_the_limit(article):
    first, second = Client(), Client()
    ok = first.post(comment_url(article), comment_data(first), REMOTE_ADDR="2001:db8:1:2::1")
    assert ok.status_code == 302
    again = second.post(
        comment_url(article),
        comment_data(second, title="Địa chỉ khác, cùng mạng"),
        REMOTE_ADDR="2001:db8:1:2:dead:beef:0:7",
    )
    assert again.status_code == 429
    assert Comment.objects.count() == 1


def test_another_64_is_another_source(article):
    first, second = Client(), Client()
    first.post(comment_url(article), comment_data(first), REMOTE_ADDR="2001:db8:1:2::1")
    other = second.post(
        comment_url(article),
        comment_data(second, title="Mạng khác"),
        REMOTE_ADDR="2001:db8:1:3::1",
    )
    assert other.status_code == 302
    assert Comment.objects.count() == 2


def test_the_stored_fingerprint_is_the_64s(client, article):
    client.post(comment_url(article), comment_data(client), REMOTE_ADDR="2001:db8:1:2::abc")
    assert Comment.objects.get().ip_hash == hash_ip("2001:db8:1:2::/64")


def test_captchas_are_counted_per_64(client, settings):
    settings.CAPTCHA_RATE = "2/m"
    statuses = [
        client.get("/binh-luan/ma-xac-nhan/", REMOTE_ADDR=f"2001:db8:9:9::{n}").status_code
        for n in range(1, 4)
    ]
    assert statuses == [200, 200, 429]
