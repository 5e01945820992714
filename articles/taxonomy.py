"""Categories and series as the article page names them, kept by each worker.

An article page shows its category (and that one's parent) and its series. They change
rarely, and every change bumps the taxonomy version (services.taxonomy_changed), which the
page reads anyway for its story's fragments: each worker keeps them under that version, and
the article is read alone. Joining them to it cost more to build in the ORM than the query
took to run.
"""

from django.core.cache import caches

from core.pagecache import fragment_version

from .models import Category, Series
from .services import TAXONOMY_SCOPE

# The version changes with every edit; this only bounds how long an unused copy stays.
KEPT_SECONDS = 600


def attach_taxonomy(request, article) -> None:
    """Give `article` its category (with its parent) and its series, as they are now."""
    version = fragment_version(request, TAXONOMY_SCOPE)
    kept = caches["template_fragments"]
    key = f"taxonomy:categories:{version}"
    categories = kept.get(key)
    if categories is None or article.category_id not in categories:
        categories = {c.pk: c for c in Category.objects.select_related("parent")}
        kept.set(key, categories, KEPT_SECONDS)
    article.category = categories[article.category_id]
    if article.series_id is None:
        return
    key = f"taxonomy:series:{article.series_id}:{version}"
    series = kept.get(key)
    if series is None:
        series = Series.objects.get(pk=article.series_id)
        kept.set(key, series, KEPT_SECONDS)
    article.series = series
