from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CommentsConfig(AppConfig):
    name = "comments"
    verbose_name = _("Comments")

    def ready(self):
        from core import pagecache

        from .closing import next_closing
        from .templatetags.comment_tags import NOTICE_PARAM, PAGE_PARAM

        # The comment section reads these on the article page (its page of comments, the
        # "awaiting moderation" notice): they are part of the cached page's key.
        pagecache.register_query_params(PAGE_PARAM, NOTICE_PARAM)
        # An article's comments closing by themselves changes its page then.
        pagecache.register_next_change(next_closing)
