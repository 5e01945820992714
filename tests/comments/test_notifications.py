"""New pending comments reach the moderators by mail, batched; mail trouble loses nothing."""

import logging
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command

from comments.models import Comment
from tests.comments.conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def moderators_mail(settings):
    settings.COMMENT_NOTIFY_EMAILS = ["kiemduyet@example.vn", "toasoan@example.vn"]
    settings.COMMENT_NOTIFY_INTERVAL = 600
    settings.COMMENT_RATE_SHORT = "1000/s"
    settings.COMMENT_RATE_LONG = "1000/s"


def _post(client, article, n):
    response = client.post(comment_url(article), comment_data(client, title=f"Bình luận {n}"))
    assert response.status_code == 302


def test_a_flood_of_comments_is_one_mail_then_one_digest(
    client, article, django_capture_on_commit_callbacks
):
    for n in range(20):
        with django_capture_on_commit_callbacks(execute=True):
            _post(client, article, n)
    assert Comment.objects.count() == 20
    assert len(mail.outbox) == 1
    first = mail.outbox[0]
    assert first.to == ["kiemduyet@example.vn", "toasoan@example.vn"]
    assert "1 bình luận mới" in first.subject
    assert "0912345678" not in first.body
    assert "0912 345 678" not in first.body

    call_command("send_comment_digest", stdout=StringIO())
    assert len(mail.outbox) == 2
    assert "19 bình luận mới" in mail.outbox[1].subject
    assert "/admin/comments/comment/" in mail.outbox[1].body
    assert Comment.objects.filter(notified_at__isnull=True).count() == 0

    call_command("send_comment_digest", stdout=StringIO())
    assert len(mail.outbox) == 2  # nothing new, no mail


def test_the_mail_is_sent_only_after_the_comment_is_committed(
    client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        _post(client, article, 1)
    assert len(mail.outbox) == 0
    assert len(callbacks) == 1
    callbacks[0]()
    assert len(mail.outbox) == 1


def test_a_mail_failure_is_logged_and_keeps_the_comment(
    client, article, settings, caplog, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = "tests.comments.test_notifications.BrokenBackend"
    with (
        caplog.at_level(logging.ERROR, logger="comments.services"),
        django_capture_on_commit_callbacks(execute=True),
    ):
        _post(client, article, 1)
    assert Comment.objects.count() == 1
    assert "Could not send the moderation digest" in caplog.text
    assert Comment.objects.get().notified_at is None  # the next digest will include it
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    call_command("send_comment_digest", stdout=StringIO())
    assert len(mail.outbox) == 1


def test_no_addresses_means_no_mail(client, article, settings, django_capture_on_commit_callbacks):
    settings.COMMENT_NOTIFY_EMAILS = []
    with django_capture_on_commit_callbacks(execute=True):
        _post(client, article, 1)
    assert len(mail.outbox) == 0


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("smtp down")
