"""The limit is kept in the shared cache, so a second process sees the first one's count."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection
from django.test import RequestFactory

from comments.views import comment_rate_exceeded

ROOT = Path(__file__).resolve().parents[2]

SCRIPT = """
import django, sys
django.setup()
from django.test import RequestFactory
from comments.views import comment_rate_exceeded
request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.55")
print("limited" if comment_rate_exceeded(request) else "free")
"""


@pytest.mark.postgresql
@pytest.mark.django_db(transaction=True)
def test_another_process_sees_the_count(settings):
    if connection.vendor != "postgresql":
        pytest.skip("the in-memory SQLite test database is not visible to another process")
    # One a day: a 15-second window could end while the other process starts.
    settings.COMMENT_RATE_SHORT = "1/d"
    request = RequestFactory().post("/", REMOTE_ADDR="192.0.2.55")
    assert comment_rate_exceeded(request) is False  # counted: the first one

    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.settings", "COMMENT_RATE_SHORT": "1/d"}
    db = connection.settings_dict
    if connection.vendor == "postgresql":
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        )
    result = subprocess.run(
        [sys.executable, "-c", SCRIPT],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "limited"
