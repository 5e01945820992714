"""What an article page tells search engines and social networks about itself."""

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils.text import Truncator
from django.utils.timezone import localtime

# Longer headlines are cut by search engines' news listings.
HEADLINE_MAX_LENGTH = 110


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


def news_article_data(*, article, request) -> dict:
    """schema.org NewsArticle of a published article, ready for JSON-LD."""
    url = request.build_absolute_uri(article.get_absolute_url())
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": Truncator(article.display_title).chars(HEADLINE_MAX_LENGTH),
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
    if modified := modified_at(article):
        data["dateModified"] = localtime(modified).isoformat()
    image = cover_image_url(article, request=request)
    if image:
        data["image"] = [image]
    return data
