"""Load-test the portal's pages with wrk, against a hello-world Django and behind nginx.

    make bench                                   # everything, about 5 minutes on 2 CPUs
    BENCH_ARTICLES=20000 BENCH_DURATION=30 make bench
    .venv/bin/python bench/run.py --backends sqlite --only article,home    # a quick look

For each backend (SQLite with the database cache; PostgreSQL `hnp_bench` with Redis database
5) it builds a fresh data set: migrate, createcachetable, the demo newsroom, then N articles
from bench/generate_articles.py. It starts gunicorn with production settings and measures
each case with wrk: a short warm-up, not measured, then a fixed duration. bench/hello/, one
view and no middleware under the same gunicorn settings, is the baseline. nginx runs
deploy/nginx/hnp.conf itself, its placeholders replaced by temporary paths and ports, in
front of the same gunicorn, and is compared with the same page served as a file.

Requests reach gunicorn with `X-Forwarded-Proto: https`, as nginx sends them, so the site's
HTTPS redirect stays on. The captcha test mode is refused with DEBUG off, so comments are
posted with real captchas: challenges made by the site's own code, answers read from the
database. The comment and captcha rate limits are raised through their settings, so
posting is measured, not the limiter.

Prints one table and writes it, with the machine's facts, to bench/results/<UTC time>.json.
Every process it starts is stopped on exit, Ctrl-C included. The PostgreSQL database is
dropped and created again, and the Redis database emptied, on every run.
"""

import argparse
import contextlib
import http.client
import importlib.metadata
import json
import os
import platform
import re
import shutil
import signal
import socket
import sqlite3
import ssl
import string
import subprocess
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode, urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / "bench"
RESULTS_DIR = BENCH_DIR / "results"
NGINX_SITE = ROOT / "deploy" / "nginx" / "hnp.conf"
PYTHON = sys.executable
GUNICORN = str(Path(sys.executable).with_name("gunicorn"))

BENCH_KEY = "benchmark-only-not-a-secret-" + "x" * 30
SEARCH_QUERIES = ["hà nội", "ngân sách", "chuyển đổi số", "hdnd", "nguyen van"]
# Far above what one load-testing address reaches: posting is measured, not the limiter.
NO_LIMITS = {
    "COMMENT_RATE_SHORT": "1000000/s",
    "COMMENT_RATE_LONG": "1000000/m",
    "CAPTCHA_RATE": "1000000/m",
}
CASES = ["hello", "article", "article-rebuilt", "article-cold", "home", "category", "search",
         "captcha", "comment", "nginx"]  # fmt: skip


def log(message: str) -> None:
    print(f"bench: {message}", file=sys.stderr, flush=True)


# --- processes -----------------------------------------------------------------------------

_running: list[subprocess.Popen] = []


def run(cmd: list[str], *, env=None, timeout: float = 600, cwd=ROOT) -> str:
    """Run one of our commands to completion; its output is shown only when it fails."""
    result = subprocess.run(  # noqa: S603 - our own commands, no shell
        cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False
    )
    if result.returncode != 0:
        output = (result.stdout + result.stderr)[-3000:]
        label = " ".join(part if len(part) < 60 else part[:40] + "..." for part in cmd[:5])
        raise RuntimeError(f"{label} failed ({result.returncode}):\n{output}")
    return result.stdout


def start(cmd: list[str], *, env, log_path: Path, cwd=ROOT) -> subprocess.Popen:
    """A server in its own process group, so it and its workers can be stopped together."""
    with open(log_path, "ab") as out:
        process = subprocess.Popen(  # noqa: S603 - our own commands, no shell
            cmd, env=env, cwd=cwd, stdout=out, stderr=subprocess.STDOUT, start_new_session=True
        )
    _running.append(process)
    return process


def stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGTERM)
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=5)
    if process in _running:
        _running.remove(process)


def stop_all() -> None:
    for process in reversed(list(_running)):
        stop(process)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def tail(path: Path, size: int = 2000) -> str:
    try:
        return path.read_text(errors="replace")[-size:]
    except FileNotFoundError:
        return ""


# --- HTTP ---------------------------------------------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes


def fetch(url: str, *, method="GET", headers=None, body=None, timeout=30) -> Response:
    parts = urlsplit(url)
    if parts.scheme == "https":
        # Our own throwaway certificate.
        context = ssl.create_default_context()
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        conn = http.client.HTTPSConnection(parts.netloc, timeout=timeout, context=context)
    else:
        conn = http.client.HTTPConnection(parts.netloc, timeout=timeout)
    try:
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        conn.request(method, path, body=body, headers=headers or {})
        response = conn.getresponse()
        return Response(response.status, response.headers, response.read())
    finally:
        conn.close()


def wait_until_up(url: str, process: subprocess.Popen, log_path: Path, timeout=60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"{url} exited with {process.returncode}:\n{tail(log_path)}")
        with contextlib.suppress(OSError):
            if fetch(url, headers={"X-Forwarded-Proto": "https"}, timeout=5).status == 200:
                return
        time.sleep(0.2)
    raise RuntimeError(f"{url} did not answer 200 within {timeout} s:\n{tail(log_path)}")


# --- wrk ----------------------------------------------------------------------------------

