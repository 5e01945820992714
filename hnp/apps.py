from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig


class HnpConfig(AppConfig):
    name = "hnp"
    verbose_name = "HNP"


class HnpAdminConfig(AdminConfig):
    """The Django admin, with the site's own AdminSite (name, logo, work waiting)."""

    default_site = "hnp.admin.HnpAdminSite"
