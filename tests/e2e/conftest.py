"""Browser tests: Playwright driving Debian's Chromium against Django's live server.

Screenshots of what the browser saw are saved in artifacts/screenshots/ (git-ignored).
"""

import os
import re
from pathlib import Path

import pytest

# Playwright's sync API keeps an event loop running in this thread; the test code itself
# still talks to the database synchronously, which Django otherwise refuses.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-dev-shm-usage",
]
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
PASSWORD = "mat-khau-thu-nghiem"


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/e2e/" in str(item.fspath).replace(os.sep, "/"):
            item.add_marker(pytest.mark.e2e)


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        pytest.skip(
            f"No Chromium at {CHROMIUM} (install Debian's package: apt-get install -y chromium); "
            "browser tests skipped"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def open_page(browser, live_server, settings):
    """New pages in their own browser context (cookies), Vietnamese locale and time zone."""
    settings.ALLOWED_HOSTS = ["*"]
    from django.core.cache import cache

    cache.clear()  # flushing the database leaves the cache table (and Redis) as it was
    contexts = []

    def open_page(width=1366, height=900, **options):
        context = browser.new_context(
            viewport={"width": width, "height": height},
            locale="vi-VN",
            timezone_id="Asia/Ho_Chi_Minh",
            base_url=live_server.url,
            **options,
        )
        contexts.append(context)
        page = context.new_page()
        page.set_default_timeout(20_000)
        page.errors = []
        page.on("pageerror", lambda error: page.errors.append(str(error)))
        return page

    yield open_page
    for context in contexts:
        context.close()


@pytest.fixture
def page(open_page):
    return open_page()


def screenshot(page, name: str, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def log_in(page, username: str, password: str = PASSWORD):
    """The whole login, as staff do it: the password, then the authenticator's code (set up
    at the first login from the secret the page shows)."""
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from tests.otp import code_now, key_from_text, unused_code

    page.goto("/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/(otp/(setup/)?)?$"))
    if page.url.endswith("/otp/setup/"):
        page.fill("#id_code", code_now(key_from_text(page.inner_text("#totp-secret"))))
        page.click("input[type=submit]")
        page.wait_for_url(re.compile(r"/admin/otp/recovery-codes/$"))
        page.click("#content-main a.button")
    elif page.url.endswith("/otp/"):
        device = TOTPDevice.objects.get(user__username=username, confirmed=True)
        page.fill("#id_code", unused_code(device))
        page.click("input[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def no_horizontal_scroll(page) -> bool:
    return page.evaluate(
        "document.documentElement.scrollWidth <= document.documentElement.clientWidth"
    )
