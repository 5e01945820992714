"""A signed-in session ends after 30 idle minutes, and 12 hours after the login."""

import time

import pytest
from django.contrib.auth import SESSION_KEY

from accounts.middleware import SEEN_AT, SIGNED_IN_AT
from tests.accounts.conftest import post_password

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"
MINUTE, HOUR = 60, 3600


def set_times(client, *, signed_in_ago: float, seen_ago: float) -> None:
    now = time.time()
    session = client.session
    session[SIGNED_IN_AT] = now - signed_in_ago
    session[SEEN_AT] = now - seen_ago
    session.save()


def test_the_limits_default_to_thirty_minutes_and_twelve_hours(settings):
    assert settings.STAFF_SESSION_IDLE_SECONDS == 30 * MINUTE
    assert settings.STAFF_SESSION_MAX_SECONDS == 12 * HOUR
    assert settings.SESSION_COOKIE_AGE == 12 * HOUR


def test_a_login_records_when_it_happened(client, editor, settings):
    settings.STAFF_2FA_REQUIRED = False
    post_password(client, "bientap1")
    assert time.time() - client.session[SIGNED_IN_AT] < MINUTE
    assert client.session[SEEN_AT] == client.session[SIGNED_IN_AT]


def test_thirty_idle_minutes_end_the_session(client, editor):
    client.force_login(editor)
    set_times(client, signed_in_ago=HOUR, seen_ago=30 * MINUTE + 1)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert SESSION_KEY not in client.session
    page = client.get(response["Location"]).content.decode()
    assert "sau 30 phút không hoạt động" in page


def test_activity_keeps_the_session_alive(client, editor):
    client.force_login(editor)
    set_times(client, signed_in_ago=HOUR, seen_ago=29 * MINUTE)
    assert client.get(ADMIN).status_code == 200
    assert time.time() - client.session[SEEN_AT] < MINUTE
    # Each request within a minute of the last recorded one does not write the session.
    set_times(client, signed_in_ago=HOUR, seen_ago=20)
    seen = client.session[SEEN_AT]
    assert client.get(ADMIN).status_code == 200
    assert client.session[SEEN_AT] == seen


def test_twelve_hours_after_the_login_the_session_ends_however_active(client, editor):
    client.force_login(editor)
    set_times(client, signed_in_ago=12 * HOUR + 1, seen_ago=1)
    response = client.get(ADMIN)
    assert response["Location"].startswith("/admin/login/")
    assert SESSION_KEY not in client.session
    assert "tối đa 12 giờ" in client.get(response["Location"]).content.decode()


def test_the_limits_follow_the_settings(client, editor, settings):
    settings.STAFF_SESSION_IDLE_SECONDS = 5 * MINUTE
    client.force_login(editor)
    set_times(client, signed_in_ago=10 * MINUTE, seen_ago=6 * MINUTE)
    assert client.get(ADMIN).status_code == 302


def test_a_session_from_before_the_limits_starts_counting_now(client, editor):
    client.force_login(editor)
    session = client.session
    del session[SIGNED_IN_AT], session[SEEN_AT]
    session.save()
    assert client.get(ADMIN).status_code == 200
    assert time.time() - client.session[SIGNED_IN_AT] < MINUTE
