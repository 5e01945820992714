"""After the login, `next` is followed only within the site; otherwise the admin's index."""

import pytest

from tests.accounts.conftest import post_code, post_password
from tests.otp import unused_code

pytestmark = pytest.mark.django_db

UNSAFE = ["https://evil.example/", "//evil.example/admin/", "https:///evil.example/"]


@pytest.mark.parametrize("next_url", UNSAFE)
def test_an_unsafe_next_leads_to_the_admin_after_the_password(client, editor, settings, next_url):
    settings.STAFF_2FA_REQUIRED = False
    response = post_password(client, "bientap1", next_url=next_url)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize("next_url", UNSAFE)
def test_an_unsafe_next_leads_to_the_admin_after_the_code(client, editor, authenticator, next_url):
    post_password(client, "bientap1", next_url=next_url)
    response = post_code(client, unused_code(authenticator))
    assert response["Location"] == "/admin/"


def test_a_next_within_the_admin_is_followed(client, editor, settings):
    settings.STAFF_2FA_REQUIRED = False
    response = post_password(client, "bientap1", next_url="/admin/articles/article/")
    assert response["Location"] == "/admin/articles/article/"
