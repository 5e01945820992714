"""Every reader page is valid HTML (the Nu HTML checker) and passes axe-core in Chromium.

The quality bar of the design document (§6): valid markup, WCAG 2.2 AA. The checkers come
from the npm packages pinned in package.json (`make test` and `make e2e` install them with
`npm ci`); vnu.jar needs a Java runtime. Nothing is downloaded while the tests run.
"""

import io
import json
import os
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from PIL import Image

from articles import viewcounts
from articles.models import Article, Category, Series
from articles.services import publish_article
from articles.views import CategoryView, SearchView
from comments.models import Comment, Reply
from comments.services import recount_comments
from demo import images
from tests.e2e.conftest import CHROMIUM

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
AXE_JS = ROOT / "node_modules" / "axe-core" / "axe.min.js"
VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
PAGES = ROOT / "artifacts" / "pages"
WIDTHS = {"phone": 390, "desktop": 1366}


@dataclass
class Checked:
    """One page as served, and what axe-core found in it at each width."""

    name: str
    url: str
    html: bytes
    violations: dict[str, list] = field(default_factory=dict)


@pytest.fixture
def checkers():
    """Skip on a laptop without the checkers; in CI (which installs them) that is a failure."""
    missing = []
    if not os.path.exists(CHROMIUM):
        missing.append(f"Chromium at {CHROMIUM} (apt-get install -y chromium)")
    if not shutil.which("java"):
        missing.append("a Java runtime for vnu.jar (apt-get install -y default-jre-headless)")
    if not (AXE_JS.exists() and VNU_JAR.exists()):
        missing.append("the npm packages axe-core and vnu-jar (make e2e, or npm ci)")
    if missing:
        reason = "Page quality checks need " + "; ".join(missing)
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)


def plain_picture(scene, theme, variant, seed, size=(1600, 900)) -> bytes:
    out = io.BytesIO()
    Image.new("RGB", size, (120, 40, 40)).save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def reader_pages(settings, monkeypatch):
    """The demo newsroom, with lists short enough to have second pages; {name: address}."""
    settings.COMMENT_RATE_SHORT = settings.COMMENT_RATE_LONG = "1000/s"
    settings.CAPTCHA_RATE = "1000/s"
    settings.COMMENTS_PER_PAGE = 2
    monkeypatch.setattr(CategoryView, "paginate_by", 5)
    monkeypatch.setattr(SearchView, "paginate_by", 5)
    # Plain pictures of the real sizes: drawing the illustrations takes most of the command's
    # time, and neither checker looks at pixels.
    monkeypatch.setattr(images, "render", plain_picture)
    call_command("load_demo", "--force", stdout=io.StringIO())
    # Published by an editor just now, so timed to the microsecond like real articles (the
    # demo's publishing times are whole minutes), as comments are.
    publish_article(
        article=Article.objects.filter(status=Article.Status.REVIEW).first(),
        editor=get_user_model().objects.get(username="bientap"),
    )
    # The demo spreads its approved comments over the series: gathered under one article,
    # they make a list with a second page.
    approved = Comment.objects.approved()
    article = Article.objects.published().exclude(cover_image="").get(pk=approved[0].article_id)
    approved.update(article=article)
    # The newsroom's answer under the first comment, and on the "Hỏi đáp" page.
    Reply.objects.create(
        comment=approved.order_by("created_at", "pk")[0],
        content="Cảm ơn bạn đọc.\n\nKiến nghị đã được chuyển tới Thường trực HĐND.",
        signature="Văn phòng HĐND tỉnh",
    )
    in_series = Article.objects.published().exclude(series=None).exclude(pk=article.pk)[0]
    category = max(
        Category.objects.all(), key=lambda c: Article.objects.published().in_category(c).count()
    )
    closed = close_comments_of_one_article(exclude=[article.pk, in_series.pk])
    url = article.get_absolute_url()
    # A featured comment (its badge), and the report page of another.
    featured, reported = approved.order_by("pk")[:2]
    Comment.objects.filter(pk=featured.pk).update(is_featured=True)
    report_url = reverse("comments:report", args=[reported.pk])
    yield {
        "home": "/",
        "article": url,
        "article-comment-sent": f"{url}?binh-luan=cho-duyet",
        "article-in-series": in_series.get_absolute_url(),
        "comment-page": f"{url}binh-luan/",
        "comment-report": report_url,
        "comment-report-sent": f"{report_url}?da-gui=1",
        "category": category.get_absolute_url(),
        "category-page-2": f"{category.get_absolute_url()}?page=2",
        "series": Series.objects.get().get_absolute_url(),
        "search": "/tim-kiem/?q=hdnd",
        "search-no-match": "/tim-kiem/?q=khongcobaivietnao",
        "privacy": "/chinh-sach-bao-ve-du-lieu/",
        "questions": "/hoi-dap/",
        "not-found": "/khong-co-trang-nay/",
        "article-closed": closed.get_absolute_url(),
        "comment-page-closed": f"{closed.get_absolute_url()}binh-luan/",
    }
    # Views wait in memory for a moment (without Redis): written while their articles exist.
    viewcounts.write_buffered_views()


