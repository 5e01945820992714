"""Whole reader pages from the shared cache, for readers who are not logged in.

A page is cached only when its view says so (CacheablePageMixin), only for GET/HEAD requests
without a session cookie (staff neither get nor fill cached pages), and only when the
response is a plain 200 without cookies and without `private`/`no-store`/`no-cache`.

Pages are never served stale by waiting for a timeout. Each cached page carries the
versions it was built with: the site's version, which any change to what lists show
bumps (an article published, edited, unpublished, deleted; a category or series changed;
the time of the next scheduled article reached), and, for pages that belong to one
object, that object's version (an article's comments moderated, its views counted).
A hit is one round trip to the cache: the page and the versions it must still match.

The apps tell this module what they own at start-up (`register_*` from their AppConfig),
so it imports none of them.
"""

import hashlib
import os
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache as once
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.http import HttpResponse
from django.urls import Resolver404, resolve
from django.utils.cache import patch_cache_control
from django.utils.http import urlencode

from core.cache import cache_is_degraded
from core.localpages import memory, watcher

SITE = "site"
_PREFIX = "pc:"
_VERSION = _PREFIX + "v:"

# What makes up a release: the code, templates, static sources and compiled translations.
_RELEASE_SUFFIXES = {".py", ".html", ".txt", ".css", ".js", ".svg", ".mo"}
_RELEASE_SKIP = {"node_modules", "media", "staticfiles", "tests", "bench", "artifacts", "build"}


def release() -> str:
    """A short fingerprint of the running code: part of every page key and fragment token,
    so a deployment never serves pages built by the previous version of the templates.

    PAGE_CACHE_RELEASE (e.g. the deployed commit) names it; otherwise it is a hash of the
    project's own files, the same on every server that runs the same code (taken again on
    each request with DEBUG, where templates change under a running server)."""
    if settings.PAGE_CACHE_RELEASE:
        return settings.PAGE_CACHE_RELEASE[:16]
    return _files_hash() if settings.DEBUG else _files_hash_once()


def _files_hash() -> str:
    digest = hashlib.blake2b(digest_size=6)
    base = Path(settings.BASE_DIR)
    for folder, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if not d.startswith((".", "_")) and d not in _RELEASE_SKIP)
        for name in sorted(files):
            path = Path(folder, name)
            if path.suffix in _RELEASE_SUFFIXES:
                digest.update(str(path.relative_to(base)).encode())
                digest.update(path.read_bytes())
    return digest.hexdigest()


_files_hash_once = once(_files_hash)


@dataclass
class _Registry:
    # Query parameters that change what a page shows; any other (fbclid, utm_…) is ignored
    # in the key, so tracking links neither miss nor flood the cache.
    query_params: set
    # Each returns the Unix time of the next scheduled change it knows of, or None (an
    # article due to appear, an article's comments due to close…).
    next_change: list[Callable[[], float | None]]


_registry = _Registry(query_params=set(), next_change=[])


def register_query_params(*names: str) -> None:
    _registry.query_params.update(names)


def register_next_change(function: Callable[[], float | None]) -> None:
    if function not in _registry.next_change:
        _registry.next_change.append(function)


# --- versions ----------------------------------------------------------------------------


def _new_version(next_change: float | None = None):
    # A random token, not a counter: a version evicted from the cache and made again can
    # never match a page built before.
    return (secrets.token_hex(6), next_change)


def _next_change() -> float | None:
    moments = [moment for f in _registry.next_change if (moment := f()) is not None]
    return min(moments, default=None)


def _store_versions(versions: dict, *, only_new: bool = False) -> bool:
    """Write new versions to the shared cache, and have every process's memory forget the
    old ones (core/localpages.py). `only_new`: only where none exists yet."""
    entries = {_VERSION + scope: version for scope, version in versions.items()}
    return watcher().store(entries, list(versions), only_new=only_new)


def _is_object_scope(scope: str) -> bool:
    """Scopes named `kind:id` ("article:12") belong to one object's pages; the others
    ("site", "taxonomy"…) to many."""
    return ":" in scope


def site_changed() -> None:
    """Something lists show has changed: every cached page is rebuilt on its next view."""
    _store_versions({SITE: _new_version(_next_change())})


def scope_changed(scope: str) -> None:
    """The object behind `scope` (e.g. "article:12") changed: its pages are rebuilt."""
    _store_versions({scope: _new_version()})


