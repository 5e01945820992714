from datetime import timedelta

import pytest
from captcha.models import CaptchaStore
from django.utils import timezone

from comments.captcha import five_digits
from comments.models import Comment
from tests.comments.conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db


def test_challenge_is_five_digits():
    for _ in range(50):
        challenge, answer = five_digits()
        assert challenge == answer
        assert len(answer) == 5
        assert answer.isdigit()


def _assert_error_with_text_kept(response, message):
    assert response.status_code == 400
    html = response.content.decode()
    assert message in html
    assert "Tôi đồng tình với các nghị quyết." in html  # the reader's text is still there
    assert Comment.objects.count() == 0


def test_wrong_answer_is_refused_with_a_new_captcha_and_the_text_kept(client, article):
    data = comment_data(client, captcha_1="99999x")
    response = client.post(comment_url(article), data)
    _assert_error_with_text_kept(response, "Mã xác nhận không đúng. Hãy nhập mã mới.")
    # The old challenge is gone; a different one is in the form.
    assert not CaptchaStore.objects.filter(hashkey=data["captcha_0"]).exists()
    new_key = CaptchaStore.objects.get().hashkey
    assert f'name="captcha_0" value="{new_key}"' in response.content.decode()


def test_expired_captcha_gets_its_own_message(client, article):
    data = comment_data(client)
    CaptchaStore.objects.filter(hashkey=data["captcha_0"]).update(
        expiration=timezone.now() - timedelta(seconds=1)
    )
    response = client.post(comment_url(article), data)
    _assert_error_with_text_kept(response, "Mã xác nhận đã hết hạn. Hãy nhập mã mới bên dưới.")


def test_a_solved_captcha_cannot_be_used_twice(client, article):
    data = comment_data(client)
    assert client.post(comment_url(article), data).status_code == 302
    client.cookies.clear()
    replay = client.post(comment_url(article), {**data, "title": "Lần hai"}, REMOTE_ADDR="10.0.0.9")
    assert replay.status_code == 400
    assert "Mã xác nhận này đã được dùng. Hãy nhập mã mới bên dưới." in replay.content.decode()
    assert Comment.objects.count() == 1


def test_missing_answer_asks_for_the_digits(client, article):
    response = client.post(comment_url(article), comment_data(client, captcha_1=""))
    _assert_error_with_text_kept(response, "Hãy nhập 5 chữ số trong ảnh.")


def test_captcha_image_has_an_alt_text_saying_what_to_do(client, article):
    html = client.get(comment_url(article)).content.decode()
    assert (
        'alt="Mã xác nhận gồm 5 chữ số. Hãy nhập các chữ số nhìn thấy trong ảnh này vào ô bên cạnh."'
        in html
    )
    key = CaptchaStore.objects.get()
    assert key.response not in html.split("alt=")[1][:200]


def test_refresh_without_javascript_gives_a_new_captcha_and_keeps_everything(client, article):
    data = comment_data(client)
    response = client.post(comment_url(article), {**data, "refresh_captcha": "1"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Lấy lại mã bảo mật" in html
    assert "Tôi đồng tình với các nghị quyết." in html
    assert 'value="Ý kiến về kỳ họp"' in html
    assert 'name="consent" id="id_consent" checked' in html
    assert "field__error" not in html
    assert Comment.objects.count() == 0
    assert CaptchaStore.objects.exclude(hashkey=data["captcha_0"]).count() == 1


def test_captcha_images_are_served(client):
    store_key = CaptchaStore.generate_key()
    response = client.get(f"/captcha/image/{store_key}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"


def test_handing_out_captchas_is_rate_limited_per_source(client, settings):
    settings.CAPTCHA_RATE = "3/m"
    statuses = [client.get("/binh-luan/ma-xac-nhan/").status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    assert CaptchaStore.objects.count() == 3
    assert "quá nhiều mã xác nhận" in client.get("/binh-luan/ma-xac-nhan/").json()["error"]
    # Another source still gets one.
    assert client.get("/binh-luan/ma-xac-nhan/", REMOTE_ADDR="10.1.2.3").status_code == 200


def test_expired_captchas_are_cleaned_by_the_library_command(db):
    from django.core.management import call_command

    CaptchaStore.generate_key()
    CaptchaStore.objects.update(expiration=timezone.now() - timedelta(minutes=1))
    call_command("captcha_clean", verbosity=0)
    assert CaptchaStore.objects.count() == 0
