"""Settings come from the environment: each case runs the real settings in a fresh process."""

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
STRONG_KEY = "k8Jx2-very-long-and-random-production-key-4f0a9c1e7b3d5a6f8e2c0b9d7a5e3c1f"


def run_settings(env: dict, code: str) -> subprocess.CompletedProcess:
    """Run `code` after django.setup() with hnp.settings and exactly `env` (plus PATH)."""
    full_env = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "hnp.settings", **env}
    script = "import django, json\ndjango.setup()\nfrom django.conf import settings\n" + code
    return subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=full_env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def settings_json(env: dict, expression: str):
    result = run_settings(env, f"print(json.dumps({expression}, default=str))")
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def redis_answers() -> bool:
    try:
        with socket.create_connection(("127.0.0.1", 6379), timeout=1) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def test_sqlite_file_in_the_project_is_the_default_database():
    db = settings_json({"DEBUG": "1"}, "settings.DATABASES['default']")
    assert db["ENGINE"] == "django.db.backends.sqlite3"
    assert Path(db["NAME"]) == ROOT / "db.sqlite3"


def test_database_url_selects_postgresql_through_psycopg3():
    url = "postgres://newsroom:secret@db.example.vn:5433/hnp"
    db = settings_json(
        {"DEBUG": "1", "DATABASE_URL": url},
        "[settings.DATABASES['default'], __import__('psycopg').__version__]",
    )
    config, psycopg_version = db
    # Django's PostgreSQL backend, with a cheaper health check (core/postgresql/base.py).
    assert config["ENGINE"] == "core.postgresql"
    assert (config["HOST"], config["PORT"], config["NAME"], config["USER"]) == (
        "db.example.vn",
        5433,
        "hnp",
        "newsroom",
    )
    assert psycopg_version.startswith("3.")


def test_without_redis_the_cache_is_shared_by_all_workers():
    backend = settings_json({"DEBUG": "1"}, "settings.CACHES['default']['BACKEND']")
    assert backend == "core.cache.ResilientDatabaseCache"


def test_redis_url_selects_redis_for_the_cache():
    backend = settings_json(
        {"DEBUG": "1", "REDIS_URL": "redis://127.0.0.1:6379/3"},
        "settings.CACHES['default']['BACKEND']",
    )
    assert backend == "core.cache.ResilientRedisCache"


@pytest.mark.skipif(not redis_answers(), reason="no Redis answers on 127.0.0.1:6379")
def test_redis_cache_really_stores_values():
    result = run_settings(
        {"DEBUG": "1", "REDIS_URL": "redis://127.0.0.1:6379/3"},
        "from django.core.cache import cache\n"
        "cache.set('settings-test', 'xin chào', 30)\n"
        "print(cache.get('settings-test'))\n"
        "cache.delete('settings-test')\n",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "xin chào"


def test_secret_key_is_required_when_debug_is_off():
    result = run_settings({"DEBUG": "0"}, "print('started')")
    assert result.returncode != 0
    assert "SECRET_KEY must be set when DEBUG is off" in result.stderr


def test_debug_is_off_unless_set():
    assert settings_json({"SECRET_KEY": STRONG_KEY}, "settings.DEBUG") is False


def test_production_settings_pass_check_deploy():
    env = {
        "PATH": os.environ["PATH"],
        "DEBUG": "0",
        "SECRET_KEY": STRONG_KEY,
        "ALLOWED_HOSTS": "hnp.example.vn",
        "DJANGO_SETTINGS_MODULE": "hnp.settings",
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "System check identified no issues" in result.stdout


def test_production_trusts_the_proxy_and_secures_cookies():
    values = settings_json(
        {"DEBUG": "0", "SECRET_KEY": STRONG_KEY},
        "[settings.SECURE_PROXY_SSL_HEADER, settings.SESSION_COOKIE_SECURE,"
        " settings.CSRF_COOKIE_SECURE, settings.SECURE_HSTS_SECONDS, settings.SECURE_SSL_REDIRECT]",
    )
    assert values == [["HTTP_X_FORWARDED_PROTO", "https"], True, True, 31536000, True]


def test_site_settings_have_their_documented_defaults():
    values = settings_json(
        {"DEBUG": "1"},
        "[settings.ADMIN_URL, settings.SITE_DATELINE, settings.LANGUAGE_CODE,"
        " settings.TIME_ZONE, settings.USE_TZ]",
    )
    assert values == ["admin/", "HNP", "vi", "Asia/Ho_Chi_Minh", True]


def test_every_setting_read_from_the_environment_is_in_env_example():
    source = (ROOT / "hnp" / "settings.py").read_text()
    example = (ROOT / ".env.example").read_text()
    import re

    names = set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z_]+)\"", source))
    assert names, "no environment variables found in settings.py"
    missing = sorted(name for name in names if f"{name}=" not in example)
    assert not missing, f".env.example lacks {missing}"