def close_comments_of_one_article(*, exclude) -> Article:
    """An article with an approved comment whose comments are closed."""
    closed = Article.objects.published().exclude(pk__in=exclude).first()
    Comment.objects.create(
        article=closed,
        name="Lê Văn Tâm",
        title="Ý kiến trước khi đóng bình luận",
        content="Cảm ơn tòa soạn.",
        status=Comment.Status.APPROVED,
        consent_at=closed.published_at,
        consent_version="2026-01",
    )
    closed.comments_open = False
    closed.save(update_fields=["comments_open"])
    recount_comments()
    return closed


def post_to_closed_article(page, url: str) -> bytes:
    """Write a comment while the article is open, send it once it has closed: refused, with
    the text kept."""
    path = url.split("binh-luan/")[0]
    article = Article.objects.get(pk=int(path.rstrip("/").rpartition("-")[2]))
    Article.objects.filter(pk=article.pk).update(comments_open=True)
    page.goto(url)
    page.fill("#id_name", "Nguyễn Thị Hoa")
    page.fill("#id_title", "Câu hỏi gửi muộn")
    page.fill("#id_content", "Xin hỏi khi nào sửa đường?")
    Article.objects.filter(pk=article.pk).update(comments_open=False)
    with page.expect_response(lambda r: r.request.method == "POST") as response_info:
        page.click(".comment-form__form button.button[type=submit]")
    response = response_info.value
    assert response.status == 403
    page.wait_for_selector(".comments-closed [role=alert]")
    return response.body()


def run_axe(page) -> list:
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("async () => (await axe.run(document)).violations")


def check_in_browser(page, checked: Checked):
    """axe-core at each width, on the page as the browser has it now."""
    for width_name, width in WIDTHS.items():
        page.set_viewport_size({"width": width, "height": 900})
        violations = run_axe(page)
        if violations:
            checked.violations[width_name] = violations


def post_invalid_comment(page, url: str) -> bytes:
    """Send the comment form with a wrong code and no consent: it comes back with errors."""
    page.goto(url)
    page.fill("#id_name", "Nguyễn Thị Hoa")
    page.fill("#id_captcha_1", "00000")
    with page.expect_response(lambda r: r.request.method == "POST") as response_info:
        page.click(".comment-form__form button.button[type=submit]")
    response = response_info.value
    assert response.status == 400
    page.wait_for_selector("[data-error-summary]")
    return response.body()


def post_empty_report(page, url: str) -> bytes:
    """Send the report form without a reason: it comes back with its error."""
    page.goto(url)
    with page.expect_response(lambda r: r.request.method == "POST") as response_info:
        page.click(".report__form button[type=submit]")
    response = response_info.value
    assert response.status == 400
    page.wait_for_selector(".field__error")
    return response.body()


