"""The real settings, with what a test run needs: a throwaway key and plain HTTP."""

import os
import tempfile

os.environ.setdefault("SECRET_KEY", "tests-only-not-a-secret-" + "x" * 40)

from hnp.settings import *  # noqa: E402,F403

if "demo" not in INSTALLED_APPS:  # noqa: F405
    INSTALLED_APPS.append("demo")  # noqa: F405
SECURE_SSL_REDIRECT = False
SECURE_HSTS_SECONDS = 0
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Tests read files back; hashed manifest names would need collectstatic first.
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
# Each run uploads into its own throwaway folder.
MEDIA_ROOT = tempfile.mkdtemp(prefix="hnp-test-media-")
SERVE_MEDIA = True  # the browser tests look at uploaded pictures
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Parallel test workers (pytest-xdist) must not see each other's cache keys in Redis.
CACHES["default"]["KEY_PREFIX"] = "hnp-test-" + os.environ.get("PYTEST_XDIST_WORKER", "main")  # noqa: F405
# Views are flushed by the tests that count them, never behind their backs, and buffered
# views are written by that flush (or at exit), so query counts do not depend on the clock.
VIEW_COUNT_FLUSH_SECONDS = 0
VIEW_BUFFER_SECONDS = 3600
# One slow answer of a loaded test machine must not make a process skip the cache for the
# tests that follow; the tests of a broken cache turn the pause back on.
CACHE_RETRY_SECONDS = 0
# As in production: staff need the second factor. `client.force_login` stands for a complete
# login (tests/conftest.py); the tests of the login steps go through them.
STAFF_2FA_REQUIRED = True
# A loaded test machine may answer slower than production's short Redis timeouts; a timeout
# would make the process skip the cache for a while and fail unrelated tests. The tests of a
# slow or dead Redis set their own short timeouts.
if "OPTIONS" in CACHES["default"] and "SOCKET_TIMEOUT" in CACHES["default"]["OPTIONS"]:  # noqa: F405
    CACHES["default"]["OPTIONS"].update(SOCKET_CONNECT_TIMEOUT=5, SOCKET_TIMEOUT=5)  # noqa: F405
