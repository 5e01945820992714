from .models import Article, Category

MOST_READ_COUNT = 5


def navigation(request):
    """What every reader page shows around its content: the category menu and the
    most-read box. Both fragments are cached in each worker's memory, so their queries
    rarely run: the template calls these only when it renders them."""
    return {
        "nav_categories": lambda: Category.objects.filter(parent__isnull=True).only("name", "slug"),
        # What the header's search form shows; the search page says what was searched.
        "search_query": "",
        "most_read": lambda: (
            Article.objects.published().most_read().for_listing()[:MOST_READ_COUNT]
        ),
    }
