from django.contrib.sitemaps import Sitemap

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


class CategorySitemap(Sitemap):
    changefreq = "hourly"

    def items(self):
        return Category.objects.only("slug")


class SeriesSitemap(Sitemap):
    changefreq = "daily"

    def items(self):
        return (
            Series.objects.filter(articles__in=Article.objects.published())
            .distinct()
            .only("slug", "created_at")
        )


SITEMAPS = {"articles": ArticleSitemap, "categories": CategorySitemap, "series": SeriesSitemap}
