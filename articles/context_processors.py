from .models import Article, Category

MOST_READ_COUNT = 5


def navigation(request):
    """What every reader page shows around its content: the category menu and the
    most-read box. Lazy querysets: both fragments are cached, so they rarely run."""
    return {
        "nav_categories": Category.objects.filter(parent__isnull=True).only("name", "slug"),
        "most_read": Article.objects.published().most_read().for_listing()[:MOST_READ_COUNT],
    }
