"""Django's test client set up for timing pages as production serves them (DEBUG off).

Static files need no collected manifest (the address of a file costs the same either way),
requests are sent as HTTPS so the SSL redirect does not answer instead of the page, and
the Host header is one ALLOWED_HOSTS accepts.
"""

import time
import warnings

from django.conf import settings
from django.test import Client
from django.test.utils import override_settings

_PLAIN_STATIC = {
    **settings.STORAGES,
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}


class _HttpsClient(Client):
    def get(self, path, *args, **kwargs):
        kwargs.setdefault("secure", True)
        return super().get(path, *args, **kwargs)


def page_client(user=None) -> Client:
    """A client (logged in as `user` if given) whose get() fetches like a browser over HTTPS."""
    override_settings(STORAGES=_PLAIN_STATIC).enable()
    warnings.filterwarnings("ignore", "No directory at", UserWarning)  # WhiteNoise's STATIC_ROOT
    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h not in ("*", "")), "localhost")
    client = _HttpsClient(HTTP_HOST=host)
    if user is not None:
        client.force_login(user)
    return client


class SqlTimer:
    """Adds up the time spent in the database: `with connection.execute_wrapper(timer)`."""

    def __init__(self):
        self.seconds = 0.0

    def __call__(self, execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            self.seconds += time.perf_counter() - started


def explain_queries(client: Client, url: str) -> None:
    """Print EXPLAIN (ANALYZE, BUFFERS) of every SELECT that fetching `url` runs, slowest
    first (PostgreSQL)."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    plans = []
    with connection.cursor() as cursor:
        for query in queries.captured_queries:
            sql = query["sql"]
            if not sql.lstrip().upper().startswith("SELECT"):
                continue
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + sql)
            plan = "\n".join(row[0] for row in cursor.fetchall())
            ms = float(plan.rsplit("Execution Time: ", 1)[1].split()[0])
            plans.append((ms, sql, plan))
    print(f"\n===== {url}")
    for ms, sql, plan in sorted(plans, key=lambda p: p[0], reverse=True):
        print(f"\n--- {ms:.1f} ms\n{sql}\n{plan}")
