"""Addresses formatted from a pattern reversed once (core/urls.py) are reverse()'s own."""

import pytest
from django.urls import NoReverseMatch, reverse, set_script_prefix

from core.urls import quick_reverse


@pytest.mark.parametrize(
    ("viewname", "kwargs"),
    [
        ("articles:detail", {"slug": "tin-tuc", "pk": 1}),
        ("articles:detail", {"slug": "q0placeholder-2", "pk": 918273640}),
        ("articles:category", {"slug": "thoi_su-2026"}),
        ("comments:page", {"slug": "bai-viet", "pk": 12}),
        ("comments:captcha-audio", {"key": "ab12"}),
        ("articles:home", {}),
    ],
)
def test_addresses_are_those_reverse_gives(viewname, kwargs):
    assert quick_reverse(viewname, **kwargs) == reverse(viewname, kwargs=kwargs)


def test_the_script_prefix_is_followed():
    try:
        set_script_prefix("/cong-thong-tin/")
        assert quick_reverse("articles:detail", slug="tin", pk=7) == (
            "/cong-thong-tin/bai-viet/tin-7/"
        )
    finally:
        set_script_prefix("/")
    assert quick_reverse("articles:detail", slug="tin", pk=7) == "/bai-viet/tin-7/"


def test_what_reverse_would_quote_or_refuse_goes_to_reverse():
    # `<str:key>` takes any text: reverse() quotes it.
    assert quick_reverse("comments:captcha-audio", key="a b?ữ") == reverse(
        "comments:captcha-audio", kwargs={"key": "a b?ữ"}
    )
    assert "a%20b%3F%E1%BB%AF" in quick_reverse("comments:captcha-audio", key="a b?ữ")
    with pytest.raises(NoReverseMatch):
        quick_reverse("articles:detail", slug="tin tức", pk=7)
    with pytest.raises(NoReverseMatch):
        quick_reverse("articles:detail", slug="tin", pk="7a")
    # A number as text, which reverse() takes for <int:…>.
    assert quick_reverse("articles:detail", slug="tin", pk="7") == "/bai-viet/tin-7/"
