from django.apps import AppConfig
from django.contrib.admin.apps import AdminConfig
from django.db.models.signals import post_migrate


class HnpConfig(AppConfig):
    name = "hnp"
    verbose_name = "HNP"

    def ready(self):
        from core.roles import sync_roles

        # Groups follow core.roles after every migrate (and every test-database flush).
        post_migrate.connect(sync_roles, dispatch_uid="hnp.sync_roles")


class HnpAdminConfig(AdminConfig):
    """The Django admin, with the site's own AdminSite (name, logo, work waiting)."""

    default_site = "hnp.admin.HnpAdminSite"
