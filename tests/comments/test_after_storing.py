"""Once a comment is stored the reader is told so: trouble afterwards (mail, cache) is
logged, never an error page; and sending the same comment again does not store it twice."""

import socket
import threading
import time
from datetime import timedelta

import pytest
from django.core.cache import cache
from django.core.mail import get_connection
from django.db.models import F
from django.test import Client

import comments.services
from comments.models import Comment
from tests.comments.conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db

PENDING = "?binh-luan=cho-duyet#binh-luan"


@pytest.fixture
def moderators_mail(settings):
    settings.COMMENT_NOTIFY_EMAILS = ["kiemduyet@example.vn"]


@pytest.fixture
def _committed_cache_emptied():
    """Tests that commit keep what earlier ones left in the database cache table (rate
    counts among them); Redis is emptied for every test already (tests/conftest.py)."""
    if not hasattr(cache, "delete_pattern"):
        cache.clear()


def test_the_mail_timeout_defaults_to_five_seconds(settings):
    assert settings.EMAIL_TIMEOUT == 5
    backend = get_connection("django.core.mail.backends.smtp.EmailBackend")
    assert backend.timeout == 5


# Committed for real (no test transaction around it): the moderators are told while the
# reader's request is still running, as in production.
@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("moderators_mail", "_committed_cache_emptied")
@pytest.mark.parametrize(
    "broken", ["send_moderation_digest", "cache"], ids=["notifier fails", "cache fails"]
)
def test_a_failure_after_storing_still_tells_the_reader_it_was_stored(
    client, article, monkeypatch, caplog, broken
):
    def fail(*args, **kwargs):
        raise RuntimeError("down")

    if broken == "cache":
        real_add = comments.services.cache.add

        def add(key, *args, **kwargs):
            if key.startswith("comments:digest"):
                fail()
            return real_add(key, *args, **kwargs)

        monkeypatch.setattr(comments.services.cache, "add", add)
    else:
        monkeypatch.setattr(comments.services, broken, fail)
    response = client.post(comment_url(article), comment_data(client))
    assert response.status_code == 302
    assert response["Location"].endswith(PENDING)
    assert Comment.objects.count() == 1
    assert "RuntimeError: down" in caplog.text


class SilentSmtpServer:
    """Accepts connections and never says a word: a mail server that hangs."""

    def __init__(self):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen()
        self.port = self.sock.getsockname()[1]
        self.held = []
        threading.Thread(target=self._accept, daemon=True).start()

    def _accept(self):
        while True:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                return
            self.held.append(conn)

    def close(self):
        for conn in self.held:
            conn.close()
        self.sock.close()


@pytest.mark.django_db(transaction=True)
@pytest.mark.usefixtures("moderators_mail", "_committed_cache_emptied")
def test_a_hanging_mail_server_delays_the_reader_by_the_timeout_only(client, article, settings):
    server = SilentSmtpServer()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", server.port
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 0.5
    try:
        started = time.monotonic()
        response = client.post(comment_url(article), comment_data(client))
        elapsed = time.monotonic() - started
    finally:
        server.close()
    assert response.status_code == 302
    assert Comment.objects.count() == 1
    assert elapsed < 3


def test_the_same_comment_sent_again_is_answered_as_stored_and_kept_once(client, article):
    data = comment_data(client)
    assert client.post(comment_url(article), data).status_code == 302
    # The reader reloads the page that answered (the captcha was used) …
    reload = client.post(comment_url(article), data)
    assert reload.status_code == 302
    assert reload["Location"].endswith(PENDING)
    # … or types a new code and sends the same text again.
    again = client.post(comment_url(article), comment_data(client))
    assert again.status_code == 302
    assert Comment.objects.count() == 1


def test_a_retry_is_recognised_whatever_the_spacing_or_case(client, article):
    client.post(comment_url(article), comment_data(client))
    retry = comment_data(
        client,
        title="ý KIẾN   về kỳ họp",
        content="Tôi đồng tình với các nghị quyết. Mong sớm triển khai.",
    )
    assert client.post(comment_url(article), retry).status_code == 302
    assert Comment.objects.count() == 1


def test_the_same_text_from_another_source_or_later_is_a_new_comment(client, article, settings):
    settings.COMMENT_RATE_SHORT = settings.COMMENT_RATE_LONG = "100/s"
    client.post(comment_url(article), comment_data(client), REMOTE_ADDR="198.51.100.40")
    other = Client()
    assert (
        other.post(comment_url(article), comment_data(other), REMOTE_ADDR="198.51.100.41")
    ).status_code == 302
    Comment.objects.update(created_at=F("created_at") - timedelta(hours=1))
    assert (
        client.post(comment_url(article), comment_data(client), REMOTE_ADDR="198.51.100.40")
    ).status_code == 302
    assert Comment.objects.count() == 3
    assert Comment.objects.filter(flag_duplicate=True).count() == 2


def test_a_different_comment_from_the_same_source_is_still_rate_limited(client, article, settings):
    settings.COMMENT_RATE_SHORT = "1/d"  # a 15-second window could end between the posts
    client.post(comment_url(article), comment_data(client))
    response = client.post(comment_url(article), comment_data(client, title="Ý kiến khác"))
    assert response.status_code == 429
    assert Comment.objects.count() == 1
