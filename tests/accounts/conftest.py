import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from accounts import twofactor

PASSWORD = "mat-khau-thu-nghiem"  # UserFactory's
ADDRESS = "203.0.113.5"


def post_password(client, username, password=PASSWORD, *, ip=ADDRESS, next_url="/admin/", **extra):
    """The admin's login form, as a browser at `ip` sends it."""
    return client.post(
        reverse("admin:login"),
        {"username": username, "password": password, "next": next_url},
        REMOTE_ADDR=ip,
        **extra,
    )


def post_code(client, code, *, ip=ADDRESS, url_name="accounts:second_factor"):
    return client.post(reverse(url_name), {"code": code}, REMOTE_ADDR=ip)


@pytest.fixture
def authenticator(editor):
    """The editor's authenticator app, set up at an earlier login."""
    return TOTPDevice.objects.create(user=editor, name="authenticator", confirmed=True)


@pytest.fixture
def recovery_codes(editor, authenticator):
    return twofactor.replace_recovery_codes(user=editor)
