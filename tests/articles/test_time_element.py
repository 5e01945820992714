"""`{{ value|time_element }}`: the `<time>` element of cards, articles and comments."""

from datetime import UTC, datetime

from django.template import Context, Template
from django.test import override_settings
from django.utils import translation

from articles.templatetags.article_tags import _strftime_pattern, time_element

MOMENT = datetime(2026, 1, 25, 5, 28, 9, 123456, tzinfo=UTC)  # 12:28 in Hà Nội


def test_it_says_the_local_time_for_machines_and_readers():
    html = Template("{% load article_tags %}{{ moment|time_element }}").render(
        Context({"moment": MOMENT})
    )
    assert html == '<time datetime="2026-01-25T12:28:09+07:00">12:28 25/01/2026</time>'


def test_it_shows_what_the_date_filter_shows():
    with translation.override("vi"):
        ours = Template("{% load article_tags %}{{ moment|time_element }}").render(
            Context({"moment": MOMENT})
        )
        theirs = Template('{{ moment|date:"DATETIME_FORMAT" }}').render(Context({"moment": MOMENT}))
    assert f">{theirs}</time>" in ours


@override_settings(FORMAT_MODULE_PATH=[], LANGUAGE_CODE="en")
def test_formats_with_words_are_left_to_django():
    with translation.override("en"):
        html = Template("{% load article_tags %}{{ moment|time_element }}").render(
            Context({"moment": MOMENT})
        )
        expected = Template('{{ moment|date:"DATETIME_FORMAT" }}').render(
            Context({"moment": MOMENT})
        )
    assert "Jan." in expected
    assert html == f'<time datetime="2026-01-25T12:28:09+07:00">{expected}</time>'


def test_patterns():
    assert _strftime_pattern("H:i d/m/Y") == "%H:%M %d/%m/%Y"
    assert _strftime_pattern("d.m.y, H:i:s %") == "%d.%m.%y, %H:%M:%S %%"
    assert _strftime_pattern("N j, Y") is None
    assert _strftime_pattern(r"\N\g\à\y d/m/Y") is None


def test_nothing_for_no_time():
    assert time_element(None) == ""
