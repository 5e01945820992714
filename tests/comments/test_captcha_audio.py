"""The captcha spoken in Vietnamese: the same one-use challenge as the picture, by ear."""

import io
import os
import shutil
import subprocess
import wave
from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.urls import reverse
from django.utils import timezone

from comments import captcha_audio, views
from comments.models import Comment
from comments.templatetags import comment_tags
from tests.comments.conftest import comment_data, comment_url, fresh_captcha

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def espeak():
    """Skipped on a laptop without espeak-ng; in CI (which installs it) that is a failure."""
    if not shutil.which("espeak-ng"):
        reason = "The audio captcha needs espeak-ng (apt-get install -y espeak-ng)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    captcha_audio.audio_available.cache_clear()
    yield
    captcha_audio.audio_available.cache_clear()
    comment_tags._deferred_forms.clear()


@pytest.fixture
def recordings(monkeypatch):
    """What the endpoint recorded, as espeak-ng spoke it."""
    made = []

    def spy(digits, *, key):
        made.append(captcha_audio.record(digits, key=key))
        return made[-1]

    monkeypatch.setattr(views, "record", spy)
    return made


def audio_url(key: str) -> str:
    return reverse("comments:captcha-audio", kwargs={"key": key})


def phonemes_of_digit(digit: str) -> str:
    """espeak-ng's own reading of one digit, asked independently of the site's code."""
    result = subprocess.run(
        ["espeak-ng", "-v", "vi", "-x", "-q", digit],  # noqa: S607
        capture_output=True,
        text=True,
        check=True,
        timeout=10,
    )
    return result.stdout.replace("|", "").strip()


def wav_seconds(data: bytes) -> float:
    with wave.open(io.BytesIO(data)) as audio:
        assert (audio.getnchannels(), audio.getsampwidth()) == (1, 2)
        return audio.getnframes() / audio.getframerate()


def test_the_recording_speaks_the_challenge_digits(client, recordings):
    store = fresh_captcha(client)
    response = client.get(audio_url(store.hashkey))
    assert response.status_code == 200
    assert response["Content-Type"] == "audio/wav"
    (recording,) = recordings
    assert response.content == recording.wav
    assert recording.phonemes == tuple(phonemes_of_digit(d) for d in store.response)
    # Each digit is its own word: another challenge would not read the same.
    other = "".join(str((int(d) + 1) % 10) for d in store.response)
    assert recording.phonemes != tuple(phonemes_of_digit(d) for d in other)
    # Five digits at the slowed rate, with pauses: seconds, not a blip or a minute.
    seconds = wav_seconds(response.content)
    assert seconds == pytest.approx(recording.seconds)
    assert 4.0 <= seconds <= 10.0


def test_the_recording_grows_with_the_digits_and_is_slowed(tmp_path):
    lengths = [captcha_audio.record(digits, key="k").seconds for digits in ("1", "123", "12345")]
    assert lengths[0] < lengths[1] < lengths[2]
    # About a second per digit more, lead-in aside.
    assert 0.6 <= (lengths[2] - lengths[1]) / 2 <= 2.0
    # Slower than espeak-ng's own rate for the same words.
    plain = tmp_path / "plain.wav"
    subprocess.run(  # noqa: S603
        ["espeak-ng", "-v", "vi", "-g", str(captcha_audio.WORD_GAP), "-w", str(plain)]  # noqa: S607
        + [captcha_audio.spoken_text("12345")],
        check=True,
        timeout=10,
    )
    assert lengths[2] > wav_seconds(plain.read_bytes()) * 1.2


