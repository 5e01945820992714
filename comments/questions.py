"""The "Hỏi đáp" page: readers' questions the newsroom has answered, across the site."""

from django.views.generic import ListView

from core.pagecache import CacheablePageMixin

from .replies import QUESTIONS_SCOPE
from .reply_models import Reply


class QuestionsView(CacheablePageMixin, ListView):
    """Answered comments, newest answer first, 20 a page, each with its article."""

    template_name = "comments/questions.html"
    context_object_name = "replies"
    paginate_by = 20

    def get_queryset(self):
        return Reply.objects.for_questions_page()

    @classmethod
    def page_cache_scopes(cls, url_kwargs):
        # A reply changes the site's version; a moderator hiding an answered comment only
        # this scope (and its article's).
        return [QUESTIONS_SCOPE]
