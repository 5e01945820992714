"""Without comments.view_personal_data, the admin answers nothing about a phone number or an
IP fingerprint: no filter, lookup through a relation, search or sort reveals them."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db

CHANGELIST = reverse("admin:comments_comment_changelist")
PHONE = "0912345678"
FINGERPRINT = "ab" * 32


@pytest.fixture
def comment():
    return CommentFactory(title="Có số điện thoại", phone=PHONE, ip_hash=FINGERPRINT)


def listed(client, query: str):
    response = client.get(f"{CHANGELIST}?status__exact=all&{query}")
    return response.status_code, "Có số điện thoại" in response.content.decode()


@pytest.mark.parametrize(
    "query",
    [
        "phone=0912345678",
        "phone__exact=0912345678",
        "phone__startswith=0912",
        "phone__startswith=0999",
        "phone__contains=345",
        "phone__regex=^09",
        "phone__gt=0",
        "ip_hash=" + FINGERPRINT,
        "ip_hash__startswith=ab",
        "article__comments__phone__startswith=09",
        "moderated_by__isnull=True&phone__startswith=0912",
    ],
)
def test_moderators_cannot_filter_on_personal_data(client, moderator, comment, query):
    client.force_login(moderator)
    status, shown = listed(client, query)
    assert status == 400  # refused, with no yes/no answer in a list
    assert not shown


def test_the_answer_is_the_same_for_a_right_and_a_wrong_prefix(client, moderator, comment):
    client.force_login(moderator)
    assert listed(client, "phone__startswith=0912") == listed(client, "phone__startswith=0000")


def test_search_and_sorting_do_not_touch_the_phone_number(client, moderator, comment):
    client.force_login(moderator)
    assert listed(client, "q=0912345678") == (200, False)
    assert listed(client, "q=345") == (200, False)
    assert client.get(f"{CHANGELIST}?o=99").status_code in (200, 302, 400)  # no column to sort


def test_the_source_link_is_for_holders_of_the_permission_only(client, moderator, comment):
    page = reverse("admin:comments_comment_change", args=[comment.pk])
    client.force_login(moderator)
    html = client.get(page).content.decode()
    assert FINGERPRINT[:12] not in html
    assert "ip_hash=" not in html

    moderator.user_permissions.add(Permission.objects.get(codename="view_personal_data"))
    client.force_login(moderator)
    html = client.get(page).content.decode()
    assert FINGERPRINT[:12] in html
    assert listed(client, "ip_hash=" + FINGERPRINT) == (200, True)
    assert listed(client, "phone=" + PHONE) == (200, True)
    assert listed(client, "phone__startswith=09")[0] == 400  # exact values only
