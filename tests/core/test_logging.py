"""A refused request is one line in the log; server errors keep their traceback."""

import io
import logging

import pytest
from django.test import Client


@pytest.fixture
def log_lines():
    """What the console handler of the real LOGGING configuration writes for Django's
    request and security loggers (a traceback's lines included)."""
    handler = next(h for h in logging.getLogger("django").handlers if h.name == "console")
    stream = io.StringIO()
    previous = handler.setStream(stream)

    def lines():
        kept, inside = [], False
        for line in stream.getvalue().splitlines():
            if line[:4].isdigit():  # a record's first line starts with its date
                inside = " django.request " in line or " django.security." in line
            if inside:
                kept.append(line)
        return kept

    yield lines
    handler.setStream(previous)


@pytest.mark.django_db
def test_a_403_is_logged_in_one_line(client, journalist, log_lines):
    client.force_login(journalist)
    response = client.get("/admin/comments/blockedword/add/")
    assert response.status_code == 403
    lines = log_lines()
    assert len(lines) == 1, lines
    assert "WARNING django.request Forbidden (Permission denied): /admin/" in lines[0]
    assert "Traceback" not in "\n".join(lines)


@pytest.mark.django_db
def test_a_refused_csrf_check_and_a_404_are_one_line_each(log_lines):
    client = Client(enforce_csrf_checks=True)
    client.post("/", {"a": "1"})
    client.get("/bai-viet/khong-co-bai-nay-999999/")
    lines = log_lines()
    assert len(lines) == 2, lines
    assert "django.security.csrf Forbidden (CSRF cookie not set.)" in lines[0]
    assert "Not Found" in lines[1]


def test_a_server_error_keeps_its_traceback(log_lines):
    logger = logging.getLogger("django.request")
    try:
        raise ValueError("bug")
    except ValueError:
        logger.error("Internal Server Error: /x", exc_info=True, extra={"status_code": 500})
    assert "Traceback" in "\n".join(log_lines())


def test_the_filter_is_in_the_logging_configuration(settings):
    console = settings.LOGGING["handlers"]["console"]
    assert "client_errors_one_line" in console["filters"]
