"""Consent is the ticked checkbox itself: a browser sends "on"; nothing else counts."""

import pytest

from comments.models import Comment
from tests.comments.conftest import comment_data, comment_url

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("value", ["0", "1", "false", "true", "off", "no", "yes", "ON", " on", ""])
def test_any_other_value_than_the_checkbox_s_own_is_no_consent(client, article, value):
    response = client.post(comment_url(article), comment_data(client, consent=value))
    assert response.status_code == 400
    html = response.content.decode()
    assert "Vui lòng đánh dấu ô đồng ý" in html
    assert 'name="consent" id="id_consent" checked' not in html
    assert Comment.objects.count() == 0


def test_without_the_field_there_is_no_consent(client, article):
    data = comment_data(client)
    del data["consent"]
    assert client.post(comment_url(article), data).status_code == 400
    assert Comment.objects.count() == 0


def test_the_ticked_checkbox_is_consent_and_its_time_and_notice_version_are_stored(
    client, article, settings
):
    assert client.post(comment_url(article), comment_data(client, consent="on")).status_code == 302
    comment = Comment.objects.get()
    assert comment.consent_at is not None
    assert comment.consent_version == settings.PRIVACY_NOTICE_VERSION


def test_a_refreshed_captcha_keeps_the_box_ticked_only_for_the_checkbox_s_own_value(
    client, article
):
    ticked = client.post(comment_url(article), comment_data(client, refresh_captcha="1"))
    assert 'name="consent" id="id_consent" checked' in ticked.content.decode()
    forged = client.post(
        comment_url(article), comment_data(client, refresh_captcha="1", consent="0")
    )
    assert 'name="consent" id="id_consent" checked' not in forged.content.decode()