# Without an items file every request is the URL given to wrk. With one, each thread takes
# every n-th line ("METHOD<TAB>path<TAB>body") and cycles through its share, so threads
# never send the same item. done() prints the figures as JSON for run.py to read.
WRK_SCRIPT = string.Template(r"""-- Written by bench/run.py for one wrk run.
for name, value in pairs($headers) do wrk.headers[name] = value end

local items_file = $items
local thread_count = $threads
local started = 0

function setup(thread)
  started = started + 1
  thread:set("thread_number", started)
end

if items_file then
  local requests, position = {}, 0

  function init(args)
    local index = 0
    for line in io.lines(items_file) do
      if index % thread_count == thread_number - 1 then
        local method, path, body = line:match("^(%u+)\t([^\t]+)\t?(.*)$$")
        if body == "" then body = nil end
        requests[#requests + 1] = wrk.format(method, path, nil, body)
      end
      index = index + 1
    end
  end

  function request()
    position = position % #requests + 1
    return requests[position]
  end
end

function done(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH_JSON {"requests": %d, "duration_us": %d, "p50_us": %d, "p99_us": %d, '
    .. '"connect": %d, "read": %d, "write": %d, "status": %d, "timeout": %d}\n',
    summary.requests, summary.duration, latency:percentile(50), latency:percentile(99),
    e.connect, e.read, e.write, e.status, e.timeout))
end
""")


@dataclass
class Measure:
    requests: int
    seconds: float
    rps: float
    p50_ms: float
    p99_ms: float
    errors: dict


def lua_string(value: str) -> str:
    # Paths, ASCII header values: nothing that needs escaping in a Lua string.
    assert value.isascii()
    assert not set(value) & set('"\\\n')
    return f'"{value}"'


def wrk(url: str, *, seconds: float, opts, workdir: Path, headers=None, items=None) -> Measure:
    """One wrk run of `seconds`: GET `url` again and again, or the requests in `items`."""
    items_path = None
    if items:
        items_path = workdir / f"items-{time.monotonic_ns()}.txt"
        items_path.write_text("".join(f"{line}\n" for line in items))
    header_table = ", ".join(
        f"[{lua_string(k)}] = {lua_string(v)}" for k, v in (headers or {}).items()
    )
    script = workdir / f"script-{time.monotonic_ns()}.lua"
    script.write_text(
        WRK_SCRIPT.substitute(
            headers="{" + header_table + "}",
            items=lua_string(str(items_path)) if items_path else "nil",
            threads=opts.threads,
        )
    )
    cmd = [
        opts.wrk, f"-t{opts.threads}", f"-c{opts.connections}", f"-d{seconds:g}s",
        "--timeout", "10s", "-s", str(script), url,
    ]  # fmt: skip
    output = run(cmd, timeout=seconds + 60)
    line = next((x for x in output.splitlines() if x.startswith("BENCH_JSON ")), None)
    if line is None:
        raise RuntimeError(f"wrk printed no figures:\n{output[-2000:]}")
    data = json.loads(line.removeprefix("BENCH_JSON "))
    seconds_run = data["duration_us"] / 1e6
    return Measure(
        requests=data["requests"],
        seconds=seconds_run,
        rps=data["requests"] / seconds_run if seconds_run else 0.0,
        p50_ms=data["p50_us"] / 1000,
        p99_ms=data["p99_us"] / 1000,
        errors={k: data[k] for k in ("connect", "read", "write", "status", "timeout") if data[k]},
    )


# --- results ------------------------------------------------------------------------------


@dataclass
class Row:
    case: str
    backend: str
    rps: float | None = None
    p50_ms: float | None = None
    p99_ms: float | None = None
    ratio: float | None = None
    # What the ratio divides by: "hello" (the baseline) or "static" (nginx, a file).
    ratio_to: str | None = None
    requests: int | None = None
    errors: dict | None = None
    notes: str = ""


def measured_row(case: str, backend: str, measure: Measure, *, ratio_to: str, notes="") -> Row:
    if measure.errors:
        described = ", ".join(f"{n} {kind}" for kind, n in measure.errors.items())
        notes = "; ".join(filter(None, [notes, f"errors: {described}"]))
    return Row(
        case=case,
        backend=backend,
        rps=round(measure.rps, 1),
        p50_ms=round(measure.p50_ms, 2),
        p99_ms=round(measure.p99_ms, 2),
        ratio_to=ratio_to,
        requests=measure.requests,
        errors=measure.errors or None,
        notes=notes,
    )


def fill_ratios(rows: list[Row]) -> None:
    # Hello world runs first and last: the machine's speed drifts during a run (other work
    # on shared CPUs), so every ratio is to the mean of the two.
    hellos = [r.rps for r in rows if r.case.startswith("hello world") and r.rps]
    hello = sum(hellos) / len(hellos) if hellos else None
    for row in rows:
        if row.rps is None:
            continue
        if row.ratio_to == "hello" and hello:
            row.ratio = round(row.rps / hello, 3)
        elif row.ratio_to == "static":
            static = next(
                (r.rps for r in rows if r.backend == row.backend and r.case == STATIC_CASE), None
            )
            if static:
                row.ratio = round(row.rps / static, 3)


def table(rows: list[Row]) -> str:
    header = ["case", "backend", "req/s", "p50 ms", "p99 ms", "ratio", "notes"]
    lines = [
        [
            r.case,
            r.backend,
            f"{r.rps:,.1f}" if r.rps is not None else "-",
            f"{r.p50_ms:.2f}" if r.p50_ms is not None else "-",
            f"{r.p99_ms:.2f}" if r.p99_ms is not None else "-",
            f"{r.ratio:.3f}" if r.ratio is not None else "-",
            r.notes,
        ]
        for r in rows
    ]
    widths = [max(len(x[i]) for x in [header, *lines]) for i in range(len(header) - 1)]
    numeric = {2, 3, 4, 5}

    def format_line(cells):
        parts = [
            cell.rjust(widths[i]) if i in numeric else cell.ljust(widths[i])
            for i, cell in enumerate(cells[:-1])
        ]
        return ("  ".join(parts) + "  " + cells[-1]).rstrip()

    rule = "  ".join("-" * w for w in widths) + "  " + "-" * 5
    return "\n".join([format_line(header), rule, *(format_line(x) for x in lines)])


