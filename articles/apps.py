from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.backends.signals import connection_created

        from .search import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="hnp_sqlite_fold")
