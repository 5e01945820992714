"""The XSS corpus as a reader's name, title and comment: stored as typed, shown escaped on
the article and in the form shown again."""

import re

import pytest
from django.utils.html import escape

from comments.models import Comment
from comments.personal_data import clean_line, clean_text
from comments.services import recount_comments
from tests.comments.conftest import comment_data, comment_url
from tests.xss_corpus import PAYLOADS, unsafe_parts

pytestmark = pytest.mark.django_db

# "a": each comment links to its report page ("Báo vi phạm"), an address of our own.
COMMENT_LIST_TAGS = {"ol", "li", "article", "h3", "p", "span", "time", "br", "a"}


def _ids(payload: str) -> str:
    return payload[:40]


def _comment_list(html: str) -> str:
    match = re.search(r'<ol class="comment-list">.*?</ol>', html, re.DOTALL)
    assert match, "no comment list on the page"
    return match.group(0)


@pytest.mark.parametrize("payload", PAYLOADS, ids=_ids)
def test_a_comment_made_of_markup_is_stored_as_typed_and_shown_as_text(
    client, article, settings, payload
):
    settings.COMMENT_RATE_SHORT = settings.COMMENT_RATE_LONG = "1000/s"
    data = comment_data(
        client,
        name=f"Ba {payload}"[:100],
        title=f"Tiêu đề {payload}"[:200],
        content=f"Dòng một {payload}\nDòng hai {payload}",
    )
    assert client.post(comment_url(article), data).status_code == 302
    comment = Comment.objects.get()
    assert comment.name == clean_line(data["name"])
    assert comment.title == clean_line(data["title"])
    assert comment.content == clean_text(data["content"])
    Comment.objects.update(status=Comment.Status.APPROVED)
    recount_comments()  # as approving through the services keeps it

    html = client.get(article.get_absolute_url()).content.decode()
    shown = _comment_list(html)
    assert unsafe_parts(shown, COMMENT_LIST_TAGS) == []
    assert escape(comment.name) in shown
    assert escape(comment.title) in shown
    first, second = comment.content.split("\n")
    assert f"{escape(first)}<br>{escape(second)}" in shown


@pytest.mark.parametrize("payload", PAYLOADS, ids=_ids)
def test_a_refused_comment_shows_the_markup_back_as_text(client, article, payload):
    data = comment_data(
        client,
        name=f"Ba {payload}"[:100],
        title=f"Tiêu đề {payload}"[:200],
        content=f"Nội dung {payload}",
        captcha_1="wrong",
    )
    response = client.post(comment_url(article), data)
    assert response.status_code == 400
    html = response.content.decode()
    # What the reader typed, exactly (the form is shown again unchanged), escaped.
    for typed in (data["name"], data["title"]):
        assert f'value="{escape(typed)}"' in html
    assert escape(data["content"]) in html
    if "<" in payload:
        assert payload not in html
    assert Comment.objects.count() == 0
