"""Two app servers behind one address, sharing PostgreSQL, Redis and object storage.

Two gunicorns started with deploy/gunicorn.conf.py and production settings (DEBUG off,
collected static files, second factor for staff, media in an S3 bucket served by moto)
on two free ports of 127.0.0.1, both reached as https://hnp.test through HTTP only, the way
a load balancer sends requests to either. Whatever one server does, the other sees.

Needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL): without them it is skipped, unless
HNP_REQUIRE_TWO_SERVERS is set (as .ci/run's PostgreSQL + Redis pass does), then it fails.
"""

import contextlib
import http.client
import json
import os
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from html import unescape
from http.cookies import SimpleCookie
from io import BytesIO
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import pytest
from captcha.models import CaptchaStore
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.contrib.auth.models import Group
from django.db import connection
from django_otp.plugins.otp_totp.models import TOTPDevice
from PIL import Image

from articles.models import COVER_WIDTHS, Article
from comments.models import Comment
from core import roles
from tests.conftest import ensure_groups
from tests.factories import ArticleFactory, CategoryFactory, UserFactory, png_bytes
from tests.otp import unused_code
from tests.s3 import free_port, new_bucket, s3_server

ROOT = Path(__file__).resolve().parents[2]
HOST = "hnp.test"
ORIGIN = f"https://{HOST}"
PASSWORD = "mat-khau-hai-may-chu"  # noqa: S105 - a test account's
USER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) HNP two-server check"

pytestmark = [pytest.mark.postgresql, pytest.mark.django_db(transaction=True)]


# --- a browser as far as the servers can tell ----------------------------------------------


@dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    body: bytes

    @property
    def text(self) -> str:
        return self.body.decode()

    def json(self):
        return json.loads(self.body)


@dataclass
class Browser:
    """Cookies kept across requests and servers, as a browser keeps them for one site. Every
    request says what nginx adds: HTTPS, and the reader's address in X-Forwarded-For."""

    address: str
    cookies: dict = field(default_factory=dict)

    def request(self, server, method, path, *, body=b"", headers=None) -> Response:
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=60)
        all_headers = {
            "Host": HOST,
            "User-Agent": USER_AGENT,
            "X-Forwarded-Proto": "https",
            "X-Forwarded-For": self.address,
            **(headers or {}),
        }
        if self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if method == "POST":
            all_headers.setdefault("Origin", ORIGIN)
            all_headers.setdefault("Referer", ORIGIN + path)
        try:
            conn.request(method, path, body=body, headers=all_headers)
            raw = conn.getresponse()
            response = Response(raw.status, raw.headers, raw.read())
        finally:
            conn.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(name, None)
                else:
                    self.cookies[name] = morsel.value
        return response

    def get(self, server, path, **kwargs) -> Response:
        return self.request(server, "GET", path, **kwargs)

    def post(self, server, path, data: dict, *, files=None, headers=None) -> Response:
        if files:
            body, content_type = multipart(data, files)
        else:
            body, content_type = (
                urlencode(data, doseq=True).encode(),
                ("application/x-www-form-urlencoded"),
            )
        return self.request(
            server,
            "POST",
            path,
            body=body,
            headers={"Content-Type": content_type, **(headers or {})},
        )

    def form_token(self, server, path) -> str:
        page = self.get(server, path)
        assert page.status == 200, (path, page.status)
        return re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text).group(1)

    def log_in(self, server, username: str) -> None:
        """Password, then the code of the authenticator app: the admin's real login."""
        token = self.form_token(server, "/admin/login/")
        step_one = self.post(
            server,
            "/admin/login/",
            {"csrfmiddlewaretoken": token, "username": username, "password": PASSWORD},
        )
        assert step_one.status == 302, step_one.text[:2000]
        second = step_one.headers["Location"]
        token = self.form_token(server, second)
        device = TOTPDevice.objects.get(user__username=username)
        step_two = self.post(
            server, second, {"csrfmiddlewaretoken": token, "code": unused_code(device)}
        )
        assert step_two.status == 302, step_two.text[:2000]