# --- the site's data, through Django ------------------------------------------------------

DJANGO_PRELUDE = """
import json, os, sys
sys.path.insert(0, os.getcwd())
import django
django.setup()
params = json.loads(os.environ["BENCH_PARAMS"])
"""

SITE_FACTS = """
from django.db.models import Count
from django.urls import reverse
from articles.models import Article, Category
published = Article.objects.published()
hot = published.order_by("-published_at", "-pk").first()
pages = list(published.order_by("-published_at", "-pk").values_list("slug", "pk")[: params["limit"]])
busiest = published.values("category").annotate(n=Count("pk")).order_by("-n").first()
print(json.dumps({
    "hot": hot.get_absolute_url(),
    "articles": [reverse("articles:detail", kwargs={"slug": s, "pk": pk}) for s, pk in pages],
    "comment_pages": [reverse("comments:page", kwargs={"slug": s, "pk": pk}) for s, pk in pages],
    "category": Category.objects.get(pk=busiest["category"]).get_absolute_url(),
    "published": published.count(),
}))
"""

COUNTS = """
from django.db.models import Sum
from articles.models import Article
from comments.models import Comment
print(json.dumps({
    "views": Article.objects.aggregate(n=Sum("view_count"))["n"] or 0,
    "comments": Comment.objects.count(),
}))
"""

# Challenges made the way the comment form's endpoint makes them (captcha.new_captcha).
CAPTCHAS = """
from datetime import timedelta
from captcha.models import CaptchaStore
from django.db import transaction
from django.utils import timezone
# Valid for the whole run: challenges expire CAPTCHA_TIMEOUT (10) minutes after they are made.
fresh = CaptchaStore.objects.filter(expiration__gt=timezone.now() + timedelta(minutes=2))
with transaction.atomic():
    for _ in range(max(0, params["need"] - fresh.count())):
        CaptchaStore.generate_key()
print(json.dumps(list(fresh.values_list("hashkey", "response")[: params["need"]])))
"""


def django_call(env: dict, code: str, **params):
    output = run(
        [PYTHON, "-c", DJANGO_PRELUDE + code], env={**env, "BENCH_PARAMS": json.dumps(params)}
    )
    return json.loads(output.strip().splitlines()[-1])


def manage(env: dict, *args: str, timeout: float = 600) -> str:
    return run([PYTHON, "manage.py", *args], env=env, timeout=timeout)


# --- backends -----------------------------------------------------------------------------


@dataclass
class Backend:
    name: str
    database_url: str
    redis_url: str


def inherited_env() -> dict:
    """This process's environment without the site's own settings (.env.example lists them)."""
    names = {
        line.split("=", 1)[0].strip()
        for line in (ROOT / ".env.example").read_text().splitlines()
        if "=" in line and not line.lstrip().startswith("#")
    }
    names |= {"DJANGO_SETTINGS_MODULE", "GUNICORN_CMD_ARGS", "PYTHONPATH"}
    return {k: v for k, v in os.environ.items() if k not in names}


def site_env(backend: Backend, workdir: Path) -> dict:
    return {
        **inherited_env(),
        "DJANGO_SETTINGS_MODULE": "hnp.settings",
        "DEBUG": "0",
        "SECRET_KEY": BENCH_KEY,
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": backend.database_url,
        "REDIS_URL": backend.redis_url,
        "STATIC_ROOT": str(workdir / "static"),
        "MEDIA_ROOT": str(workdir / backend.name / "media"),
        "SERVE_MEDIA": "0",
        "DEMO_CONTENT": "0",
        "CAPTCHA_TEST_MODE": "0",
        "TRUSTED_PROXY_COUNT": "0",
        "SECURE_SSL_REDIRECT": "1",
        "EMAIL_URL": "consolemail://",
        "COMMENT_NOTIFY_EMAILS": "",
        "LOG_LEVEL": "WARNING",
        **NO_LIMITS,
    }


def recreate_postgres_database(url: str) -> None:
    import psycopg

    name = urlsplit(url).path.lstrip("/")
    if not name.startswith("hnp_bench"):
        raise RuntimeError(f"refusing to drop {name!r}: the benchmark's database is hnp_bench*")
    admin_url = urlsplit(url)._replace(path="/postgres").geturl()
    with psycopg.connect(admin_url, autocommit=True, connect_timeout=10) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')


def empty_redis(url: str) -> None:
    import redis

    client = redis.Redis.from_url(url, socket_timeout=10)
    client.flushdb()
    client.close()


def prepare_data(backend: Backend, env: dict, opts) -> None:
    if backend.database_url.startswith("postgres"):
        recreate_postgres_database(backend.database_url)
    if backend.redis_url:
        empty_redis(backend.redis_url)
    manage(env, "migrate", "--noinput")
    manage(env, "createcachetable")
    manage({**env, "DEMO_CONTENT": "1"}, "load_demo", "--force")
    if opts.articles:
        run(
            [PYTHON, "bench/generate_articles.py", "--count", str(opts.articles), "--append"],
            env=env,
        )
    if backend.database_url.startswith("postgres"):
        settle_postgres(backend.database_url)


