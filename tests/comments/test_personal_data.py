"""Phone numbers and IP addresses: erased on schedule, never in logs."""

import logging
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from comments.models import Comment
from comments.personal_data import hash_ip, mask_phone
from tests.comments.conftest import comment_data, comment_url
from tests.comments.factories import CommentFactory

pytestmark = pytest.mark.django_db


def test_mask_keeps_only_the_ends():
    assert mask_phone("0912345678") == "09******78"
    assert mask_phone("") == ""


def test_ip_hash_is_keyed_and_stable():
    assert hash_ip("203.0.113.7") == hash_ip("203.0.113.7")
    assert hash_ip("203.0.113.7") != hash_ip("203.0.113.8")
    assert "203.0.113.7" not in hash_ip("203.0.113.7")


def test_purge_erases_phone_and_ip_hash_of_comments_moderated_long_ago(settings):
    settings.COMMENT_PERSONAL_DATA_DAYS = 90
    now = timezone.now()
    old = CommentFactory(approved=True)
    Comment.objects.filter(pk=old.pk).update(moderated_at=now - timedelta(days=91))
    old_rejected = CommentFactory(status=Comment.Status.REJECTED)
    Comment.objects.filter(pk=old_rejected.pk).update(moderated_at=now - timedelta(days=200))
    recent = CommentFactory(approved=True)
    Comment.objects.filter(pk=recent.pk).update(moderated_at=now - timedelta(days=89))
    pending = CommentFactory()  # moderation has not ended: kept
    Comment.objects.filter(pk=pending.pk).update(created_at=now - timedelta(days=300))

    out = StringIO()
    call_command("purge_comment_personal_data", stdout=out)
    assert "2 comment(s)" in out.getvalue()
    for comment in (old, old_rejected):
        comment.refresh_from_db()
        assert (comment.phone, comment.ip_hash) == ("", "")
        assert comment.personal_data_erased_at is not None
        assert comment.title  # the comment itself stays
    for comment in (recent, pending):
        comment.refresh_from_db()
        assert comment.phone
        assert comment.ip_hash

    out = StringIO()
    call_command("purge_comment_personal_data", stdout=out)
    assert "0 comment(s)" in out.getvalue()


def test_purge_days_can_be_given_on_the_command_line():
    comment = CommentFactory(approved=True)
    Comment.objects.filter(pk=comment.pk).update(moderated_at=timezone.now() - timedelta(days=8))
    call_command("purge_comment_personal_data", "--days", "7", stdout=StringIO())
    comment.refresh_from_db()
    assert comment.phone == ""


def test_phone_and_ip_never_reach_the_logs(client, article, caplog):
    with caplog.at_level(logging.DEBUG):
        client.post(comment_url(article), comment_data(client), REMOTE_ADDR="203.0.113.99")
        client.post(
            comment_url(article), comment_data(client, title=""), REMOTE_ADDR="203.0.113.99"
        )
    assert "0912" not in caplog.text
    assert "203.0.113.99" not in caplog.text


def test_phone_and_ip_are_not_in_feeds_or_the_sitemap(client, article):
    CommentFactory(article=article, approved=True, phone="0912345678", ip_hash="e" * 64)
    for url in (
        "/rss/",
        f"/chuyen-muc/{article.category.slug}/rss/",
        "/sitemap.xml",
        "/sitemap-articles.xml",
    ):
        body = client.get(url).content.decode()
        assert "0912345678" not in body
        assert "e" * 64 not in body
