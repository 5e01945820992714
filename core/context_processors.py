from django.utils.functional import SimpleLazyObject

from core.pagecache import site_version


def page_cache(request):
    """`site_version` for the keys of cached fragments that lists share (menu, most read,
    related articles): they are rebuilt together with the pages when the site changes.
    The page cache has read it already for cacheable pages; others read it on first use."""
    known = getattr(request, "site_version", None)
    return {"site_version": known or SimpleLazyObject(lambda: site_version(request))}