def multipart(data: dict, files: dict) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    out = BytesIO()
    for name, value in data.items():
        out.write(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n'.encode())
        out.write(f"{value}\r\n".encode())
    for name, (filename, content, content_type) in files.items():
        out.write(
            f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; '
            f'filename="{filename}"\r\nContent-Type: {content_type}\r\n\r\n'.encode()
        )
        out.write(content + b"\r\n")
    out.write(f"--{boundary}--\r\n".encode())
    return out.getvalue(), f"multipart/form-data; boundary={boundary}"


def fetch_public(url: str) -> Response:
    """A reader's browser fetching a picture from the bucket's public address."""
    parts = urlsplit(url)
    conn = http.client.HTTPConnection(parts.hostname, parts.port, timeout=30)
    try:
        conn.request("GET", parts.path)
        raw = conn.getresponse()
        return Response(raw.status, raw.headers, raw.read())
    finally:
        conn.close()


# --- the two servers -------------------------------------------------------------------------


@dataclass
class Server:
    name: str
    port: int
    process: subprocess.Popen
    log: Path
    access_log: Path
    media_root: Path


@dataclass
class Site:
    a: Server
    b: Server
    env: dict
    bucket: object

    def manage(self, *args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stdout + result.stderr
        return result.stdout


def _wait_until_up(server: Server) -> None:
    deadline = time.monotonic() + 60
    while True:
        with contextlib.suppress(OSError):
            response = Browser("192.0.2.1").get(server, "/healthz")
            if response.status == 200:
                return
        if server.process.poll() is not None or time.monotonic() > deadline:
            raise RuntimeError(f"{server.name} did not start:\n{server.log.read_text()[-3000:]}")
        time.sleep(0.2)


def _stop(process: subprocess.Popen) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@pytest.fixture(scope="module")
def site(django_db_setup, tmp_path_factory):
    if connection.vendor != "postgresql" or not os.environ.get("REDIS_URL"):
        reason = "the two-server test needs PostgreSQL and Redis (DATABASE_URL, REDIS_URL)"
        if os.environ.get("HNP_REQUIRE_TWO_SERVERS"):
            pytest.fail(reason)  # CI's PostgreSQL + Redis pass must run it
        pytest.skip(reason)
    work = tmp_path_factory.mktemp("two-servers")
    db = connection.settings_dict
    prefix = f"hnp-two-servers-{uuid.uuid4().hex[:8]}"
    with s3_server(work / "moto.log") as endpoint:
        bucket = new_bucket(endpoint)
        env = {
            "PATH": os.environ["PATH"],
            "DJANGO_SETTINGS_MODULE": "hnp.settings",
            "DEBUG": "0",
            "SECRET_KEY": "two-servers-" + uuid.uuid4().hex + uuid.uuid4().hex,
            "ALLOWED_HOSTS": HOST,
            "CSRF_TRUSTED_ORIGINS": ORIGIN,
            "DATABASE_URL": (
                f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}"
                f"/{db['NAME']}"
            ),
            "REDIS_URL": os.environ["REDIS_URL"],
            "CACHE_KEY_PREFIX": prefix,
            "STATIC_ROOT": str(work / "static"),
            "SERVE_MEDIA": "0",
            "DEMO_CONTENT": "0",
            # nginx in front appends the reader's address.
            "TRUSTED_PROXY_COUNT": "1",
            "EMAIL_URL": "consolemail://",
            "LOG_LEVEL": "WARNING",
            # Views reach the articles when `flush_view_counts` runs, as its timer does.
            "VIEW_COUNT_FLUSH_SECONDS": "0",
            # One comment per source and day instead of per 15 seconds: django-ratelimit's
            # windows are fixed, so two posts a second apart could fall into two 15-second
            # windows (one run in fifteen); a day's window makes that vanishingly rare.
            "COMMENT_RATE_SHORT": "1/d",
            **bucket.environment(),
        }
        subprocess.run(
            [sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"],
            cwd=ROOT,
            env=env,
            check=True,
            timeout=300,
        )
        servers = []
        try:
            for name in ("a", "b"):
                port = free_port()
                media = work / f"media-{name}"
                media.mkdir()
                log, access_log = work / f"{name}.log", work / f"{name}-access.log"
                with open(log, "wb") as out:
                    process = subprocess.Popen(
                        [
                            sys.executable,
                            "-m",
                            "gunicorn",
                            "-c",
                            str(ROOT / "deploy" / "gunicorn.conf.py"),
                            "--bind",
                            f"127.0.0.1:{port}",
                            "--workers",
                            "2",
                            "--access-logfile",
                            str(access_log),
                        ],  # fmt: skip
                        cwd=work,
                        env={**env, "MEDIA_ROOT": str(media)},
                        stdout=out,
                        stderr=subprocess.STDOUT,
                    )
                servers.append(Server(name, port, process, log, access_log, media))
            for server in servers:
                _wait_until_up(server)
            yield Site(a=servers[0], b=servers[1], env=env, bucket=bucket)
        finally:
            for server in servers:
                _stop(server.process)
            import redis

            client = redis.Redis.from_url(os.environ["REDIS_URL"])
            keys = list(client.scan_iter(f"{prefix}:*"))
            if keys:
                client.delete(*keys)


@pytest.fixture
def article(site):
    return ArticleFactory(published=True, title=f"Kỳ họp thứ {uuid.uuid4().hex[:6]}")


def staff(group: str, username: str):
    ensure_groups()
    user = UserFactory(is_staff=True, username=username)
    # The servers check passwords with production's hasher, not the tests' fast one.
    user.password = PBKDF2PasswordHasher().encode(PASSWORD, uuid.uuid4().hex[:16])
    user.save(update_fields=["password"])
    user.groups.add(Group.objects.get(name=group))
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    return user


# --- comments ------------------------------------------------------------------------------


def comment_page(article) -> str:
    return f"/bai-viet/{article.slug}-{article.pk}/binh-luan/"


def captcha_from(browser: Browser, server: Server) -> dict:
    """What the article page's script fetches when a reader starts writing."""
    response = browser.get(server, "/binh-luan/ma-xac-nhan/")
    assert response.status == 200, response.text
    return response.json()


def answer(captcha: dict) -> str:
    """What the reader reads off the picture."""
    return CaptchaStore.objects.get(hashkey=captcha["captcha"]["key"]).response


def comment_form(session: dict, title: str, *, answer_text: str) -> dict:
    return {
        "csrfmiddlewaretoken": session["csrf_token"],
        "shown": session["shown"],
        "name": "Nguyễn Thị Hoa",
        "phone": "",
        "title": title,
        "content": f"Nội dung của {title}.",
        "captcha_0": session["captcha"]["key"],
        "captcha_1": answer_text,
        "consent": "on",
        "website": "",
    }


def test_a_captcha_shown_by_a_is_accepted_by_b_then_refused_when_replayed_on_a(site, article):
    reader = Browser("198.51.100.10")
    session = captcha_from(reader, site.a)
    # B draws the picture of A's challenge.
    picture = reader.get(site.b, session["captcha"]["image_url"])
    assert (picture.status, picture.headers["Content-Type"]) == (200, "image/png")

    form = comment_form(session, "Gửi tới máy chủ B", answer_text=answer(session))
    accepted = reader.post(site.b, comment_page(article), form)
    assert accepted.status == 302, accepted.text[:2000]
    assert Comment.objects.filter(article=article, title="Gửi tới máy chủ B").count() == 1

    replay = reader.post(site.a, comment_page(article), {**form, "title": "Gửi lại tới A"})
    assert replay.status == 400
    assert "Mã xác nhận này đã được dùng" in replay.text
    assert not Comment.objects.filter(title="Gửi lại tới A").exists()
    # Nothing typed is lost: the form comes back filled in.
    assert "Gửi lại tới A" in replay.text


def test_the_comment_limit_per_source_counts_posts_to_both_servers(site, article):
    reader = Browser("198.51.100.20")
    first = captcha_from(reader, site.a)
    posted = reader.post(
        site.a, comment_page(article), comment_form(first, "Lần một", answer_text=answer(first))
    )
    assert posted.status == 302

    second = captcha_from(reader, site.b)
    refused = reader.post(
        site.b, comment_page(article), comment_form(second, "Lần hai", answer_text=answer(second))
    )
    assert refused.status == 429
    assert "Bạn gửi bình luận quá nhanh" in refused.text
    assert "Lần hai" in refused.text  # the reader's text is kept
    assert list(Comment.objects.filter(article=article).values_list("title", flat=True)) == [
        "Lần một"
    ]

    # Another reader, at the same moment, is not affected.
    other = Browser("198.51.100.21")
    third = captcha_from(other, site.b)
    assert (
        other.post(
            site.b,
            comment_page(article),
            comment_form(third, "Người khác", answer_text=answer(third)),
        ).status
        == 302
    )


def test_an_admin_session_opened_on_a_works_on_b(site):
    staff(roles.MODERATOR, "kiemduyet-a")
    moderator = Browser("203.0.113.5")
    moderator.log_in(site.a, "kiemduyet-a")
    on_b = moderator.get(site.b, "/admin/comments/comment/")
    assert on_b.status == 200, on_b.status
    assert "kiemduyet-a" in on_b.text
    # A stranger without the cookie is sent to the login page by B.
    assert Browser("203.0.113.6").get(site.b, "/admin/comments/comment/").status == 302


def test_a_comment_approved_on_a_appears_at_once_on_bs_cached_page(site, article):
    reader = Browser("198.51.100.30")
    session = captcha_from(reader, site.b)
    title = "Ý kiến chờ duyệt"
    assert (
        reader.post(
            site.b, comment_page(article), comment_form(session, title, answer_text=answer(session))
        ).status
        == 302
    )
    comment = Comment.objects.get(article=article, title=title)

    anonymous = Browser("198.51.100.31")
    path = article.get_absolute_url()
    # Stored once a worker has built it twice (PAGE_CACHE_MIN_USES): at most four builds
    # on B's two workers.
    for _ in range(6):
        cached = anonymous.get(site.b, path)
        if cached.headers["X-Page-Cache"] == "hit":
            break
    assert cached.headers["X-Page-Cache"] == "hit"
    assert title not in cached.text

    staff(roles.MODERATOR, "kiemduyet-b")
    moderator = Browser("203.0.113.7")
    moderator.log_in(site.a, "kiemduyet-b")
    token = moderator.form_token(site.a, f"/admin/comments/comment/{comment.pk}/change/")
    approved = moderator.post(
        site.a,
        "/admin/comments/comment/",
        {
            "csrfmiddlewaretoken": token,
            "action": "approve_selected",
            "_selected_action": comment.pk,
        },
    )
    assert approved.status == 302, approved.text[:2000]
    comment.refresh_from_db()
    assert comment.status == Comment.Status.APPROVED

    after = anonymous.get(site.b, path)
    assert title in after.text
    assert after.headers["X-Page-Cache"] == "miss"


def test_views_made_on_both_servers_add_up_exactly_after_the_flush(site, article):
    path = article.get_absolute_url()
    on_a, on_b = 7, 5
    for n in range(on_a):
        assert Browser(f"198.51.100.{40 + n}").get(site.a, path).status == 200
    for n in range(on_b):
        assert Browser(f"198.51.100.{60 + n}").get(site.b, path).status == 200
    # A crawler's visit is not a view.
    Browser("198.51.100.80").get(site.b, path, headers={"User-Agent": "Googlebot/2.1"})

    # Each worker hands its views on within VIEW_BUFFER_SECONDS; the timer flushes them.
    deadline = time.monotonic() + 30
    while True:
        site.manage("flush_view_counts")
        article.refresh_from_db()
        if article.view_count >= on_a + on_b or time.monotonic() > deadline:
            break
        time.sleep(0.5)
    time.sleep(1.5)
    site.manage("flush_view_counts")
    article.refresh_from_db()
    assert article.view_count == on_a + on_b

    # Both servers show the new count at once (the flush replaced the cached page).
    for server in (site.a, site.b):
        page = Browser("198.51.100.90").get(server, path, headers={"User-Agent": "Googlebot/2.1"})
        shown = re.search(r'class="article__views">([\d.]+)', page.text).group(1)
        assert int(shown.replace(".", "")) == on_a + on_b


def test_an_image_uploaded_through_a_is_served_to_readers_of_b(site):
    staff(roles.EDITOR, "bientap-a")
    category = CategoryFactory()
    editor = Browser("203.0.113.9")
    editor.log_in(site.a, "bientap-a")
    token = editor.form_token(site.a, "/admin/articles/article/add/")

    picture = png_bytes(640, 360, (10, 90, 160))
    uploaded = editor.post(
        site.a,
        "/tai-anh-len/",
        {},
        files={"upload": ("anh-trong-bai.png", picture, "image/png")},
        headers={"X-CSRFToken": token},
    )
    assert uploaded.status == 200, uploaded.text
    body_image = uploaded.json()["url"]
    assert body_image.startswith(f"{site.bucket.endpoint}/{site.bucket.name}/uploads/")

    added = editor.post(
        site.a,
        "/admin/articles/article/add/",
        {
            "csrfmiddlewaretoken": token,
            "title": "Bài có ảnh từ máy chủ A",
            "category": category.pk,
            "lead": "Sapo",
            "body": f'<p>Đoạn một.</p><figure class="image"><img src="{body_image}" alt="Ảnh"></figure>',
            "cover_alt": "Quang cảnh",
            "_publish": "1",
        },
        files={"cover_image": ("bia.png", png_bytes(1600, 900), "image/png")},
    )
    assert added.status == 302, added.text[:3000]
    article = Article.objects.get(title="Bài có ảnh từ máy chủ A")
    assert article.is_published

    page = Browser("198.51.100.100").get(site.b, article.get_absolute_url())
    assert page.status == 200
    html = unescape(page.text)
    assert f'src="{body_image}"' in html
    srcset = re.search(r'<figure class="cover">\s*<img [^>]*srcset="([^"]+)"', html).group(1)
    covers = [candidate.split()[0] for candidate in srcset.split(", ")]
    assert len(covers) == len(COVER_WIDTHS)
    for url, width in [(body_image, 640), *zip(covers, COVER_WIDTHS, strict=True)]:
        assert url.startswith(f"{site.bucket.endpoint}/{site.bucket.name}/"), url
        response = fetch_public(url)
        assert response.status == 200, url
        with Image.open(BytesIO(response.body)) as image:
            assert image.width == width
    # Neither server kept anything on its own disk.
    for server in (site.a, site.b):
        assert [p for p in server.media_root.rglob("*") if p.is_file()] == []


def test_the_access_logs_hold_no_query_string_nor_address(site):
    reader = Browser("198.51.100.123")
    assert reader.get(site.b, "/tim-kiem/?q=Nguy%E1%BB%85n+V%C4%83n+A").status == 200
    _stop(site.b.process)  # the access log is complete once the server has stopped
    lines = site.b.access_log.read_text().splitlines()
    assert any('"GET /tim-kiem/ HTTP/1.1" 200' in line for line in lines)
    assert not [
        line for line in lines if "?" in line or "198.51.100." in line or "127.0.0.1" in line
    ]
