"""What an article page tells search engines and social networks about itself."""

from functools import lru_cache
from html import escape
from urllib.parse import urljoin

from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import localtime

from .text import shorten

# Longer headlines are cut by search engines' news listings.
HEADLINE_MAX_LENGTH = 110
# Search results show about this much of a description; link previews a little more.
DESCRIPTION_LENGTH = 200
PREVIEW_DESCRIPTION_LENGTH = 300


def cover_image_url(article, *, request) -> str | None:
    """The absolute address of the cover's large rendition, for previews and JSON-LD."""
    if not article.cover_image:
        return None
    return request.build_absolute_uri(article.cover_url(1200))


def modified_at(article):
    """When the article last changed as readers know it: an edit made before a scheduled
    publication is not a modification after it."""
    times = [t for t in (article.updated_at, article.published_at) if t]
    return max(times) if times else None


def head_tags(article, *, request, preview: bool = False, comment_page: bool = False):
    """The article page's tags for search engines and link previews: description,
    canonical address, Open Graph, Twitter cards and schema.org NewsArticle as JSON-LD.

    Written here rather than in the template: they are twenty-odd attribute pairs, built
    on every first view of an article, where the template engine cost ten times as much.
    A preview says only its description and `noindex`; the comment page is not indexed."""
    description = shorten(article.lead, DESCRIPTION_LENGTH)
    tags = [_meta("name", "description", description)]
    if preview or comment_page:
        tags.append(_meta("name", "robots", "noindex"))
    if preview:
        return SafeString("\n".join(tags))
    url = request.build_absolute_uri(article.get_absolute_url())
    cover = cover_image_url(article, request=request)
    published = _iso(article.published_at)
    modified = _iso(modified_at(article))
    title = article.display_title
    properties = [
        ("og:type", "article"),
        ("og:site_name", settings.SITE_NAME),
        ("og:locale", "vi_VN"),
        ("og:title", title),
        ("og:description", shorten(article.lead, PREVIEW_DESCRIPTION_LENGTH)),
        ("og:url", url),
    ]
    if cover:
        properties += [("og:image", cover), ("og:image:alt", article.cover_alt)]
    properties += [
        ("article:published_time", published),
        ("article:modified_time", modified),
        ("article:section", article.category.name),
    ]
    names = [
        ("twitter:card", "summary_large_image" if cover else "summary"),
        ("twitter:title", title),
        ("twitter:description", description),
    ]
    if cover:
        names += [("twitter:image", cover), ("twitter:image:alt", article.cover_alt)]
    data = news_article_data(
        article=article,
        request=request,
        url=url,
        image=cover,
        published=published,
        modified=modified,
    )
    tags.append(f'<link rel="canonical" href="{escape(url)}">')
    tags += [_meta("property", key, value) for key, value in properties]
    tags += [_meta("name", key, value) for key, value in names]
    tags.append(json_ld(data))
    return SafeString("\n".join(tags))


def _meta(attribute: str, key: str, content) -> str:
    # html.escape is what django.utils.html.escape runs, without the wrapper for lazy
    # text that costs more than the escaping itself (some twenty calls a page).
    return f'<meta {attribute}="{key}" content="{escape(str(content))}">'


@lru_cache(maxsize=16)
def _publisher(site_root: str, name: str) -> dict:
    """The site as schema.org's publisher, for the site's address `site_root` (one per
    host and scheme): the same on every article page. Callers must not change it."""
    return {
        "@type": "Organization",
        "name": name,
        "url": urljoin(site_root, reverse("articles:home")),
        "logo": {"@type": "ImageObject", "url": urljoin(site_root, static("img/logo.svg"))},
    }


def _iso(moment) -> str:
    return localtime(moment).isoformat() if moment else ""


# One encoder for every page (json.dumps makes one per call when given options).
_JSON = DjangoJSONEncoder(ensure_ascii=False)
# As django.utils.html.json_script: nothing in the data can close the <script> element.
_JSON_SCRIPT_ESCAPES = ((">", "\\u003E"), ("<", "\\u003C"), ("&", "\\u0026"))


def json_ld(data: dict) -> str:
    """A <script type="application/ld+json"> element holding `data`. Browsers never run
    it (not JavaScript), so the site's script-src 'self' policy does not apply."""
    text = _JSON.encode(data)
    for character, escaped in _JSON_SCRIPT_ESCAPES:  # str.translate is slower on long text
        text = text.replace(character, escaped)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(text),  # noqa: S308 - escaped above
    )


def news_article_data(
    *, article, request, url: str, image: str | None, published: str, modified: str
) -> dict:
    """schema.org NewsArticle of a published article, ready for JSON-LD: its absolute
    `url`, cover `image`, and times `published` and last `modified` (ISO 8601, empty when
    unknown) as head_tags worked them out."""
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": shorten(article.display_title, HEADLINE_MAX_LENGTH),
        "description": article.lead,
        "inLanguage": "vi",
        "articleSection": article.category.name,
        "author": [{"@type": "Person", "name": article.author_name}],
        "publisher": _publisher(request.build_absolute_uri("/"), settings.SITE_NAME),
    }
    if published:
        data["datePublished"] = published
    if modified:
        data["dateModified"] = modified
    if image:
        data["image"] = [image]
    return data
