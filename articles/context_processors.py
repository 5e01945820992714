from .models import Category


def navigation(request):
    """Top-level categories for the site menu (lazy: the menu fragment is cached)."""
    return {"nav_categories": Category.objects.filter(parent__isnull=True).only("name", "slug")}
