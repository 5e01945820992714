"""Tags for the article pictures of pages and cards, and the times they show."""

from django import template
from django.utils.formats import number_format
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


@register.filter(expects_localtime=True)
def html_datetime(value) -> str:
    """`<time datetime="{{ article.published_at|html_datetime }}">`: ISO 8601 to the second,
    "2026-01-25T12:28:00+07:00". `|date:'c'` adds microseconds when there are any, and HTML
    takes at most three digits of a second's fraction."""
    return value.isoformat(timespec="seconds") if value else ""


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
