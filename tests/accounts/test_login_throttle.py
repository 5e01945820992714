"""Five failed logins lock one username from one address for 15 minutes (django-axes)."""

import logging
from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.contrib.auth import SESSION_KEY
from django.db.models import F
from django.urls import reverse

from accounts import twofactor
from tests.accounts.conftest import ADDRESS, PASSWORD, post_code, post_password

pytestmark = pytest.mark.django_db


def fail(client, username, times, **kwargs):
    return [post_password(client, username, "sai-mat-khau", **kwargs) for _ in range(times)]


def reaches_second_step(response) -> bool:
    return response.status_code == 302 and response["Location"] in (
        reverse("accounts:second_factor"),
        reverse("accounts:set_up"),
    )


def test_four_failures_leave_the_door_open(client, editor):
    assert [r.status_code for r in fail(client, "bientap1", 4)] == [200] * 4
    assert reaches_second_step(post_password(client, "bientap1"))


def test_the_fifth_failure_locks_and_then_the_right_password_is_refused(client, editor):
    *_, fifth = fail(client, "bientap1", 5)
    assert fifth.status_code == 429
    page = fifth.content.decode()
    assert "Tạm khóa đăng nhập" in page
    assert "15 phút" in page

    refused = post_password(client, "bientap1")
    assert refused.status_code == 429
    assert SESSION_KEY not in client.session
    assert twofactor.PENDING_KEY not in client.session


def test_the_lock_ends_after_fifteen_minutes(client, editor):
    fail(client, "bientap1", 5)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=14))
    assert post_password(client, "bientap1").status_code == 429

    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=2))
    assert reaches_second_step(post_password(client, "bientap1"))


def test_tries_during_the_lock_do_not_prolong_it(client, editor):
    fail(client, "bientap1", 5)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=10))
    fail(client, "bientap1", 3)
    AccessAttempt.objects.update(attempt_time=F("attempt_time") - timedelta(minutes=6))
    assert reaches_second_step(post_password(client, "bientap1"))


def test_another_address_and_another_username_are_not_locked(client, editor, journalist):
    fail(client, "bientap1", 5)
    assert reaches_second_step(post_password(client, "bientap1", ip="198.51.100.20"))
    assert reaches_second_step(post_password(client, "phongvien1"))


def test_a_success_forgets_earlier_failures(client, editor, settings):
    settings.STAFF_2FA_REQUIRED = False
    fail(client, "bientap1", 4)
    assert post_password(client, "bientap1").status_code == 302
    client.logout()
    assert [r.status_code for r in fail(client, "bientap1", 4)] == [200] * 4


def test_behind_a_trusted_proxy_the_address_is_the_one_the_proxy_saw(client, editor, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(5):
        # The left part is the client's own claim; only the proxy's entry counts.
        post_password(
            client,
            "bientap1",
            "sai-mat-khau",
            ip="10.0.0.2",
            HTTP_X_FORWARDED_FOR=f"192.0.2.{n}, {ADDRESS}",
        )
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {ADDRESS}
    locked = post_password(
        client, "bientap1", ip="10.0.0.2", HTTP_X_FORWARDED_FOR=f"192.0.2.99, {ADDRESS}"
    )
    assert locked.status_code == 429
    other = post_password(client, "bientap1", ip="10.0.0.2", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert reaches_second_step(other)


def test_without_trusted_proxies_a_forged_header_changes_nothing(client, editor):
    for n in range(5):
        post_password(client, "bientap1", "sai-mat-khau", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert post_password(client, "bientap1", HTTP_X_FORWARDED_FOR="192.0.2.200").status_code == 429


def test_wrong_second_factor_codes_count_as_failures(client, editor, authenticator, settings):
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # django-otp's own slowing down is tested elsewhere
    assert post_password(client, "bientap1").status_code == 302
    answers = [post_code(client, "000000").status_code for _ in range(5)]
    assert answers == [200, 200, 200, 200, 429]
    assert twofactor.PENDING_KEY not in client.session
    assert post_password(client, "bientap1").status_code == 429
    stored = AccessAttempt.objects.get()
    assert "000000" not in stored.post_data
    assert PASSWORD not in stored.post_data


def test_logins_and_lockouts_are_logged_one_line_each_without_passwords(
    client, editor, settings, caplog
):
    settings.STAFF_2FA_REQUIRED = False
    with caplog.at_level(logging.INFO):
        post_password(client, "bientap1")
        client.logout()
        fail(client, "bientap1", 5)
    lines = [r.getMessage() for r in caplog.records if r.name.startswith("accounts")]
    logins = [line for line in lines if line.startswith("login:")]
    assert logins == [f"login: user=bientap1 ip={ADDRESS} second_factor=none"]
    locks = [line for line in lines if line.startswith("login locked")]
    assert locks == [f"login locked: user=bientap1 ip={ADDRESS} minutes=15"]
    assert len([line for line in lines if line.startswith("login refused")]) == 5
    everything = "\n".join(r.getMessage() for r in caplog.records)
    assert PASSWORD not in everything
    assert "sai-mat-khau" not in everything
    assert not [r for r in caplog.records if r.name.startswith("axes")]
