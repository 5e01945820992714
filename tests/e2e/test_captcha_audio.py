"""A reader who cannot see the picture passes the captcha by ear: "Nghe mã" plays the five
digits in Vietnamese, with and without JavaScript."""

import re
import shutil
import subprocess

import pytest
from captcha.models import CaptchaStore

from comments import captcha_audio, views
from comments.models import Comment
from tests.e2e.conftest import SCREENSHOTS, no_horizontal_scroll, screenshot
from tests.e2e.data import build_newsroom

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not shutil.which("espeak-ng"), reason="needs espeak-ng"),
]


def screenshot_of(locator, name: str):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    locator.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


@pytest.fixture
def ear(monkeypatch, settings):
    """What the site spoke, and a listener that knows espeak-ng's Vietnamese digits: the
    phonemes of each spoken clause turned back into the digit espeak-ng says that way."""
    settings.COMMENT_RATE_SHORT = settings.COMMENT_RATE_LONG = "100/s"
    captcha_audio.audio_available.cache_clear()
    heard = []

    def spy(digits, *, key):
        heard.append(captcha_audio.record(digits, key=key))
        return heard[-1]

    monkeypatch.setattr(views, "record", spy)
    digit_by_sound = {}
    for digit in "0123456789":
        sound = subprocess.run(
            ["espeak-ng", "-v", "vi", "-x", "-q", digit],  # noqa: S607
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout
        digit_by_sound[sound.replace("|", "").strip()] = digit
    assert len(digit_by_sound) == 10, "two digits sound alike"

    def listen() -> str:
        return "".join(digit_by_sound[sound] for sound in heard[-1].phonemes)

    return heard, listen


@pytest.mark.parametrize("width", [1366, 390])
def test_a_reader_passes_the_captcha_by_ear(open_page, ear, width):
    heard, listen = ear
    article = build_newsroom()[0]
    page = open_page(width=width, height=900 if width > 600 else 844)
    page.goto(article.get_absolute_url())
    # The button appears with the code, when the reader starts writing.
    listen_button = page.get_by_role("button", name=re.compile("^Nghe mã"))
    assert not listen_button.is_visible()
    page.click("#id_name")
    listen_button.wait_for(state="visible")
    assert page.is_hidden("a[data-captcha-audio]")
    key = page.input_value("input[name=captcha_0]")

    # By keyboard: Tab from the comment's text reaches it; Enter plays it in place.
    page.focus("#id_content")
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-captcha-play')")
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => { const p = document.querySelector('[data-captcha-player]');"
        " return p.readyState >= 1 && p.duration > 3; }"
    )
    assert page.evaluate(
        "() => document.querySelector('[data-captcha-player]').getAttribute('src')"
    ).endswith(f"/ma-xac-nhan/{key}/nghe.wav")
    assert page.evaluate("() => document.activeElement.hasAttribute('data-captcha-play')")
    assert heard, "the recording was not requested"
    box = listen_button.bounding_box()
    assert box["height"] >= 24
    assert 0 <= box["x"] <= width - box["width"]
    assert no_horizontal_scroll(page)
    screenshot_of(page.locator(".captcha"), f"captcha-audio-button-{width}")

    # A new code: the button now plays the new challenge.
    page.click("text=Lấy lại mã bảo mật")
    page.wait_for_function(
        "key => document.querySelector('input[name=captcha_0]').value !== key", arg=key
    )
    new_key = page.input_value("input[name=captcha_0]")
    assert page.evaluate(
        "() => document.querySelector('[data-captcha-player]').getAttribute('src')"
    ) in (None, "")
    listen_button.click()
    page.wait_for_function(
        "key => (document.querySelector('[data-captcha-player]').getAttribute('src') || '')"
        ".includes(key)",
        arg=new_key,
    )
    page.wait_for_function("() => document.querySelector('[data-captcha-player]').readyState >= 1")

    # What was heard is the answer.
    digits = listen()
    assert digits == CaptchaStore.objects.get(hashkey=new_key).response
    page.fill("#id_name", "Phạm Văn Khiếm")
    page.fill("#id_title", "Nghe mã được")
    page.fill("#id_content", "Tôi không nhìn rõ ảnh nhưng nghe được mã.")
    page.fill("#id_captcha_1", digits)
    page.check("#id_consent")
    screenshot(page, f"captcha-audio-form-{width}", full_page=False)
    page.click("button:has-text('Gửi bình luận')")
    page.wait_for_url(re.compile(r"binh-luan=cho-duyet"))
    assert Comment.objects.filter(title="Nghe mã được", status="pending").exists()
    assert not page.errors


def test_without_javascript_the_code_is_a_link_to_the_recording(open_page, ear):
    heard, listen = ear
    article = build_newsroom()[0]
    page = open_page(java_script_enabled=False)
    page.goto(f"{article.get_absolute_url()}binh-luan/")
    link = page.get_by_role("link", name=re.compile("^Nghe mã"))
    assert link.is_visible()
    assert link.get_attribute("target") == "_blank"
    assert not page.is_visible("[data-captcha-play]")
    key = page.input_value("input[name=captcha_0]")
    screenshot_of(page.locator(".captcha"), "captcha-audio-link-no-js-1366")
    response = page.request.get(link.get_attribute("href"))
    assert response.status == 200
    assert response.headers["content-type"] == "audio/wav"
    assert "no-store" in response.headers["cache-control"]
    assert response.body()[:4] == b"RIFF"

    page.fill("#id_name", "Phạm Văn Khiếm")
    page.fill("#id_title", "Không cần JavaScript")
    page.fill("#id_content", "Nghe mã trong thẻ mới rồi quay lại.")
    page.fill("#id_captcha_1", listen())
    page.check("#id_consent")
    page.click("button:has-text('Gửi bình luận')")
    page.wait_for_url(re.compile(r"binh-luan=cho-duyet"))
    assert Comment.objects.filter(title="Không cần JavaScript").exists()
    # The challenge was used by that answer: its recording is gone.
    assert page.request.get(f"/binh-luan/ma-xac-nhan/{key}/nghe.wav").status == 410