def test_captcha_test_mode_is_refused_when_debug_is_off():
    result = run_settings(
        {"DEBUG": "0", "SECRET_KEY": STRONG_KEY, "CAPTCHA_TEST_MODE": "1"}, "print('started')"
    )
    assert result.returncode != 0
    assert "CAPTCHA_TEST_MODE" in result.stderr


def test_uploads_stay_on_the_local_disk_without_a_bucket():
    storage, img_src = settings_json(
        {"DEBUG": "1"},
        "[settings.STORAGES['default'], settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]",
    )
    assert storage == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert img_src == ["'self'", "data:", "blob:"]


def test_a_bucket_name_puts_uploads_on_object_storage_with_public_urls():
    storage, img_src = settings_json(
        {
            "DEBUG": "1",
            "AWS_STORAGE_BUCKET_NAME": "hnp-media",
            "AWS_S3_ENDPOINT_URL": "https://s3.example.vn",
            "AWS_S3_REGION_NAME": "hn-1",
        },
        "[settings.STORAGES['default'], settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]",
    )
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert (options["bucket_name"], options["endpoint_url"], options["region_name"]) == (
        "hnp-media",
        "https://s3.example.vn",
        "hn-1",
    )
    # Public addresses without signatures (the same for every reader), never overwritten.
    assert options["querystring_auth"] is False
    assert options["file_overwrite"] is False
    # No credentials in the settings: boto3 reads them from the environment or the role.
    assert "access_key" not in options
    assert "secret_key" not in options
    assert "https://s3.example.vn" in img_src


def test_a_cdn_domain_is_where_pages_link_media_and_what_the_policy_allows():
    url, img_src = settings_json(
        {
            "DEBUG": "1",
            "AWS_STORAGE_BUCKET_NAME": "hnp-media",
            "AWS_S3_CUSTOM_DOMAIN": "anh.hnp.example.vn",
        },
        "[__import__('django.core.files.storage', fromlist=['x']).default_storage.url('a/b.jpg'),"
        " settings.CONTENT_SECURITY_POLICY['DIRECTIVES']['img-src']]",
    )
    assert url == "https://anh.hnp.example.vn/a/b.jpg"
    assert img_src[-1] == "https://anh.hnp.example.vn"


@pytest.mark.django_db
def test_postgresql_connections_run_without_jit():
    """The site's queries are short: compiling them costs more than it saves."""
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone()[0] == "off"


def _postgresql_connection():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL only")
    connection.ensure_connection()
    return connection


def _backend_pid(connection) -> int:
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        return cursor.fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_kept_postgresql_connection_is_checked_without_a_query(monkeypatch):
    """The health check before each request reads the socket; no `SELECT 1` round trip."""
    connection = _postgresql_connection()
    pid = _backend_pid(connection)

    def no_query(*args, **kwargs):
        raise AssertionError("the health check sent a query")

    monkeypatch.setattr(connection.connection, "cursor", no_query)
    monkeypatch.setattr(connection.connection, "execute", no_query)
    assert connection.is_usable()
    monkeypatch.undo()
    connection.health_check_done = False
    connection.close_if_health_check_failed()
    assert _backend_pid(connection) == pid  # the same connection, kept


@pytest.mark.django_db(transaction=True)
def test_a_postgresql_connection_the_server_ended_is_replaced_before_use():
    """A restart or a terminated backend: the next request opens a new connection instead
    of failing on the dead one."""
    import time

    import psycopg
    from django.conf import settings as django_settings

    connection = _postgresql_connection()
    pid = _backend_pid(connection)
    db = django_settings.DATABASES["default"]
    with psycopg.connect(
        host=db["HOST"], port=db["PORT"] or 5432, user=db["USER"], password=db["PASSWORD"],
        dbname=db["NAME"], autocommit=True,
    ) as other:  # fmt: skip
        other.execute("SELECT pg_terminate_backend(%s)", [pid])
    deadline = time.monotonic() + 5
    while connection.is_usable() and time.monotonic() < deadline:
        time.sleep(0.01)  # the server's notice reaches the socket
    connection.health_check_done = False
    connection.close_if_health_check_failed()
    assert _backend_pid(connection) != pid
