"""Time the article page in one process, without a server: what each kind of request costs.

    DATABASE_URL=… REDIS_URL=… python bench/profile_article.py [--pages 1000] [--profile first]

Needs a database with published articles (`make bench` leaves `hnp_bench` filled;
bench/generate_articles.py fills any). Runs with DEBUG off and calls Django's WSGI handler
directly, as gunicorn does, for:

- first view: each request a different article, nothing of it kept (the most a miss costs);
- rebuilt: the newest article again and again with `?page=N`, N never the same: a page-cache
  miss with the parts this process keeps (as after its views were added);
- repeated: the newest article again and again, from this process's copy of the page.

It prints milliseconds per request for each (wall time, including the round trips to the
database and Redis). `--profile first|rebuilt|repeated` also prints cProfile's 40 costliest
functions of that kind, cumulative. The page cache stores what it builds at once here
(PAGE_CACHE_MIN_USES=1), as a page rebuilt after a change is stored, and each run names a
release of its own (PAGE_CACHE_RELEASE), so no page an earlier run stored is found.
"""

import argparse
import cProfile
import io
import os
import pstats
import secrets
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "hnp.settings")
os.environ.setdefault("SECRET_KEY", "benchmark-only-not-a-secret-" + "x" * 30)
os.environ["DEBUG"] = "0"
os.environ["PAGE_CACHE_MIN_USES"] = "1"
os.environ["PAGE_CACHE_RELEASE"] = f"profile-{secrets.token_hex(4)}"
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from articles.models import Article  # noqa: E402
from core.handlers import WSGIHandler  # noqa: E402

handler = WSGIHandler()


def get(path: str, query: str = "") -> None:
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "SERVER_NAME": "127.0.0.1",
        "SERVER_PORT": "443",
        "HTTP_HOST": "127.0.0.1",
        "HTTP_X_FORWARDED_PROTO": "https",
        "wsgi.url_scheme": "https",
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    status = []
    body = handler(environ, lambda s, headers, exc_info=None: status.append(s))
    b"".join(body)
    body.close()
    if not status[0].startswith("200"):
        raise SystemExit(f"GET {path}?{query} answered {status[0]}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1000, help="requests of each kind")
    parser.add_argument("--profile", choices=["first", "rebuilt", "repeated"])
    opts = parser.parse_args()

    newest = Article.objects.published().order_by("-published_at", "-pk")
    paths = [a.get_absolute_url() for a in newest.only("pk", "slug")[: opts.pages + 50]]
    if len(paths) < opts.pages + 50:
        raise SystemExit(f"needs {opts.pages + 50} published articles, found {len(paths)}")
    for path in paths[-50:]:  # warm up: templates, URL patterns, the categories' lists
        get(path)
    kinds = {
        "first": [(path, "") for path in paths[: opts.pages]],
        "rebuilt": [(paths[0], f"page={n}") for n in range(1, opts.pages + 1)],
        "repeated": [(paths[0], "")] * opts.pages,
    }
    for kind, requests in kinds.items():
        profiler = cProfile.Profile() if kind == opts.profile else None
        started = time.perf_counter()
        if profiler:
            profiler.enable()
        for path, query in requests:
            get(path, query)
        if profiler:
            profiler.disable()
        elapsed = time.perf_counter() - started
        print(f"{kind:>9}: {1000 * elapsed / len(requests):.2f} ms per request")
        if profiler:
            pstats.Stats(profiler, stream=sys.stdout).sort_stats("cumulative").print_stats(40)


if __name__ == "__main__":
    main()