def settle_postgres(url: str) -> None:
    """Vacuum, analyse and checkpoint the freshly loaded database: otherwise autovacuum and
    the checkpointer take their turn at the thousands of new rows during the first cases
    measured, on the CPUs the site and wrk share."""
    import psycopg

    with psycopg.connect(url, autocommit=True, connect_timeout=10) as conn:
        conn.execute("VACUUM (ANALYZE)")
        with contextlib.suppress(psycopg.errors.InsufficientPrivilege):  # superusers only
            conn.execute("CHECKPOINT")


def flush_views(env: dict, available: bool) -> None:
    """Add every waiting view to the articles' counts. One call adds a batch at most, so
    call it until it adds none (and at most 100 times)."""
    for _ in range(100 if available else 0):
        output = manage(env, "flush_view_counts", "--verbosity", "2")
        match = re.search(r"(\d+) views? added", output)
        if not match or match.group(1) == "0":
            return


# --- gunicorn -----------------------------------------------------------------------------


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    log_path: Path


def start_gunicorn(app: str, env: dict, opts, log_path: Path, *, ready_path: str, extra=()):
    port = free_port()
    cmd = [
        GUNICORN, app, "--workers", str(opts.workers), "--worker-class", "sync",
        "--bind", f"127.0.0.1:{port}", "--log-level", "warning", *extra,
    ]  # fmt: skip
    process = start(cmd, env=env, log_path=log_path)
    url = f"http://127.0.0.1:{port}"
    wait_until_up(url + ready_path, process, log_path)
    return Server(url, process, log_path)


# --- nginx --------------------------------------------------------------------------------

STATIC_CASE = "nginx: the same HTML as a file"

NGINX_MAIN = string.Template("""# Written by bench/run.py: a throwaway nginx around deploy/nginx/hnp.conf.
worker_processes auto;
pid $dir/nginx.pid;
error_log $dir/error.log warn;
events { worker_connections 1024; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;

    include $dir/hnp.conf;

    # The reference: the article page saved as a file, same TLS, same workers.
    server {
        listen 127.0.0.1:$static_port ssl http2;
        ssl_certificate $dir/tls/fullchain.pem;
        ssl_certificate_key $dir/tls/privkey.pem;
        ssl_protocols TLSv1.2 TLSv1.3;
        root $dir/html;
        location / {
            default_type "text/html; charset=utf-8";
            try_files /article.html =404;
        }
    }
}
""")


def nginx_site(
    text: str,
    *,
    dir: Path,
    upstream: str,
    https_port: int,
    http_port: int,
    static_root: str,
    media_root: str,
) -> str:
    """deploy/nginx/hnp.conf with its placeholders replaced; IPv6 listeners dropped."""
    text = "\n".join(line for line in text.splitlines() if "listen [::]:" not in line) + "\n"
    for old, new in [
        ("server 127.0.0.1:8000;", f"server {upstream};"),
        ("listen 80;", f"listen 127.0.0.1:{http_port};"),
        ("listen 443 ssl", f"listen 127.0.0.1:{https_port} ssl"),
        ("/etc/letsencrypt/live/hnp.example.vn/", f"{dir}/tls/"),
        ("/var/cache/nginx/hnp", f"{dir}/cache"),
        ("/srv/hnp/staticfiles/", f"{static_root}/"),
        ("/srv/hnp/media/", f"{media_root}/"),
    ]:
        if old not in text:
            raise RuntimeError(f"{NGINX_SITE.name} no longer contains {old!r}: update run.py")
        text = text.replace(old, new)
    return text


@dataclass
class Nginx:
    https_url: str
    http_url: str
    static_url: str
    process: subprocess.Popen
    dir: Path


def start_nginx(upstream: str, env: dict, opts, workdir: Path, html: bytes) -> Nginx:
    dir = workdir / "nginx"
    if dir.exists():
        shutil.rmtree(dir)
    for sub in ("tls", "tmp", "html", "cache"):
        (dir / sub).mkdir(parents=True)
    (dir / "html" / "article.html").write_bytes(html)
    tls = dir / "tls"
    run([opts.openssl, "req", "-x509", "-nodes", "-days", "2", "-subj", "/CN=127.0.0.1",
         "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1",
         "-keyout", str(tls / "privkey.pem"), "-out", str(tls / "fullchain.pem")],
        timeout=60)  # fmt: skip
    https_port, http_port, static_port = free_port(), free_port(), free_port()
    (dir / "hnp.conf").write_text(
        nginx_site(
            NGINX_SITE.read_text(),
            dir=dir,
            upstream=upstream,
            https_port=https_port,
            http_port=http_port,
            static_root=env["STATIC_ROOT"],
            media_root=env["MEDIA_ROOT"],
        )
    )
    (dir / "nginx.conf").write_text(NGINX_MAIN.substitute(dir=dir, static_port=static_port))
    # nginx's workers run as nobody when started by root: they must reach these files.
    for path in [workdir, dir, *dir.rglob("*")]:
        if path.is_dir() or path.suffix in {".html", ".conf"}:
            path.chmod(0o755 if path.is_dir() else 0o644)
    conf, errors = str(dir / "nginx.conf"), str(dir / "error.log")
    command = [opts.nginx, "-p", str(dir), "-c", conf, "-e", errors]
    run([*command, "-t", "-q"], timeout=30)
    log_path = dir / "stdout.log"
    process = start([*command, "-g", "daemon off;"], env=inherited_env(), log_path=log_path)
    server = Nginx(
        https_url=f"https://127.0.0.1:{https_port}",
        http_url=f"http://127.0.0.1:{http_port}",
        static_url=f"https://127.0.0.1:{static_port}",
        process=process,
        dir=dir,
    )
    wait_until_up(server.https_url + "/healthz", process, dir / "error.log")
    return server