def scopes_changed(scopes) -> None:
    _store_versions({scope: _new_version() for scope in scopes})


def _unknown_version() -> str:
    """For fragment keys when the shared cache cannot say a version, and changes made
    meanwhile go unannounced: a key never used before, so no fragment a worker keeps
    (core/fragments.py) is served while it is down."""
    return f"{release()}-{secrets.token_hex(6)}"


def site_version(request=None) -> str:
    """The site's current version token, for keys of fragments that lists share (kept in
    each worker's memory: the `template_fragments` cache); the page cache has read it
    already for a cacheable page it missed (`request.site_version`)."""
    known = getattr(request, "site_version", None)
    if known:
        return known
    version = cache.get(_VERSION + SITE)
    if version is None and cache_is_degraded():
        return _unknown_version()
    return release() + (version[0] if version else "0")


def _make_version(scope: str):
    """A first version for `scope`, unless a change sets one meanwhile (then that one);
    None when the cache does not answer."""
    version = _new_version(_next_change() if scope == SITE else None)
    if _store_versions({scope: version}, only_new=True):
        return version
    return cache.get(_VERSION + scope)


def scope_version(request, scope: str) -> str | None:
    """The current version token of `scope`, for keys of fragments of that object's page
    (read by the middleware already when it looked the page up). None when the cache
    cannot say: nothing should then be cached under it."""
    known = getattr(request, "page_versions", {}).get(scope)
    if known is None:
        version = cache.get(_VERSION + scope) or _make_version(scope)
        known = version[0] if version else None
    return None if known is None else release() + known


def fragment_version(request, scope: str) -> str:
    """`scope`'s version for the keys of fragments each worker keeps (core/fragments.py)."""
    return scope_version(request, scope) or _unknown_version()


def _page_key(request) -> str:
    if not request.META.get("QUERY_STRING"):
        return f"{_PREFIX}{release()}:{request.path}?"
    # Views read a parameter's last value (QueryDict.get): so does the key, and
    # `?q=a&q=b` is the page of "b" whatever else comes before it.
    kept = sorted(
        (name, request.GET[name]) for name in request.GET if name in _registry.query_params
    )
    return f"{_PREFIX}{release()}:{request.path}?{urlencode(kept)}"


# --- views opt in ------------------------------------------------------------------------


class CacheablePageMixin:
    """For reader views whose pages are the same for every anonymous reader.

    The middleware reads these class attributes after resolving the URL, before the view
    runs, so that a hit costs no more than the lookup."""

    page_cacheable = True

    @classmethod
    def page_cache_scopes(cls, url_kwargs) -> list[str]:
        """Scopes besides the site's whose change must rebuild this page."""
        return []

    @classmethod
    def page_cache_hit(cls, request, url_kwargs) -> None:
        """Called when a reader gets this page from the cache (the view does not run)."""


def _due(site_version) -> bool:
    """True when the site's version names a scheduled change whose time has come."""
    return (
        site_version is not None
        and site_version[1] is not None
        and (time.time() >= site_version[1])
    )


@lru_cache(maxsize=4096)
def _cacheable_view(path_info: str):
    """The view class behind the path if its pages may be cached (else None), and the URL's
    match (None if there is none). Resolving walks every URL pattern: once per path and
    process, and the handler (core/handlers.py) uses the match instead of resolving the
    path again."""
    try:
        match = resolve(path_info)
    except Resolver404:
        return None, None
    view_class = getattr(match.func, "view_class", None)
    if not getattr(view_class, "page_cacheable", False):
        return None, match
    return view_class, match


