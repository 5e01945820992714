from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = _("Articles")

    def ready(self):
        from django.db.backends.signals import connection_created

        from core import pagecache

        from . import services
        from .search import register_sqlite_functions

        connection_created.connect(register_sqlite_functions, dispatch_uid="hnp_sqlite_search")

        # What the page cache must know about the pages this app owns.
        pagecache.register_query_params("page", "q")
        pagecache.register_next_change(services.next_scheduled_change)
