"""The sitemap: /sitemap.xml is always an index of sections (articles, categories, series).

An index costs one small request more on a young site and nothing to change later: once
there are more than `ArticleSitemap.limit` articles (the protocol allows 50,000 URLs per
file; we keep files small), the articles section simply gets more pages (`?p=2`, ...),
each listed in the index.
"""

from django.contrib.sitemaps import Sitemap
from django.db.models import Max

from .models import Article, Category, Series


class ArticleSitemap(Sitemap):
    changefreq = "weekly"
    limit = 5000

    def items(self):
        return (
            Article.objects.published()
            .only("id", "slug", "updated_at")
            .order_by("-published_at", "-pk")
        )

    def lastmod(self, article):
        return article.updated_at

    def get_latest_lastmod(self):
        # The index asks this of every section; Django's default would load every article.
        return Article.objects.published().aggregate(latest=Max("updated_at"))["latest"]


class CategorySitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Category.objects.only("slug")


class SeriesSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        # A series page is worth listing once one of its parts is out.
        return (
            Series.objects.filter(articles__in=Article.objects.published())
            .distinct()
            .only("slug", "created_at")
        )


SITEMAPS = {"articles": ArticleSitemap, "categories": CategorySitemap, "series": SeriesSitemap}
