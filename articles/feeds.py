"""RSS 2.0 feeds: the latest articles, and those of one category or one series."""

import copy
import mimetypes

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import escape
from django.utils.translation import gettext as _

from .models import Article, Category, Series

FEED_SIZE = 30
SLASH_NAMESPACE = "http://purl.org/rss/1.0/modules/slash/"


class ArticleRssFeed(Rss201rev2Feed):
    """RSS 2.0 with each item's number of approved comments (`<slash:comments>`)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:slash": SLASH_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("slash:comments", str(item["comment_count"]))


class ArticleFeed(Feed):
    """What every article feed shares: absolute links, the lead as description, the cover
    image as enclosure, the author and the category."""

    feed_type = ArticleRssFeed
    language = "vi"

    def __call__(self, request, *args, **kwargs):
        # One Feed instance serves every request: the request goes on a copy of it.
        feed = copy.copy(self)
        feed.request = request
        return Feed.__call__(feed, request, *args, **kwargs)

    def articles(self, obj):
        return Article.objects.published()

    def items(self, obj):
        return self.articles(obj).for_feed().order_by("-published_at", "-pk")[:FEED_SIZE]

    def item_extra_kwargs(self, article):
        # The stored count: no COUNT per item.
        return {"comment_count": article.comment_count}

    def item_title(self, article):
        # Readers show the title as HTML, hence escaped once more in the XML (as Django does).
        return escape(article.display_title)

    def item_description(self, article):
        return escape(article.lead)

    def item_pubdate(self, article):
        return article.published_at

    def item_updateddate(self, article):
        return article.updated_at

    def item_author_name(self, article):
        return article.author_name

    def item_categories(self, article):
        return [article.category.name]

    def item_enclosures(self, article):
        image = article.cover_image
        if not image:
            return []
        try:
            # The file's size, as RSS asks; local files answer at once.
            length = image.storage.size(image.name)
        except (OSError, NotImplementedError):
            length = 0
        mime_type = mimetypes.guess_type(image.name)[0] or "image/jpeg"
        url = self.request.build_absolute_uri(image.url)
        return [Enclosure(url=url, length=str(length), mime_type=mime_type)]


class LatestArticlesFeed(ArticleFeed):
    def title(self):
        return settings.SITE_NAME

    def link(self):
        return reverse("articles:home")

    def description(self):
        return _("The latest articles of %(site)s.") % {"site": settings.SITE_NAME}


class CategoryFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Category, slug=slug)

    def articles(self, category):
        return Article.objects.published().in_category(category)

    def title(self, category):
        return f"{category.name} - {settings.SITE_NAME}"

    def link(self, category):
        return category.get_absolute_url()

    def description(self, category):
        return _("The latest articles in %(category)s.") % {"category": category.name}


class SeriesFeed(ArticleFeed):
    def get_object(self, request, slug):
        return get_object_or_404(Series, slug=slug)

    def articles(self, series):
        return Article.objects.published().filter(series=series)

    def title(self, series):
        return f"{series.title} - {settings.SITE_NAME}"

    def link(self, series):
        return series.get_absolute_url()

    def description(self, series):
        return series.description or _("The parts of the series %(series)s.") % {
            "series": series.title
        }
