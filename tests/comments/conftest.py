import time

import pytest
from captcha.models import CaptchaStore
from django.core import signing
from django.urls import reverse

from comments.forms import _TIMESTAMP_SALT
from tests.factories import ArticleFactory


@pytest.fixture
def article(db):
    return ArticleFactory(published=True, title="Kỳ họp thứ mười HĐND tỉnh")


def shown_seconds_ago(seconds: float = 30) -> str:
    """A form-shown token as the site would have issued it `seconds` ago."""
    return signing.dumps(time.time() - seconds, salt=_TIMESTAMP_SALT, compress=False)


def fresh_captcha(client) -> CaptchaStore:
    """What the reader's browser gets when they start writing; the answer read from the db."""
    response = client.get(reverse("comments:session"))
    assert response.status_code == 200, response.content
    return CaptchaStore.objects.get(hashkey=response.json()["captcha"]["key"])


def comment_data(client, **overrides) -> dict:
    store = fresh_captcha(client)
    data = {
        "name": "Nguyễn Thị Hoa",
        "phone": "0912 345 678",
        "title": "Ý kiến về kỳ họp",
        "content": "Tôi đồng tình với các nghị quyết.\nMong sớm triển khai.",
        "captcha_0": store.hashkey,
        "captcha_1": store.response,
        "consent": "on",
        "website": "",
        "shown": shown_seconds_ago(),
    }
    data.update(overrides)
    return data


def comment_url(article) -> str:
    return reverse("comments:page", kwargs={"slug": article.slug, "pk": article.pk})
