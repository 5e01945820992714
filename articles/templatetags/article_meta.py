"""Tags for the `meta` block of article pages: absolute addresses and JSON-LD."""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from articles.metadata import page_metadata

register = template.Library()

# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_SCRIPT_ESCAPES = ((">", "\\u003E"), ("<", "\\u003C"), ("&", "\\u0026"))


def json_ld(data: dict) -> str:
    """A <script type="application/ld+json"> element holding `data`. Browsers never run
    it (not JavaScript), so the site's script-src 'self' policy does not apply."""
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
    for character, escaped in _JSON_SCRIPT_ESCAPES:  # str.translate is slower on long text
        text = text.replace(character, escaped)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # noqa: S308 - escaped above
    )


@register.simple_tag(takes_context=True)
def article_metadata(context, article) -> dict:
    """`{% article_metadata article as meta %}`: articles.metadata.page_metadata, with the
    schema.org data as its <script> element (`meta.json_ld`)."""
    meta = page_metadata(article, request=context["request"])
    meta["json_ld"] = json_ld(meta.pop("news_article"))
    return meta
