"""The article page's lists of the other articles of its category, newer and older.

Readers mostly open recent articles, and a category's recent articles are the same list for
all of them: each worker keeps the newest CATEGORY_WINDOW links of a category (one query,
plain values) under the site's version, so a change of any article makes a new key and the
list is read again. An article inside that window finds its neighbours there without a
query; an older one (or an unpublished one being previewed) is read with one query on
PostgreSQL (two on SQLite), compiled once per process (Article.objects.neighbour_links).
"""

from django.core.cache import caches
from django.utils.translation import get_language

from core.pagecache import site_version

from .models import Article, ArticleLink

CATEGORY_WINDOW = 500


def _category_window(request, category_id: int) -> tuple[list[ArticleLink], dict[int, int]]:
    """The newest CATEGORY_WINDOW published articles of the category, newest first, in the
    order of newer_than/older_than (publish time, then pk), and each one's place in it."""
    key = (
        f"category-window:{category_id}:{CATEGORY_WINDOW}:{get_language()}:{site_version(request)}"
    )
    fragments = caches["template_fragments"]
    window = fragments.get(key)
    if window is None:
        rows = (
            Article.objects.published()
            .filter(category_id=category_id)
            .order_by("-published_at", "-pk")[:CATEGORY_WINDOW]
        )
        links = rows.links()
        window = (links, {link.pk: index for index, link in enumerate(links)})
        fragments.set(key, window, 600)
    return window


def related_links(request, article, count: int) -> tuple[list[ArticleLink], list[ArticleLink]]:
    """The `count` articles of the category published just after `article`, nearest first,
    and the `count` published just before it, nearest first."""
    window, places = _category_window(request, article.category_id)
    index = places.get(article.pk)
    full = len(window) == CATEGORY_WINDOW
    # In the window, with `count` older ones after it unless the window is the whole category.
    if index is not None and not (full and index + count >= len(window)):
        newer = window[max(0, index - count) : index][::-1]
        older = window[index + 1 : index + 1 + count]
        return newer, older
    return Article.objects.neighbour_links(article, count)
