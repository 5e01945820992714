"""A new editor logs in for the first time: password, setting up the authenticator app from
the QR code's secret, the recovery codes; later logins ask for the app's code, or take a
recovery code once."""

import re

import pytest
from django.contrib.auth.models import Group
from django_otp.plugins.otp_totp.models import TOTPDevice

from core import roles
from tests.conftest import ensure_groups
from tests.e2e.conftest import PASSWORD, screenshot
from tests.factories import UserFactory
from tests.otp import code_now, key_from_text, unused_code

pytestmark = pytest.mark.django_db(transaction=True)


def password_step(page, username="bientapmoi", password=PASSWORD):
    page.goto("/admin/")
    page.wait_for_url(re.compile(r"/admin/login/"))
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")


def log_out(page):
    page.click("#logout-form button")
    page.wait_for_url(re.compile(r"/admin/logout/$"))


def test_first_login_sets_up_two_step_verification_then_it_is_asked_every_time(page):
    ensure_groups()
    editor = UserFactory(username="bientapmoi", is_staff=True, first_name="Mai")
    editor.groups.add(Group.objects.get(name=roles.EDITOR))

    password_step(page)
    page.wait_for_url(re.compile(r"/admin/otp/setup/$"))
    assert "Thiết lập xác thực hai bước" in page.inner_text("h1")
    # The QR code is an inline image the Content-Security-Policy lets through.
    assert page.evaluate("document.querySelector('img.two-step__qr').naturalWidth") > 0
    screenshot(page, "staff-login-1-set-up")
    page.goto("/admin/")  # not signed in yet: back to the password
    page.wait_for_url(re.compile(r"/admin/login/"))
    password_step(page)
    page.wait_for_url(re.compile(r"/admin/otp/setup/$"))
    key = key_from_text(page.inner_text("#totp-secret"))
    page.fill("#id_code", code_now(key))
    page.click("input[type=submit]")

    page.wait_for_url(re.compile(r"/admin/otp/recovery-codes/$"))
    codes = page.locator("#recovery-codes code").all_inner_texts()
    assert len(codes) == 10
    screenshot(page, "staff-login-2-recovery-codes")
    page.click("text=Tôi đã lưu lại, tiếp tục")
    page.wait_for_url(re.compile(r"/admin/$"))
    assert "MAI" in page.inner_text("#user-tools").upper()
    log_out(page)

    password_step(page)
    page.wait_for_url(re.compile(r"/admin/otp/$"))
    page.fill("#id_code", "000000")
    page.click("input[type=submit]")
    assert "Mã không đúng" in page.inner_text(".errornote")
    screenshot(page, "staff-login-3-wrong-code")
    TOTPDevice.objects.filter(user=editor).update(throttling_failure_count=0)
    page.fill("#id_code", unused_code(TOTPDevice.objects.get(user=editor)))
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    log_out(page)

    password_step(page)
    page.wait_for_url(re.compile(r"/admin/otp/$"))
    page.fill("#id_code", codes[0])
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))
    assert "còn lại 9 mã" in page.inner_text(".messagelist")
    screenshot(page, "staff-login-4-recovery-code-used")
    assert page.errors == []


def test_five_wrong_passwords_show_the_lockout_page(page):
    UserFactory(username="bientapmoi", is_staff=True)
    for _ in range(5):
        password_step(page, "bientapmoi", "sai-mat-khau")
    page.wait_for_selector("text=Tạm khóa đăng nhập")
    assert "15 phút" in page.inner_text("#content-main")
    screenshot(page, "staff-login-5-locked")