# --- the cases ----------------------------------------------------------------------------


class Bench:
    def __init__(self, opts, workdir: Path):
        self.opts = opts
        self.workdir = workdir
        self.rows: list[Row] = []

    def wanted(self, case: str) -> bool:
        return not self.opts.only or case in self.opts.only

    def measure(self, url: str, *, headers=None, items=None, warmup_items=None) -> tuple:
        """Warm-up (not measured) then the measured run: (measure, warm-up requests)."""
        warm = 0
        if self.opts.warmup > 0:
            warm = wrk(
                url,
                seconds=self.opts.warmup,
                opts=self.opts,
                workdir=self.workdir,
                headers=headers,
                items=warmup_items or items,
            ).requests
        measure = wrk(
            url,
            seconds=self.opts.duration,
            opts=self.opts,
            workdir=self.workdir,
            headers=headers,
            items=items,
        )
        return measure, warm

    def case(self, case: str, backend: str, function) -> None:
        """Run one case; a failure is a row of the table, the other cases still run."""
        log(f"{backend}: {case}")
        try:
            function()
        except Exception as error:  # noqa: BLE001 - one failed case must not hide the others
            message = str(error).strip().splitlines()
            log(f"{backend}: {case} failed: {str(error)[-1500:]}")
            self.rows.append(Row(case=case, backend=backend, notes=f"failed: {message[0][:80]}"))

    # The baseline ----------------------------------------------------------------------

    def hello(self, case: str = "hello world") -> None:
        env = {
            **inherited_env(),
            "DJANGO_SETTINGS_MODULE": "hello.settings",
            "SECRET_KEY": BENCH_KEY,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
        }
        server = start_gunicorn(
            "hello.wsgi",
            env,
            self.opts,
            self.workdir / "hello.log",
            ready_path="/",
            extra=["--pythonpath", str(BENCH_DIR)],
        )
        try:
            measure, _ = self.measure(server.url + "/", headers={"X-Forwarded-Proto": "https"})
            self.rows.append(
                measured_row(
                    case,
                    "-",
                    measure,
                    ratio_to="hello",
                    notes="bench/hello: one view, no middleware",
                )
            )
        finally:
            stop(server.process)

    # One backend -----------------------------------------------------------------------

    def backend(self, backend: Backend) -> None:
        env = site_env(backend, self.workdir)
        (self.workdir / backend.name).mkdir(exist_ok=True)
        started = time.monotonic()
        log(f"{backend.name}: migrate, demo newsroom, {self.opts.articles} generated articles")
        prepare_data(backend, env, self.opts)
        log(f"{backend.name}: data ready in {time.monotonic() - started:.0f} s")
        commands = manage(env, "help", "--commands").split()
        self.can_flush = "flush_view_counts" in commands
        server = start_gunicorn(
            "hnp.wsgi",
            env,
            self.opts,
            self.workdir / backend.name / "gunicorn.log",
            ready_path="/healthz",
        )
        try:
            facts = django_call(env, SITE_FACTS, limit=self.opts.cold_urls)
            self.run_cases(backend.name, env, server, facts)
        finally:
            stop(server.process)

    def run_cases(self, name: str, env: dict, server: Server, facts: dict) -> None:
        https = {"X-Forwarded-Proto": "https"}

        def check(path: str) -> None:
            response = fetch(server.url + path, headers=https)
            if response.status != 200:
                raise RuntimeError(
                    f"GET {path} answered {response.status}\n{tail(server.log_path, 3000)}"
                )

        def page(case: str, path: str, notes: str = "") -> None:
            check(path)
            measure, _ = self.measure(server.url + path, headers=https)
            self.rows.append(measured_row(case, name, measure, ratio_to="hello", notes=notes))

        views = {"requests": 0, "before": None}

        def article_hot() -> None:
            check(facts["hot"])
            measure, warm = self.measure(server.url + facts["hot"], headers=https)
            views["requests"] += 1 + measure.requests + warm
            self.rows.append(measured_row("article, same URL", name, measure, ratio_to="hello"))

        def stored_at_once(case: str, run) -> None:
            """`run(url)` against a server of its own that stores every page it builds
            (PAGE_CACHE_MIN_USES=1), as a page rebuilt after a change is: its key was
            built before."""
            own = start_gunicorn(
                "hnp.wsgi",
                {**env, "PAGE_CACHE_MIN_USES": "1"},
                self.opts,
                self.workdir / name / f"gunicorn-{case}.log",
                ready_path="/healthz",
            )
            try:
                run(own.url)
            finally:
                stop(own.process)

        def article_cold(url: str = server.url, case="article, a different one each time"):
            paths = facts["articles"]
            items = [f"GET\t{p}" for p in paths]
            measure, warm = self.measure(
                url + "/", headers=https, items=items, warmup_items=items[::-1]
            )
            views["requests"] += measure.requests + warm
            cycled = "each once" if measure.requests <= len(paths) else "some twice or more"
            self.rows.append(
                measured_row(
                    case,
                    name,
                    measure,
                    ratio_to="hello",
                    notes=f"{len(paths):,} URLs, {cycled}",
                )
            )

        def article_rebuilt(url: str) -> None:
            # Each request a page the page cache does not hold (`?page=N` names another
            # page, which the article's view ignores), as after its views were added or a
            # comment approved: the parts the worker keeps (story, related lists…) are used,
            # and the page is stored.
            items = [f"GET\t{facts['hot']}?page={n}" for n in range(1, 100_001)]
            measure, warm = self.measure(
                url + "/", headers=https, items=items[50_000:], warmup_items=items[:50_000]
            )
            views["requests"] += measure.requests + warm
            self.rows.append(
                measured_row(
                    "article, rebuilt each time",
                    name,
                    measure,
                    ratio_to="hello",
                    notes="page cache missed, its parts kept, page stored",
                )
            )

        if self.wanted("article") or self.wanted("article-rebuilt") or self.wanted("article-cold"):
            flush_views(env, self.can_flush)
            views["before"] = django_call(env, COUNTS)["views"]
            if self.wanted("article"):
                self.case("article, same URL", name, article_hot)
            if self.wanted("article-rebuilt"):
                self.case(
                    "article, rebuilt each time",
                    name,
                    lambda: stored_at_once("rebuilt", article_rebuilt),
                )
            if self.wanted("article-cold"):
                self.case("article, a different one each time", name, article_cold)
                stored = "article, a different one each time, stored at once"
                self.case(
                    stored,
                    name,
                    lambda: stored_at_once("cold", lambda url: article_cold(url, stored)),
                )
            flush_views(env, self.can_flush)
            gained = django_call(env, COUNTS)["views"] - views["before"]
            self.rows.append(
                Row(
                    case="view counting",
                    backend=name,
                    notes=self.views_note(gained, views["requests"]),
                )
            )

        if self.wanted("home"):
            self.case("home", name, lambda: page("home", "/"))
        if self.wanted("category"):
            self.case(
                "category",
                name,
                lambda: page("category", facts["category"], notes=facts["category"]),
            )
        if self.wanted("search"):
            self.case("search", name, lambda: self.search(name, server, https))
        if self.wanted("captcha"):
            self.case(
                "comment form: captcha + CSRF",
                name,
                lambda: page(
                    "comment form: captcha + CSRF",
                    "/binh-luan/ma-xac-nhan/",
                    notes="GET /binh-luan/ma-xac-nhan/",
                ),
            )
        if self.wanted("comment"):
            self.case("comment POST", name, lambda: self.comments(name, env, server, facts))
        if self.wanted("nginx"):
            self.case(
                "nginx: article via micro-cache", name, lambda: self.nginx(name, env, server, facts)
            )

    def views_note(self, gained: int, requests: int) -> str:
        """Views the articles gained against the requests wrk saw answered. wrk does not
        count the requests still in flight when a run stops (up to one per connection)."""
        share = f" ({gained / requests:.1%})" if requests else ""
        flushed = "" if self.can_flush else "; no flush_view_counts command"
        return f"views +{gained:,} for {requests:,} requests{share}{flushed}"

    def search(self, name: str, server: Server, headers: dict) -> None:
        paths = [f"/tim-kiem/?{urlencode({'q': q})}" for q in SEARCH_QUERIES]
        for path in paths:
            if fetch(server.url + path, headers=headers).status != 200:
                raise RuntimeError(f"GET {path} did not answer 200")
        measure, _ = self.measure(
            server.url + "/", headers=headers, items=[f"GET\t{p}" for p in paths]
        )
        self.rows.append(
            measured_row(
                "search", name, measure, ratio_to="hello", notes=f"{len(paths)} queries in turn"
            )
        )

    def comments(self, name: str, env: dict, server: Server, facts: dict) -> None:
        """POST the comment form as a browser does after GET /binh-luan/ma-xac-nhan/."""
        session = fetch(
            server.url + "/binh-luan/ma-xac-nhan/", headers={"X-Forwarded-Proto": "https"}
        )
        if session.status != 200:
            raise RuntimeError(f"GET /binh-luan/ma-xac-nhan/ answered {session.status}")
        shown_at = time.monotonic()
        data = json.loads(session.body)
        cookie = SimpleCookie()
        for header in session.headers.get_all("Set-Cookie") or []:
            cookie.load(header)
        headers = {
            "X-Forwarded-Proto": "https",
            # Django checks the Origin of a POST over HTTPS against the host it was sent to.
            "Origin": "https://" + urlsplit(server.url).netloc,
            "Cookie": f"csrftoken={cookie['csrftoken'].value}",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        pages = facts["comment_pages"]

        def items(need: int) -> list[str]:
            captchas = django_call(env, CAPTCHAS, need=need)
            lines = []
            for k, (key, answer) in enumerate(captchas):
                body = urlencode(
                    {
                        "name": "Bạn đọc thử tải",
                        "phone": "",
                        "title": "Ý kiến về bài viết",
                        "content": f"Bình luận số {k} của lần đo {key[:8]}: bài viết rất hữu ích.",
                        "captcha_0": key,
                        "captcha_1": answer,
                        "consent": "on",
                        "website": "",
                        "shown": data["shown"],
                        "csrfmiddlewaretoken": data["csrf_token"],
                    }
                )
                lines.append(f"POST\t{pages[k % len(pages)]}\t{body}")
            return lines

        # One comment by hand first: a refused form would otherwise be measured as posting.
        first = items(1)[0].split("\t")
        response = fetch(
            server.url + first[1], method="POST", headers=headers, body=first[2].encode()
        )
        if response.status != 302:
            raise RuntimeError(f"POST {first[1]} answered {response.status}, not 302")
        # The form's timestamp must be older than COMMENT_MIN_SECONDS, or the comment is
        # stored but flagged as automated.
        time.sleep(max(0.0, 3.5 - (time.monotonic() - shown_at)))
        # Each post uses up one captcha: enough for the warm-up at 500/s, then for the run at
        # four times the warm-up's pace (a busy machine makes the warm-up a poor guide).
        pace = 500.0
        if self.opts.warmup > 0:
            warm_items = items(max(1000, int(500 * self.opts.warmup)))
            warm = wrk(
                server.url + "/",
                seconds=self.opts.warmup,
                opts=self.opts,
                workdir=self.workdir,
                headers=headers,
                items=warm_items,
            )
            pace = warm.rps
            # wrk stops with posts still in flight; their captchas must be used up before
            # the run's are chosen, or the run would send some of them a second time.
            time.sleep(min(10.0, 1 + 2 * warm.p99_ms / 1000))
        run_items = items(max(5000, int(4 * pace * self.opts.duration)))
        before = django_call(env, COUNTS)["comments"]
        measure = wrk(
            server.url + "/",
            seconds=self.opts.duration,
            opts=self.opts,
            workdir=self.workdir,
            headers=headers,
            items=run_items,
        )
        stored = django_call(env, COUNTS)["comments"] - before
        exhausted = ", captchas ran out" if measure.requests > len(run_items) else ""
        self.rows.append(
            measured_row(
                "comment POST",
                name,
                measure,
                ratio_to="hello",
                notes=f"{stored:,} comments stored for {measure.requests:,} posts{exhausted}",
            )
        )

    def nginx(self, name: str, env: dict, server: Server, facts: dict) -> None:
        upstream = urlsplit(server.url).netloc
        path = facts["hot"]
        html = fetch(server.url + path, headers={"X-Forwarded-Proto": "https"}).body
        proxy = start_nginx(upstream, env, self.opts, self.workdir, html)
        try:
            redirect = fetch(proxy.http_url + path)
            location = redirect.headers.get("Location", "")
            if redirect.status != 301 or not location.startswith("https://"):
                raise RuntimeError(f"plain HTTP answered {redirect.status} {location}")
            flush_views(env, self.can_flush)
            before = django_call(env, COUNTS)["views"]
            first = fetch(proxy.https_url + path)
            if first.status != 200:
                raise RuntimeError(f"GET {path} through nginx answered {first.status}")
            measure, warm = self.measure(proxy.https_url + path)
            status = fetch(proxy.https_url + path).headers.get("X-Cache-Status", "none")
            flush_views(env, self.can_flush)
            gained = django_call(env, COUNTS)["views"] - before
            sent = 2 + measure.requests + warm
            self.rows.append(
                measured_row(
                    "nginx: article via micro-cache",
                    name,
                    measure,
                    ratio_to="static",
                    notes=f"X-Cache-Status {status}; " + self.views_note(gained, sent),
                )
            )
            measure, _ = self.measure(proxy.static_url + path)
            self.rows.append(
                measured_row(
                    STATIC_CASE, name, measure, ratio_to="static", notes=f"{len(html):,} bytes"
                )
            )
        finally:
            stop(proxy.process)


# --- the machine --------------------------------------------------------------------------


def version_of(cmd: list[str]) -> str:
    try:
        result = subprocess.run(  # noqa: S603 - our own commands, no shell
            cmd, capture_output=True, text=True, timeout=10, check=False
        )
    except (OSError, subprocess.TimeoutExpired):
        return "unknown"
    text = (result.stdout or result.stderr).strip().splitlines()
    return text[0] if text else "unknown"


def machine_facts(opts, backends: list[Backend]) -> dict:
    cpu = "unknown"
    with contextlib.suppress(OSError):
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    facts = {
        "nproc": os.cpu_count(),
        "cpu": cpu,
        "os": platform.platform(),
        "python": platform.python_version(),
        "django": importlib.metadata.version("Django"),
        "gunicorn": importlib.metadata.version("gunicorn"),
        "sqlite": sqlite3.sqlite_version,
        "nginx": version_of([opts.nginx, "-v"]),
        "wrk": version_of([opts.wrk, "-v"]),
        "git_commit": version_of(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"]),
        # The working tree is measured, uncommitted changes included.
        "git_uncommitted_changes": bool(
            run(["git", "-C", str(ROOT), "status", "--porcelain", "--untracked-files=no"]).strip()
        ),
        "dotenv_present": (ROOT / ".env").is_file(),
        # wrk, gunicorn, nginx and the databases share these CPUs with anything else running.
        "loadavg_start": opts.loadavg_start,
        "loadavg_end": [round(x, 2) for x in os.getloadavg()],
    }
    for backend in backends:
        if backend.database_url.startswith("postgres"):
            import psycopg

            with (
                contextlib.suppress(psycopg.Error),
                psycopg.connect(
                    backend.database_url.rsplit("/", 1)[0] + "/postgres", connect_timeout=5
                ) as conn,
            ):
                facts["postgresql"] = conn.execute("SHOW server_version").fetchone()[0]
        if backend.redis_url:
            import redis

            with contextlib.suppress(redis.RedisError):
                facts["redis"] = redis.Redis.from_url(backend.redis_url).info("server")[
                    "redis_version"
                ]
    return facts


# --- main ---------------------------------------------------------------------------------


def env_default(name: str, default):
    return type(default)(os.environ.get(name, default))


def parse_args():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--articles",
        type=int,
        default=env_default("BENCH_ARTICLES", 10000),
        help="generated articles on top of the demo newsroom (BENCH_ARTICLES)",
    )
    parser.add_argument(
        "--duration",
        type=float,
        default=env_default("BENCH_DURATION", 10.0),
        help="seconds measured per case (BENCH_DURATION)",
    )
    parser.add_argument(
        "--warmup",
        type=float,
        default=env_default("BENCH_WARMUP", 2.0),
        help="unmeasured seconds before each case (BENCH_WARMUP)",
    )
    parser.add_argument(
        "--threads",
        type=int,
        default=env_default("BENCH_THREADS", 2),
        help="wrk threads (BENCH_THREADS)",
    )
    parser.add_argument(
        "--connections",
        type=int,
        default=env_default("BENCH_CONNECTIONS", 32),
        help="wrk connections (BENCH_CONNECTIONS)",
    )
    parser.add_argument(
        "--workers",
        type=int,
        default=env_default("BENCH_WORKERS", 2),
        help="gunicorn sync workers (BENCH_WORKERS)",
    )
    parser.add_argument(
        "--cold-urls",
        type=int,
        default=env_default("BENCH_COLD_URLS", 20000),
        help="at most this many article URLs for the cold case",
    )
    parser.add_argument(
        "--backends",
        default=env_default("BENCH_BACKENDS", "sqlite,postgresql"),
        help="comma-separated: sqlite, postgresql (BENCH_BACKENDS)",
    )
    parser.add_argument(
        "--postgres-url",
        default=env_default("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/hnp_bench"),
    )
    parser.add_argument(
        "--redis-url", default=env_default("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
    )
    parser.add_argument(
        "--only",
        default=env_default("BENCH_ONLY", ""),
        help=f"comma-separated cases, all by default: {', '.join(CASES)}",
    )
    parser.add_argument("--no-save", action="store_true", help="print only, write no JSON")
    parser.add_argument(
        "--keep-temp", action="store_true", help="keep the temporary folder (logs, configs)"
    )
    opts = parser.parse_args()
    opts.only = {x.strip() for x in opts.only.split(",") if x.strip()}
    unknown = opts.only - set(CASES)
    if unknown:
        parser.error(f"unknown cases: {', '.join(sorted(unknown))}")
    opts.backends = [x.strip() for x in opts.backends.split(",") if x.strip()]
    for tool in ("wrk", "nginx", "openssl"):
        found = shutil.which(tool) or shutil.which(tool, path="/usr/sbin:/sbin")
        if not found:
            parser.error(f"{tool} is missing: `make bench` installs it (apt-get install {tool})")
        setattr(opts, tool, found)
    return opts


def backends_for(opts, workdir: Path) -> list[Backend]:
    known = {
        "sqlite": Backend("sqlite", f"sqlite:///{workdir / 'sqlite' / 'db.sqlite3'}", ""),
        "postgresql": Backend("postgresql", opts.postgres_url, opts.redis_url),
    }
    unknown = [name for name in opts.backends if name not in known]
    if unknown:
        sys.exit(f"unknown backends: {', '.join(unknown)} (sqlite, postgresql)")
    return [known[name] for name in opts.backends]


def main() -> None:
    opts = parse_args()
    opts.loadavg_start = [round(x, 2) for x in os.getloadavg()]
    # Ctrl-C and a plain `kill` unwind through the `finally` that stops the servers, also
    # when started in the background by a shell that ignores SIGINT.
    signal.signal(signal.SIGINT, signal.default_int_handler)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    started_at = datetime.now(UTC)
    started = time.monotonic()
    workdir = Path(tempfile.mkdtemp(prefix="hnp-bench-"))
    bench = Bench(opts, workdir)
    try:
        backends = backends_for(opts, workdir)
        if not any(bench.wanted(case) for case in CASES if case != "hello"):
            backends = []
        if backends:
            log("collectstatic")
            manage(site_env(backends[0], workdir), "collectstatic", "--noinput")
        if bench.wanted("hello"):
            bench.case("hello world", "-", bench.hello)
        for backend in backends:
            try:
                bench.backend(backend)
            except Exception as error:  # noqa: BLE001 - nor one backend the other's figures
                log(f"{backend.name} failed: {error}")
                bench.rows.append(
                    Row(
                        case="(setup)",
                        backend=backend.name,
                        notes=f"failed: {str(error).splitlines()[0][:80]}",
                    )
                )
        if bench.wanted("hello") and backends:
            bench.case("hello world, again", "-", lambda: bench.hello("hello world, again"))
        machine = machine_facts(opts, backends)
    finally:
        stop_all()
        if opts.keep_temp:
            log(f"kept {workdir}")
        else:
            shutil.rmtree(workdir, ignore_errors=True)

    fill_ratios(bench.rows)
    elapsed = time.monotonic() - started
    print()
    print(table(bench.rows))
    print(
        f"\nratio: req/s divided by the mean of the two hello-world runs, first and last"
        f" (nginx rows: by the static file's)."
        f" wrk -t{opts.threads} -c{opts.connections}, {opts.warmup:g} s warm-up +"
        f" {opts.duration:g} s per case; gunicorn {opts.workers} sync workers;"
        f" {opts.articles:,} generated articles. {elapsed / 60:.1f} min; load average"
        f" {opts.loadavg_start[0]:g} at the start, {os.getloadavg()[0]:.2f} at the end"
        f" ({os.cpu_count()} CPUs)."
    )
    if not opts.no_save:
        RESULTS_DIR.mkdir(exist_ok=True)
        path = RESULTS_DIR / f"{started_at:%Y%m%dT%H%M%SZ}.json"
        settings = {k: v for k, v in vars(opts).items() if k not in {"only", "loadavg_start"}}
        settings["only"] = sorted(opts.only)
        path.write_text(
            json.dumps(
                {
                    "started": started_at.isoformat(timespec="seconds"),
                    "seconds": round(elapsed),
                    "machine": machine,
                    "settings": settings,
                    "results": [asdict(row) for row in bench.rows],
                },
                ensure_ascii=False,
                indent=2,
            )
            + "\n"
        )
        print(f"Written to {path.relative_to(ROOT)}")


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        log("interrupted; every server it started is stopped")
        sys.exit(130)
