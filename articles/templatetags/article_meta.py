"""Tags for the `meta` block of article pages: absolute addresses and JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.metadata import cover_image_url, modified_at, news_article_data

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def json_ld(data: dict) -> str:
    """A <script type="application/ld+json"> element holding `data`. Browsers never run
    it (not JavaScript), so the site's script-src 'self' policy does not apply."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text.translate(_JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped above
    )


@register.simple_tag(takes_context=True)
def absolute_url(context, path: str) -> str:
    return context["request"].build_absolute_uri(path)


@register.simple_tag(takes_context=True)
def article_cover_url(context, article) -> str:
    return cover_image_url(article, request=context["request"]) or ""


@register.simple_tag
def article_modified_at(article):
    return modified_at(article)


@register.simple_tag(takes_context=True)
def news_article_json_ld(context, article) -> str:
    return json_ld(news_article_data(article=article, request=context["request"]))