def test_noise_is_mixed_in_and_each_challenge_sounds_its_own_way():
    first = captcha_audio.record("48213", key="a" * 40)
    with wave.open(io.BytesIO(first.wav)) as audio:
        rate = audio.getframerate()
        lead_in = audio.readframes(rate // 10)
    # espeak-ng starts with digital silence; ours has a noise floor, quiet but there.
    samples = memoryview(lead_in).cast("h")
    assert 0 < max(abs(s) for s in samples) <= 32767 * captcha_audio.NOISE_LEVEL * 1.5
    assert captcha_audio.record("48213", key="a" * 40).wav == first.wav  # replays agree
    assert captcha_audio.record("48213", key="b" * 40).wav != first.wav


def test_the_recording_is_never_cached(client):
    store = fresh_captcha(client)
    response = client.get(audio_url(store.hashkey))
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert "ETag" not in response
    assert "Last-Modified" not in response


def test_listening_does_not_use_up_the_challenge_answering_does(client, article):
    data = comment_data(client)
    assert client.get(audio_url(data["captcha_0"])).status_code == 200
    assert client.get(audio_url(data["captcha_0"])).status_code == 200  # a second listen
    assert client.post(comment_url(article), data).status_code == 302
    assert Comment.objects.count() == 1
    gone = client.get(audio_url(data["captcha_0"]))
    assert gone.status_code == 410
    assert "đã được dùng hoặc đã hết hạn" in gone.content.decode()


def test_a_wrong_answer_after_listening_uses_up_the_challenge(client, article):
    data = comment_data(client, captcha_1="99999x")
    assert client.get(audio_url(data["captcha_0"])).status_code == 200
    assert client.post(comment_url(article), data).status_code == 400
    assert client.get(audio_url(data["captcha_0"])).status_code == 410


def test_unknown_malformed_and_expired_keys(client):
    assert client.get(audio_url("0" * 40)).status_code == 404
    assert client.get(audio_url("not-a-key")).status_code == 404
    store = fresh_captcha(client)
    CaptchaStore.objects.filter(pk=store.pk).update(
        expiration=timezone.now() - timedelta(seconds=1)
    )
    assert client.get(audio_url(store.hashkey)).status_code == 410


def test_only_get(client):
    store = fresh_captcha(client)
    assert client.post(audio_url(store.hashkey)).status_code == 405


def test_listening_is_rate_limited_per_source(client, settings):
    settings.CAPTCHA_RATE = "3/m"
    key = CaptchaStore.generate_key()
    statuses = [client.get(audio_url(key)).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    refused = client.get(audio_url(key))
    assert "quá nhiều mã xác nhận" in refused.content.decode()
    assert client.get(audio_url(key), REMOTE_ADDR="10.1.2.3").status_code == 200


def test_the_form_offers_the_spoken_code_for_its_challenge(client, article):
    html = client.get(comment_url(article)).content.decode()
    key = CaptchaStore.objects.get().hashkey
    assert f'href="{audio_url(key)}"' in html
    assert "Nghe mã" in html
    assert "đọc 5 chữ số bằng tiếng Việt; mở trong thẻ mới" in html
    assert client.get(reverse("comments:session")).json()["captcha"]["audio_url"] == audio_url(
        CaptchaStore.objects.latest("pk").hashkey
    )
    # The article page's deferred form has the button, hidden until a code is loaded.
    page = client.get(article.get_absolute_url()).content.decode()
    assert "data-captcha-play hidden" in page
    assert "/nghe.wav" not in page


def test_without_espeak_nothing_offers_it(client, article, monkeypatch):
    monkeypatch.setattr(captcha_audio.shutil, "which", lambda name: None)
    captcha_audio.audio_available.cache_clear()
    comment_tags._deferred_forms.clear()
    assert "Nghe mã" not in client.get(comment_url(article)).content.decode()
    assert "Nghe mã" not in client.get(article.get_absolute_url()).content.decode()
    store = fresh_captcha(client)
    session = client.get(reverse("comments:session")).json()
    assert session["captcha"]["audio_url"] == ""
    assert client.get(audio_url(store.hashkey)).status_code == 404


def test_a_stuck_espeak_gives_a_clear_message(client, monkeypatch):
    def stuck(*args, **kwargs):
        raise subprocess.TimeoutExpired(args[0], captcha_audio.TIMEOUT_SECONDS)

    monkeypatch.setattr(captcha_audio.subprocess, "run", stuck)
    store = fresh_captcha(client)
    response = client.get(audio_url(store.hashkey))
    assert response.status_code == 503
    assert "nhập mã trong ảnh" in response.content.decode()


def test_a_recording_costs_one_query_and_the_rate_limit(
    client, django_assert_max_num_queries, cache_reads
):
    store = fresh_captcha(client)
    # The challenge's row; counting the request against the source's limit is one increment
    # in the shared cache (five queries with the database cache, none with Redis).
    with django_assert_max_num_queries(1 + cache_reads(5)):
        assert client.get(audio_url(store.hashkey)).status_code == 200