def axe_report(checked: list[Checked]) -> str:
    """One entry per page and rule, naming the widths where it fails, with up to five of
    the elements at fault and why."""
    lines = []
    for item in checked:
        widths: dict[str, list[str]] = {}
        first: dict[str, dict] = {}
        for width_name, violations in item.violations.items():
            for violation in violations:
                widths.setdefault(violation["id"], []).append(width_name)
                first.setdefault(violation["id"], violation)
        for rule, violation in first.items():
            lines.append(
                f"axe: {item.name} {item.url} ({', '.join(widths[rule])}): "
                f"[{violation['impact']}] {rule}: {violation['help']} ({violation['helpUrl']})"
            )
            for node in violation["nodes"][:5]:
                html = " ".join(node["html"].split())
                lines.append(f"    {' '.join(map(str, node['target']))}: {html[:160]}")
                why = " ".join(node.get("failureSummary", "").split())
                lines.append(f"      {why[:300]}")
            if len(violation["nodes"]) > 5:
                lines.append(f"    … and {len(violation['nodes']) - 5} more")
    return "\n".join(lines)


def run_vnu(checked: list[Checked]) -> list[dict]:
    """All pages in one run of the checker: starting the JVM costs seconds. The pages are
    kept in artifacts/pages/ (git-ignored) to be looked at."""
    PAGES.mkdir(parents=True, exist_ok=True)
    files = {}
    for item in checked:
        path = PAGES / f"{item.name}.html"
        path.write_bytes(item.html)
        files[path.name] = (path, item)
    result = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout"]
        + [str(path) for path, _ in files.values()],
        capture_output=True,
        timeout=120,
        check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except ValueError:
        pytest.fail(f"vnu.jar gave no report (exit {result.returncode}): {result.stderr[-2000:]}")
    for message in messages:
        _, item = files.get(message.get("url", "").rpartition("/")[2], (None, None))
        message["page"] = f"{item.name} {item.url}" if item else message.get("url", "?")
    return messages


def vnu_line(message: dict) -> str:
    where = f"line {message['lastLine']}" if "lastLine" in message else ""
    extract = message.get("extract", "").replace("\n", " ").strip()
    return f"{message['page']} {where}: {message['message']}\n    {extract[:160]}"


def test_every_reader_page_is_valid_html_and_passes_axe(checkers, reader_pages, open_page, capsys):
    # The site's Content-Security-Policy refuses injected scripts: axe-core is one.
    page = open_page(bypass_csp=True)
    checked = []
    for name, url in reader_pages.items():
        response = page.goto(url)
        assert response.status == (404 if name == "not-found" else 200), url
        checked.append(Checked(name, url, response.body()))
        check_in_browser(page, checked[-1])
    url = reader_pages["comment-page"]
    checked.append(Checked("comment-page-invalid-post", url, post_invalid_comment(page, url)))
    check_in_browser(page, checked[-1])
    url = reader_pages["comment-page-closed"]
    checked.append(Checked("comment-page-closed-refusal", url, post_to_closed_article(page, url)))
    check_in_browser(page, checked[-1])
    url = reader_pages["comment-report"]
    checked.append(Checked("comment-report-invalid-post", url, post_empty_report(page, url)))
    check_in_browser(page, checked[-1])

    messages = run_vnu(checked)
    errors = [m for m in messages if m["type"] != "info" or m.get("subType") == "fatal"]
    warnings = [m for m in messages if m not in errors]
    with capsys.disabled():
        for message in warnings:
            print(f"vnu warning: {vnu_line(message)}")
    problems = axe_report(checked)
    if errors:
        problems += "\n" + "\n".join(f"vnu: {vnu_line(m)}" for m in errors)
    if problems.strip():
        pytest.fail(f"Reader pages fall short of the quality bar:\n{problems}", pytrace=False)
