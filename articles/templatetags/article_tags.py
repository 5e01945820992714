"""Tags for the article pictures of pages and cards, and the times they show."""

from functools import lru_cache

from django import template
from django.utils.formats import date_format, get_format, number_format
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext, ngettext

from articles.models import COVER_WIDTHS

register = template.Library()


@register.simple_tag
def cover_srcset(article) -> SafeString:
    """The `srcset` of an article's cover: each rendition of COVER_WIDTHS with its width,
    "/media/…480.webp 480w, /media/…800.webp 800w, …"."""
    return format_html_join(
        ", ", "{} {}w", ((article.cover_url(width), width) for width in COVER_WIDTHS)
    )


@register.simple_tag
def cover_url(article, width: int) -> str:
    """`{% cover_url article 800 %}`: the address of one rendition of the cover."""
    return article.cover_url(width)


# Django's date format characters that mean the same as a strftime directive (zero-padded
# numbers, no words to translate).
_STRFTIME = {"d": "%d", "m": "%m", "Y": "%Y", "y": "%y", "H": "%H", "i": "%M", "s": "%S"}


@lru_cache(maxsize=16)
def _strftime_pattern(django_format: str) -> str | None:
    """`django_format` as a strftime pattern, or None if it has characters strftime cannot
    say the same way (month names, escapes…)."""
    pattern = []
    for character in django_format:
        if character in _STRFTIME:
            pattern.append(_STRFTIME[character])
        elif character.isalpha() or character == "\\":
            return None
        else:
            pattern.append(character.replace("%", "%%"))
    return "".join(pattern)


@register.filter(expects_localtime=True)
def time_element(value) -> str:
    """`{{ article.published_at|time_element }}`: `<time datetime="…">12:28 25/01/2026</time>`,
    the ISO time for machines and DATETIME_FORMAT for readers. One filter for both, and
    the format turned into a strftime pattern once: `|date` reads its format character by
    character on every call, and cards, results and comments show a time each. The ISO time
    is to the second ("2026-01-25T12:28:00+07:00"): `|date:'c'` adds microseconds when there
    are any, and HTML takes at most three digits of a second's fraction."""
    if not value:
        return ""
    django_format = get_format("DATETIME_FORMAT")
    pattern = _strftime_pattern(django_format)
    shown = value.strftime(pattern) if pattern else date_format(value, django_format)
    return format_html('<time datetime="{}">{}</time>', value.isoformat(timespec="seconds"), shown)


@register.simple_tag
def view_count(count: int) -> str:
    """`{% view_count article.view_count %}`: "2.953 lượt xem", the count grouped and the
    words in the language's plural form (a tag: blocktranslate cost five times as much)."""
    return ngettext("%(views)s view", "%(views)s views", count) % {"views": grouped(count)}


@register.filter
def grouped(value) -> str:
    """A count with the language's thousands separator: "2.953" in Vietnamese."""
    return number_format(value, force_grouping=True)


@register.filter
def link_list(links) -> SafeString:
    """`{{ links|link_list }}`: a list of titles of ArticleLink items, whose list items are
    made already (articles.models.LINK_HTML): joined here, on every first view of
    an article, rather than looped over in a template."""
    if not links:
        return format_html(
            '<ul class="article-list"><li class="article-list__empty">{}</li></ul>',
            gettext("No articles."),
        )
    return SafeString('<ul class="article-list">' + "".join(link.html for link in links) + "</ul>")
