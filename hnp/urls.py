import re

from captcha import urls as captcha_urls
from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.generic import RedirectView
from django.views.static import serve

from articles.sitemaps import SITEMAPS

from . import views

# Requests the site cannot read get the Vietnamese page, never a 500 (see bad_request).
handler400 = "hnp.views.bad_request"

urlpatterns = [
    # The login's second step lives under the admin's path, before the admin's catch-all.
    path(f"{settings.ADMIN_URL}otp/", include("accounts.urls")),
    path(settings.ADMIN_URL, admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path(
        "favicon.ico",
        RedirectView.as_view(url=f"{settings.STATIC_URL}img/favicon.svg", permanent=True),
    ),
    path("robots.txt", views.robots_txt, name="robots_txt"),
    path("chinh-sach-bao-ve-du-lieu/", views.PrivacyNoticeView.as_view(), name="privacy"),
    path(
        "sitemap.xml",
        sitemap_views.index,
        {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap_section"},
        name="sitemap",
    ),
    path(
        "sitemap-<section>.xml",
        sitemap_views.sitemap,
        {"sitemaps": SITEMAPS},
        name="sitemap_section",
    ),
    # The captcha images only; comments hand out new challenges themselves (rate-limited).
    path("captcha/", include([p for p in captcha_urls.urlpatterns if p.name != "captcha-refresh"])),
    path("", include("comments.urls")),
    path("", include("articles.urls")),
]

if settings.SERVE_MEDIA:
    # Uploads served by the app itself: development, tests, small single-machine sites.
    urlpatterns += [
        re_path(
            rf"^{re.escape(settings.MEDIA_URL.lstrip('/'))}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        )
    ]
