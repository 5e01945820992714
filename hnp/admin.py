"""The admin site: the portal's name and logo, and each person's waiting work on the index."""

from django.conf import settings
from django.contrib import admin
from django.core.paginator import Paginator
from django.db import connections
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop


class HnpAdminSite(admin.AdminSite):
    site_title = _("HNP administration")
    index_title = _("Newsroom")

    @property
    def site_header(self):
        return settings.SITE_NAME

    def index(self, request, extra_context=None):
        extra_context = {**(extra_context or {}), "work_items": waiting_work(request.user)}
        return super().index(request, extra_context)


def waiting_work(user) -> list[dict]:
    """What waits for this person: drafts to review, their own drafts, comments to moderate."""
    from articles.models import Article

    items = []
    articles_url = reverse("admin:articles_article_changelist")
    if user.has_perm("articles.publish_article"):
        items.append(
            {
                "label": _("Articles awaiting review"),
                "count": Article.objects.awaiting_review().count(),
                "url": f"{articles_url}?status__exact=review",
            }
        )
    elif user.has_perm("articles.add_article"):
        items.append(
            {
                "label": _("Your drafts"),
                "count": Article.objects.filter(
                    created_by=user, status=Article.Status.DRAFT
                ).count(),
                "url": f"{articles_url}?status__exact=draft",
            }
        )
    items.extend(_comment_work(user))
    return items


def _comment_work(user) -> list[dict]:
    from comments.models import Comment

    if not user.has_perm("comments.change_comment"):
        return []
    return [
        {
            "label": _("Comments awaiting moderation"),
            "count": Comment.objects.pending().count(),
            "url": reverse("admin:comments_comment_changelist") + "?status__exact=pending",
        }
    ]


def status_badge(css_modifier: str, label) -> str:
    """A coloured status label for change lists (styles in static/css/admin.css)."""
    return format_html('<span class="status-badge status-badge--{}">{}</span>', css_modifier, label)


class EstimatedCountPaginator(Paginator):
    """A paginator that does not COUNT(*) a whole large table on PostgreSQL.

    An unfiltered change list over a million rows would spend most of its time counting;
    PostgreSQL's planner statistics give the size closely enough for page links. Filtered
    lists are small and counted exactly.
    """

    threshold = 100_000

    @cached_property
    def count(self):
        queryset = self.object_list
        if getattr(queryset, "query", None) is not None and not queryset.query.where:
            connection = connections[queryset.db]
            if connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute(
                        "SELECT reltuples::bigint FROM pg_class WHERE oid = %s::regclass",
                        [queryset.model._meta.db_table],
                    )
                    row = cursor.fetchone()
                if row and row[0] and row[0] > self.threshold:
                    return int(row[0])
        return super().count


# Texts of Django's admin that its Vietnamese catalogue does not translate yet. Listed here
# so our catalogue (hnp/locale/vi), which takes precedence, carries them.
DJANGO_ADMIN_GAPS = (
    gettext_noop("Skip to main content"),
    gettext_noop("Breadcrumbs"),
    gettext_noop("Show counts"),
    gettext_noop("Hide counts"),
    gettext_noop("Toggle theme (current theme: auto)"),
    gettext_noop("Toggle theme (current theme: light)"),
    gettext_noop("Toggle theme (current theme: dark)"),
    gettext_noop("Toggle navigation"),
    gettext_noop("Filter navigation items"),
    gettext_noop("Added:"),
    gettext_noop("Changed:"),
    gettext_noop("Deleted:"),
    gettext_noop("Error:"),
    gettext_noop("Model name"),
    gettext_noop("Add link"),
    gettext_noop("Change or view list link"),
    gettext_noop("View selected %(model)s"),
    gettext_noop("Select all objects on this page for an action"),
    gettext_noop("Select this object for an action - {}"),
    gettext_noop("Forgotten your login credentials?"),
    gettext_noop("In case you’ve forgotten, you are:"),
)