@receiver(setting_changed)
def _urls_changed(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _cacheable_view.cache_clear()


def _is_anonymous_read(request) -> bool:
    return request.method in ("GET", "HEAD") and (
        settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


def _storable(response) -> bool:
    if response.status_code != 200:
        return False
    if response.streaming or response.cookies:
        return False
    control = response.get("Cache-Control", "")
    return not any(word in control for word in ("private", "no-store", "no-cache"))


class PageCacheMiddleware:
    """Serve and keep whole pages for anonymous readers (see the module's docstring).

    Placed after SecurityMiddleware and WhiteNoise and before everything else, so a hit
    skips sessions, CSRF, authentication and the view; the headers the inner middleware
    added (CSP, X-Frame-Options…) are stored with the page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PAGE_CACHE_SECONDS or cache_is_degraded():
            return self.get_response(request)
        view_class, match = _cacheable_view(request.path_info)
        # For the handler (core/handlers.py), which checks it still applies.
        request.resolver_match = match
        if view_class is None:
            return self.get_response(request)
        url_kwargs = match.kwargs
        if not _is_anonymous_read(request):
            response = self.get_response(request)
            # The same page for a logged-in person: keep it out of shared caches.
            patch_cache_control(response, private=True, no_cache=True)
            return response

        key = _page_key(request)
        scopes = [SITE, *view_class.page_cache_scopes(url_kwargs)]
        trusted = watcher().trusted()

        def served(entry, versions):
            """The stored page if it was built under `versions`, counted as a hit."""
            if entry is None or not self._still_valid(entry, versions):
                return None
            view_class.page_cache_hit(request, url_kwargs)
            return self._hit(entry)

        if trusted:
            # This process's own copy, if the versions it knows are still the current ones.
            versions = memory.versions_of(scopes)
            if versions is not None and not _due(versions[SITE]):
                hit = served(memory.page(key), versions)
                if hit is not None:
                    return hit

        generation = memory.generation
        found = cache.get_many([key, *(_VERSION + s for s in scopes)])
        versions = {s: found.get(_VERSION + s) for s in scopes}
        if _due(versions[SITE]):
            # A scheduled article is due: every page that lists it changes now.
            site_changed()
            versions[SITE] = cache.get(_VERSION + SITE)
        elif trusted and None not in versions.values():
            memory.remember(versions, generation)
        entry = found.get(key)
        hit = served(entry, versions)
        if hit is None and trusted:  # the versions were not known here, the page may be
            hit = served(memory.page(key), versions)
        elif hit is not None and trusted:
            memory.keep(key, entry)
        if hit is not None:
            return hit

        # First start, or evicted: a first version, stored with the page (only where none
        # exists by then: a change made meanwhile sets its own, and this page, built under
        # a version that never becomes current, is never served).
        first = {
            scope: _new_version(_next_change() if scope == SITE else None)
            for scope, version in versions.items()
            if version is None
        }
        versions.update(first)
        request.page_versions = {s: v[0] for s, v in versions.items()}
        request.site_version = release() + versions[SITE][0]

        response = self.get_response(request)
        page = None
        stored = False
        if _storable(response):
            self._mark_cacheable(response)
            # Pages of one object (an article's) are many, and most are opened rarely:
            # stored once built PAGE_CACHE_MIN_USES times. Lists and searches at once.
            one_object = any(_is_object_scope(scope) for scope in scopes)
            if stored := (not one_object or memory.built(key)):
                entry = self._entry(response, scopes, versions)
                if trusted:
                    memory.keep(key, entry)
                if not trusted or watcher().shares_pages:
                    page = (key, entry, settings.PAGE_CACHE_SECONDS)
        if not stored:
            # Not kept (yet): an object's first version waits for its page to be, the
            # versions many pages share (the site's…) key fragments and are stored now.
            first = {scope: v for scope, v in first.items() if not _is_object_scope(scope)}
        if page is not None or first:
            watcher().store_page(page, {_VERSION + s: v for s, v in first.items()})
        return response

    @staticmethod
    def _still_valid(entry, versions) -> bool:
        return entry["versions"] == {s: v[0] if v else None for s, v in versions.items()}

    @staticmethod
    def _hit(entry) -> HttpResponse:
        response = HttpResponse(entry["content"], status=entry["status"])
        headers = entry.get("checked_headers")
        if headers is None:
            for header, value in entry["headers"]:
                response.headers[header] = value
            response.headers["X-Page-Cache"] = "hit"
            # Kept with the worker's own copy: the next hit copies the headers as checked
            # and encoded once, instead of checking each again.
            entry["checked_headers"] = dict(response.headers._store)
        else:
            response.headers._store = headers.copy()
        return response

    @staticmethod
    def _mark_cacheable(response) -> None:
        """The headers of a page the cache may keep, stored now or not."""
        patch_cache_control(response, public=True, max_age=settings.PAGE_PROXY_SECONDS)
        response.headers["X-Page-Cache"] = "miss"

    @staticmethod
    def _entry(response, scopes, versions) -> dict:
        entry = {
            "versions": {s: versions[s][0] for s in scopes},
            "status": response.status_code,
            "headers": [
                (name, value)
                for name, value in response.items()
                if name.lower() not in ("set-cookie", "x-page-cache")
            ],
            "content": response.content,
        }
        return entry
