"""What an article page tells search engines and social networks about itself."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
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


def page_metadata(article, *, request) -> dict:
    """What the article page's head says of it (the `meta` block), each part worked out
    once: its address, cover, descriptions, last change and schema.org data."""
    url = request.build_absolute_uri(article.get_absolute_url())
    cover = cover_image_url(article, request=request)
    modified = modified_at(article)
    return {
        "canonical_url": url,
        "cover_url": cover or "",
        "modified_at": modified,
        "description": shorten(article.lead, DESCRIPTION_LENGTH),
        "preview_description": shorten(article.lead, PREVIEW_DESCRIPTION_LENGTH),
        "news_article": news_article_data(
            article=article, request=request, url=url, image=cover, modified=modified
        ),
    }


def news_article_data(*, article, request, url=None, image=None, modified=None) -> dict:
    """schema.org NewsArticle of a published article, ready for JSON-LD (`url`, `image`
    and `modified` when the caller has worked them out already)."""
    url = url or request.build_absolute_uri(article.get_absolute_url())
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
        "publisher": {
            "@type": "Organization",
            "name": settings.SITE_NAME,
            "url": request.build_absolute_uri(reverse("articles:home")),
            "logo": {
                "@type": "ImageObject",
                "url": request.build_absolute_uri(static("img/logo.svg")),
            },
        },
    }
    if article.published_at:
        data["datePublished"] = localtime(article.published_at).isoformat()
    if modified := modified or modified_at(article):
        data["dateModified"] = localtime(modified).isoformat()
    if image := image or cover_image_url(article, request=request):
        data["image"] = [image]
    return data
