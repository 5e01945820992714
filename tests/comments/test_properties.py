"""Whatever a client sends to the comment form (any Unicode, huge or malformed values):
never a server error, never a half-stored comment, and what is stored is shown back
exactly as stored, escaped."""

import re

import pytest
from captcha.models import CaptchaStore
from django.test import Client
from django.utils.html import escape
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from comments.models import Comment
from comments.services import recount_comments
from core import pagecache
from tests.comments.conftest import comment_url, shown_seconds_ago

pytestmark = pytest.mark.django_db

# Few examples and no deadline: each one is a full request and a page view.
EXAMPLES = settings(
    max_examples=100,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Any character a form can carry: controls, NUL, bidirectional marks, emoji, other scripts
# (lone surrogates cannot be encoded in a request at all).
any_char = st.characters(exclude_categories=["Cs"])
short_text = st.text(any_char, max_size=30)
# Long values repeat a short piece: thousands of characters, some over the field's limit;
# huge ones are over the 64 KB a comment request may weigh.
long_text = st.builds(
    lambda piece, times: piece * times,
    st.text(any_char, min_size=1, max_size=4),
    st.integers(50, 2000),
)
huge_text = st.builds(lambda piece: piece * 30_000, st.text(any_char, min_size=1, max_size=3))
text = st.one_of(short_text, short_text, short_text, long_text, long_text, huge_text)


# One value, several values for one name (a hand-made query string), or none at all.
ABSENT = object()


def maybe_many(values):
    return st.one_of(values, st.lists(values, min_size=2, max_size=3), st.just(ABSENT))


VALID = {
    "name": "Nguyễn Thị Hoa",
    "phone": "0912 345 678",
    "title": "Ý kiến về kỳ họp",
    "content": "Tôi đồng tình.\nMong sớm triển khai.",
    "consent": "on",
    "website": "",
}
# A valid comment with up to three of its fields replaced (or left out, or repeated): by
# any text, or by text of a length a name, a title or a comment may have.
overrides = st.dictionaries(
    st.sampled_from([*VALID, "captcha_0", "captcha_1", "shown", "refresh_captcha", "x"]),
    st.one_of(st.text(any_char, min_size=5, max_size=90), maybe_many(text)),
    max_size=3,
)


COMMENT_LIST_RE = re.compile(r'<ol class="comment-list">.*?</ol>', re.DOTALL)


@pytest.fixture
def _no_limits(settings):
    settings.COMMENT_RATE_SHORT = settings.COMMENT_RATE_LONG = "1000000/s"
    settings.CAPTCHA_RATE = "1000000/s"


@pytest.mark.usefixtures("_no_limits")
@EXAMPLES
@given(changes=overrides)
def test_any_input_gets_a_clean_answer_and_stores_all_or_nothing(article, changes):
    Comment.objects.all().delete()
    store = CaptchaStore.objects.get(hashkey=CaptchaStore.generate_key())
    data = {
        **VALID,
        "captcha_0": store.hashkey,
        "captcha_1": store.response,
        "shown": shown_seconds_ago(),
    }
    data.update(changes)
    data = {name: value for name, value in data.items() if value is not ABSENT}

    response = Client().post(comment_url(article), data)

    assert response.status_code in (200, 302, 400, 413, 429), response.status_code
    event(f"answered {response.status_code}")
    stored = list(Comment.objects.all())
    if response.status_code != 302:
        assert stored == []
        return
    assert len(stored) == 1
    comment = stored[0]
    # Complete: every rule of the form holds for what was stored.
    assert 2 <= len(comment.name) <= 100
    assert 1 <= len(comment.title) <= 200
    assert 1 <= len(comment.content) <= 3000
    assert comment.consent_at is not None
    assert comment.ip_hash
    assert comment.content_hash
    # Shown back exactly, escaped, once approved.
    Comment.objects.update(status=Comment.Status.APPROVED)
    recount_comments()
    pagecache.scope_changed(f"article:{article.pk}")  # as approving does
    page = Client().get(article.get_absolute_url()).content.decode()
    shown = COMMENT_LIST_RE.search(page).group(0)
    assert escape(comment.name) in shown
    assert escape(comment.title) in shown
    assert escape(comment.content).replace("\n", "<br>") in shown


@EXAMPLES
@given(query=maybe_many(text), page=maybe_many(short_text))
def test_search_answers_any_query_and_echoes_it_escaped(client, query, page):
    from articles.search import clean_query

    params = {}
    if query is not ABSENT:
        params["q"] = query
    if page is not ABSENT:
        params["page"] = page
    response = client.get("/tim-kiem/", params)
    assert response.status_code == 200
    html = response.content.decode()
    last = query[-1] if isinstance(query, list) else query
    shown = clean_query(last if last is not ABSENT else "")
    assert f'value="{escape(shown)}"' in html
