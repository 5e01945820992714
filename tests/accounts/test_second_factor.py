"""Staff log in with a password, then a code: set up at the first login, then asked every time."""

import re
import time

import pytest
from django.contrib.auth import SESSION_KEY
from django.urls import reverse
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor
from tests.accounts.conftest import post_code, post_password
from tests.otp import code_now, key_from_text, unused_code

pytestmark = pytest.mark.django_db

ADMIN = "/admin/"


def admin_opens(client) -> bool:
    return client.get(ADMIN).status_code == 200


def shown_secret(page: str) -> str:
    return re.search(r'id="totp-secret">([A-Z2-7 ]+)<', page).group(1)


def test_first_login_sets_up_the_app_and_shows_ten_recovery_codes_once(client, editor):
    response = post_password(client, "bientap1")
    assert response["Location"] == reverse("accounts:set_up")
    assert SESSION_KEY not in client.session
    assert not admin_opens(client)

    page = client.get(reverse("accounts:set_up")).content.decode()
    assert 'src="data:image/svg+xml' in page
    assert "Thiết lập xác thực hai bước" in page
    key = key_from_text(shown_secret(page))
    assert client.get(reverse("accounts:set_up")).content.decode().count(shown_secret(page)) == 1

    wrong = post_code(client, "000000", url_name="accounts:set_up")
    assert wrong.status_code == 200
    assert "Mã không đúng" in wrong.content.decode()
    assert SESSION_KEY not in client.session
    TOTPDevice.objects.filter(user=editor).update(throttling_failure_count=0)

    confirmed = post_code(client, code_now(key), url_name="accounts:set_up")
    assert confirmed["Location"] == reverse("accounts:recovery_codes")
    device = TOTPDevice.objects.get(user=editor)
    assert device.confirmed
    assert device.bin_key == key

    page = client.get(reverse("accounts:recovery_codes")).content.decode()
    shown = re.findall(r"<li><code>([a-z2-7]{8})</code></li>", page)
    stored = StaticToken.objects.filter(device__user=editor).values_list("token", flat=True)
    assert len(shown) == 10
    assert sorted(shown) == sorted(stored)
    assert f'href="{ADMIN}"' in page
    again = client.get(reverse("accounts:recovery_codes")).content.decode()
    assert not any(code in again for code in shown)

    assert admin_opens(client)


def test_the_code_is_asked_after_the_password(client, editor, authenticator):
    response = post_password(client, "bientap1", next_url="/admin/articles/article/")
    assert response["Location"] == reverse("accounts:second_factor")
    assert SESSION_KEY not in client.session
    assert not admin_opens(client)
    page = client.get(reverse("accounts:second_factor")).content.decode()
    assert "Xác thực hai bước" in page

    wrong = post_code(client, "123456")
    assert wrong.status_code == 200
    assert "Mã không đúng." in wrong.content.decode()
    assert SESSION_KEY not in client.session

    authenticator.throttle_reset()  # one wrong code makes the next wait a second
    right = post_code(client, unused_code(authenticator))
    assert right["Location"] == "/admin/articles/article/"
    assert client.session[DEVICE_ID_SESSION_KEY] == authenticator.persistent_id
    assert admin_opens(client)


def test_a_code_is_accepted_only_once(client, editor, authenticator):
    code = unused_code(authenticator)
    post_password(client, "bientap1")
    assert post_code(client, code).status_code == 302
    client.logout()
    post_password(client, "bientap1")
    assert post_code(client, code).status_code == 200
    assert SESSION_KEY not in client.session


def test_guessing_is_slowed_down(client, editor, authenticator):
    post_password(client, "bientap1")
    post_code(client, "000000")
    slowed = post_code(client, unused_code(authenticator))
    assert slowed.status_code == 200
    assert "Nhập sai quá nhiều lần" in slowed.content.decode()
    assert SESSION_KEY not in client.session


def test_a_recovery_code_logs_in_once_and_says_how_many_are_left(client, editor, recovery_codes):
    code = recovery_codes[0]
    post_password(client, "bientap1")
    response = post_code(client, f" {code[:4].upper()}-{code[4:]} ")
    assert response["Location"] == ADMIN
    page = client.get(ADMIN).content.decode()
    assert "còn lại 9 mã" in page
    client.logout()

    post_password(client, "bientap1")
    assert post_code(client, code).status_code == 200
    assert SESSION_KEY not in client.session


def test_set_up_is_only_for_accounts_without_an_app(client, editor, authenticator):
    post_password(client, "bientap1")
    response = client.get(reverse("accounts:set_up"))
    assert response["Location"] == reverse("accounts:second_factor")
    assert not TOTPDevice.objects.filter(user=editor, confirmed=False).exists()


def test_the_second_step_needs_a_fresh_password_step(client, editor, authenticator):
    assert client.get(reverse("accounts:second_factor"))["Location"] == reverse("admin:login")
    assert client.get(reverse("accounts:set_up"))["Location"] == reverse("admin:login")

    post_password(client, "bientap1")
    session = client.session
    session[twofactor.PENDING_KEY]["at"] = time.time() - twofactor.PENDING_SECONDS - 1
    session.save()
    assert client.get(reverse("accounts:second_factor"))["Location"] == reverse("admin:login")


def test_a_password_changed_meanwhile_ends_the_pending_login(client, editor, authenticator):
    post_password(client, "bientap1")
    editor.set_password("mot-mat-khau-moi-hoan-toan")
    editor.save()
    assert post_code(client, unused_code(authenticator))["Location"] == reverse("admin:login")
    assert SESSION_KEY not in client.session


def test_a_password_only_session_does_not_open_the_admin(client, editor):
    client.force_login(editor, verified=False)
    response = client.get(ADMIN)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("admin:login"))
    assert SESSION_KEY not in client.session


def test_a_session_whose_device_was_removed_does_not_open_the_admin(client, editor):
    client.force_login(editor)
    assert admin_opens(client)
    TOTPDevice.objects.filter(user=editor).delete()
    assert not admin_opens(client)


def test_when_not_required_the_password_is_enough_without_an_app(client, editor, settings):
    settings.STAFF_2FA_REQUIRED = False
    assert post_password(client, "bientap1")["Location"] == ADMIN
    assert admin_opens(client)


def test_when_not_required_an_app_set_up_is_still_asked_for(
    client, editor, authenticator, settings
):
    settings.STAFF_2FA_REQUIRED = False
    assert post_password(client, "bientap1")["Location"] == reverse("accounts:second_factor")


def test_readers_pages_do_not_open_a_session(client):
    response = client.get("/")
    assert response.status_code == 200
    assert "sessionid" not in response.cookies
